import { describe, expect, it } from 'vitest';
import { resolveProtocol } from '../../../src/comment/comment-protocol.js';
import { wordpressCommentsEndpoint } from '../../../src/comment/server-rendered-form.js';

describe('wordpressCommentsEndpoint: the comments route under the REST API root WordPress prints', () => {
  it.each([
    // Pretty permalinks: <link rel="https://api.w.org/" href="https://news.example/wp-json/">
    ['https://news.example/wp-json/', 'https://news.example/wp-json/wp/v2/comments'],
    ['https://news.example/wp-json', 'https://news.example/wp-json/wp/v2/comments'],
    // A site in a folder, and a custom REST prefix (the rest_url_prefix filter).
    ['https://news.example/blog/api/', 'https://news.example/blog/api/wp/v2/comments'],
    // Plain permalinks, as WordPress 6.1 prints them with and without index.php.
    ['https://news.example/?rest_route=/', 'https://news.example/?rest_route=%2Fwp%2Fv2%2Fcomments'],
    [
      'http://127.0.0.1:8081/index.php?rest_route=/',
      'http://127.0.0.1:8081/index.php?rest_route=%2Fwp%2Fv2%2Fcomments',
    ],
    // Other query parameters (a language plugin's) stay.
    ['https://news.example/?lang=uk&rest_route=/', 'https://news.example/?lang=uk&rest_route=%2Fwp%2Fv2%2Fcomments'],
  ])('%s → %s', (root, endpoint) => {
    expect(wordpressCommentsEndpoint(root)).toBe(endpoint);
    // And the form recognizes what it built as WordPress.
    expect(resolveProtocol(endpoint)).toBe('wordpress');
  });
});
