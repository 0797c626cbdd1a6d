/**
 * Plain-text fields that hold markup, as some generators write them (Publii puts its
 * excerpt's HTML in a JSON Feed `summary`): the reader gets their text, and text that
 * only mentions a tag keeps its words.
 *
 * No feed in test/fixtures/ has markup in a plain-text field, and none could be fetched
 * here, so each case is a real corpus feed or post changed in memory: jsonfeed.org's own
 * feed, its first post's real `content_html` paragraphs copied into `summary` (what a
 * generator that takes the excerpt as HTML writes), and frontity's real WordPress post.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeJsonFeed } from '../../../src/article/normalize-json-feed.js';
import { normalizeWordPressPost } from '../../../src/article/normalize-wordpress.js';

const corpus = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/corpus/${path}`, import.meta.url), 'utf8'));
const JSON_FEED_ORG = 'feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_spec_1.json';
const GULLFOSS =
  'wordpress/frontity__frontity__packages__wp-source__src__libraries__schemas____tests____mocks__post-60.json';

/** jsonfeed.org's feed with its first item's fields replaced. */
function jsonFeedOrgWith(fields: (item: Record<string, string>) => Record<string, unknown>, feedFields = {}) {
  const feed = corpus(JSON_FEED_ORG);
  const [item] = feed.items;
  return normalizeJsonFeed({ ...feed, ...feedFields, items: [{ ...item, ...fields(item) }] });
}
/** The first two paragraphs of the post, as HTML: `<p>We — …</p>\n<p>So we developed … <a href>RSS</a> …</p>`. */
const firstParagraphs = (item: Record<string, string>) => item.content_html!.split('\n').slice(0, 2).join('\n');

describe('JSON Feed plain-text fields that hold markup', () => {
  it('shows the text of an HTML summary, with no tags', () => {
    const { articles } = jsonFeedOrgWith((item) => ({ summary: firstParagraphs(item) }));
    const summary = articles[0]!.summary!;
    expect(summary.kind).toBe('text');
    expect(summary.value).toMatch(/^We — Manton Reece and Brent Simmons — have noticed that JSON has become/);
    expect(summary.value).toContain(
      'less prone to bugs. So we developed JSON Feed, a format similar to RSS and Atom but in JSON.',
    );
    expect(summary.value).not.toMatch(/[<>]|href|\n/);
  });

  it('reads Publii’s paragraph-and-span summary as its words', () => {
    const { articles } = jsonFeedOrgWith(() => ({
      summary: '<p><span class="tinymce-lang" lang="en">JSON Feed &#8211; a format for <em>feeds</em></span></p>',
    }));
    expect(articles[0]!.summary).toEqual({ kind: 'text', value: 'JSON Feed \u2013 a format for feeds' });
  });

  it('does the same for the title, author names, tags and the feed title', () => {
    const { feedTitle, articles } = jsonFeedOrgWith(
      () => ({
        title: 'Announcing <strong>JSON Feed</strong>',
        authors: [{ name: '<span class="author">Manton Reece</span>' }, { name: 'Brent <b>Simmons</b>' }],
        tags: ['<span>Formats</span>', '<a href="/tags/json">JSON</a>', '<b></b>'],
      }),
      { title: '<em>JSON</em> Feed' },
    );
    expect(feedTitle).toBe('JSON Feed');
    expect(articles[0]!.title).toEqual({ kind: 'text', value: 'Announcing JSON Feed' });
    expect(articles[0]!.authors.map((author) => author.name)).toEqual(['Manton Reece', 'Brent Simmons']);
    // A tag that was nothing but empty markup names nothing, and is dropped.
    expect(articles[0]!.categories).toEqual(['Formats', 'JSON']);
  });

  it('keeps every word of a title, summary and tag that only mention tags', () => {
    const { articles } = jsonFeedOrgWith(() => ({
      title: 'Use the <p> element, not two <br>',
      summary: 'Wrap quotes in `<blockquote>` and close them with `</blockquote>`; escape &lt;code&gt;.',
      tags: ['<p>', 'List<String>'],
    }));
    expect(articles[0]!.title!.value).toBe('Use the <p> element, not two <br>');
    expect(articles[0]!.summary!.value).toBe(
      'Wrap quotes in `<blockquote>` and close them with `</blockquote>`; escape <code>.',
    );
    expect(articles[0]!.categories).toEqual(['<p>', 'List<String>']);
  });

  it('leaves the real feed as it is', () => {
    const { feedTitle, articles } = normalizeJsonFeed(corpus(JSON_FEED_ORG));
    expect(feedTitle).toBe('JSON Feed');
    expect(articles[0]!.title).toEqual({ kind: 'text', value: 'Announcing JSON Feed' });
    expect(articles[0]!.authors.map((author) => author.name)).toEqual(['Brent Simmons and Manton Reece']);
  });
});

describe('WordPress author and term names that hold markup', () => {
  it('shows their text, and keeps names that mention a tag', () => {
    const post = corpus(GULLFOSS);
    post._embedded.author[0].name = '<span class="display-name">Alan Martin</span>';
    const [categories, tags] = post._embedded['wp:term'];
    categories[0].name = '<em>Photography</em> &amp; Film';
    tags[0].name = 'The <p> tag';
    const article = normalizeWordPressPost(post);
    expect(article.authors.map((author) => author.name)).toEqual(['Alan Martin']);
    expect(article.categories).toEqual(['Photography & Film', 'Travel']);
    expect(article.tags).toEqual(['The <p> tag', 'Iceland', 'Nature', 'Waterfall']);
  });
});
