import { describe, expect, it } from 'vitest';
import { draftKey } from '../../../src/comment/draft-key.js';

const key = (pageUrl: string, postId?: string, parent?: string) => draftKey({ pageUrl, postId, parent });

describe('draftKey', () => {
  it('names the page, the post and the parent comment', () => {
    expect(key('https://news.example/2026/03/story/', '42')).toBe(
      'draft:https://news.example/2026/03/story/|post:42|parent:0',
    );
    expect(key('https://news.example/story', '42', '7')).toBe('draft:https://news.example/story|post:42|parent:7');
    expect(key('https://news.example/story')).toBe('draft:https://news.example/story|post:|parent:0');
  });

  it('finds the draft again when the reader comes back from a newsletter or social link', () => {
    const plain = key('https://news.example/story?page=2', '42');
    expect(key('https://news.example/story?utm_source=newsletter&page=2&utm_medium=email&UTM_Campaign=x', '42')).toBe(
      plain,
    );
    expect(key('https://news.example/story?fbclid=IwAR3x&page=2&gclid=abc&mc_cid=1&mc_eid=2&_ga=2.1', '42')).toBe(
      plain,
    );
  });

  it('finds the draft again after jumping to #comments or reordering the query', () => {
    expect(key('https://news.example/story?b=2&a=1#comments', '42')).toBe(
      key('https://news.example/story?a=1&b=2', '42'),
    );
    expect(key('https://NEWS.example:443/story?', '42')).toBe(key('https://news.example/story', '42'));
  });

  it('keeps a reply draft apart from the top-level comment draft, and one post from another', () => {
    const page = 'https://news.example/live-blog';
    const keys = new Set([
      key(page, '42'),
      key(page, '42', '7'),
      key(page, '42', '8'),
      key(page, '43'),
      key(`${page}?day=2`, '42'),
    ]);
    expect(keys.size).toBe(5);
  });

  it('keeps query parameters that choose the page, and the page path as it is', () => {
    expect(key('https://news.example/?p=42&preview=true', '42')).toBe(
      'draft:https://news.example/?p=42&preview=true|post:42|parent:0',
    );
    expect(key('https://news.example/story', '42')).not.toBe(key('https://news.example/story/', '42'));
  });

  it('treats a missing parent and parent 0 alike', () => {
    expect(key('https://news.example/story', '42', '')).toBe(key('https://news.example/story', '42', '0'));
  });

  it('cannot be fooled into matching another draft by a | in an id', () => {
    expect(key('https://news.example/s', '1|parent:2')).not.toBe(key('https://news.example/s', '1', '2'));
  });

  it('leaves out credentials in the page address', () => {
    expect(key('https://editor:secret@news.example/story', '42')).toBe(
      'draft:https://news.example/story|post:42|parent:0',
    );
  });

  it('still makes a key from a page address it cannot parse, without the hash', () => {
    expect(key('not a url#x', '42')).toBe('draft:not a url|post:42|parent:0');
  });
});
