import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holdsMarkup, plainTextField, textFromHtml } from '../../../src/shared/plain-text.js';

const corpus = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/corpus/${path}`, import.meta.url), 'utf8'));
/** jsonfeed.org's own feed: its first post's `content_html` is real markup, two paragraphs with links. */
const jsonFeedOrg = corpus('feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_spec_1.json');
const realParagraphs: string = jsonFeedOrg.items[0].content_html.split('\n').slice(0, 2).join('\n');

describe('holdsMarkup', () => {
  it('finds the markup generators put in plain-text fields', () => {
    // Publii's shape: the excerpt's paragraph with the editor's span inside.
    expect(holdsMarkup('<p><span class="tinymce-lang" lang="en">Our new season starts</span></p>')).toBe(true);
    expect(holdsMarkup(realParagraphs)).toBe(true);
    expect(holdsMarkup('Rates <em>rise</em> again')).toBe(true);
    expect(holdsMarkup('<P>Upper case</P >')).toBe(true);
    expect(holdsMarkup('<a href="/x?a=1&b=2" title="a > b">link</a>')).toBe(true);
  });

  it('reads text that mentions tags as text', () => {
    for (const mention of [
      'Use the <p> element',
      'Use the `<p>` element',
      'Wrap a quote in `<blockquote>` and end it with `</blockquote>`',
      'Line breaks: <br>, <br/> and <hr />',
      'a < b and c > d, 3 <4',
      'List<String> and Map<K, V> in Java',
      '&lt;p&gt;Escaped&lt;/p&gt;',
      'An end tag </p> before a start tag <p>',
      'A custom element: <news-article>x</news-article>',
    ]) {
      expect(holdsMarkup(mention), mention).toBe(false);
    }
  });

  it('takes one pass over a long text of unclosed tags', () => {
    const started = performance.now();
    expect(holdsMarkup('<p '.repeat(300_000))).toBe(false);
    expect(holdsMarkup('<p>'.repeat(300_000) + '</span>')).toBe(false);
    expect(holdsMarkup(`<p title="${'x'.repeat(1_000_000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('plainTextField', () => {
  it('shows the text of a summary a generator wrote in HTML, with no tags', () => {
    expect(plainTextField(realParagraphs)).toBe(textFromHtml(realParagraphs));
    expect(plainTextField(realParagraphs)).toMatch(
      /^We — Manton Reece and Brent Simmons — have noticed .* less prone to bugs\. So we developed JSON Feed, a format similar to RSS and Atom but in JSON\./,
    );
    expect(plainTextField(realParagraphs)).not.toMatch(/[<>]|href/);
    expect(plainTextField('<p><span class="x" lang="en">It&#8217;s <em>back</em></span></p>')).toBe('It\u2019s back');
  });

  it('keeps every word of text that mentions a tag, entities decoded', () => {
    expect(plainTextField('Use the <p> element')).toBe('Use the <p> element');
    expect(plainTextField('Use the `<p>` element')).toBe('Use the `<p>` element');
    expect(plainTextField('Use the &lt;p&gt; element &#8211; not <br>')).toBe('Use the <p> element \u2013 not <br>');
    expect(plainTextField('  Rock &amp; Roll  ')).toBe('Rock & Roll');
  });

  it('reads nothing from a non-string, blank text or empty markup', () => {
    for (const value of [undefined, null, 42, {}, ['x'], '', '   ', '<p> </p>', '<span></span>']) {
      expect(plainTextField(value), JSON.stringify(value)).toBeUndefined();
    }
  });
});
