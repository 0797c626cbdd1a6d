import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEntities, textFromHtml } from '../../../src/shared/plain-text.js';

const corpus = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/corpus/${path}`, import.meta.url), 'utf8'));
const elasticFeed = corpus('feeds/feed-rs__feed-rs__feed-rs__fixture__jsonfeed__jsonfeed_elastic_1.1.json');
const gullfossPost = corpus(
  'wordpress/frontity__frontity__packages__wp-source__src__libraries__schemas____tests____mocks__post-60.json',
);

describe('decodeEntities', () => {
  it('shows the dash a WordPress-made feed title encodes as &#8211;', () => {
    expect(elasticFeed.title).toBe('Blog &#8211; InfluxData');
    expect(decodeEntities(elasticFeed.title)).toBe('Blog \u2013 InfluxData');
  });

  it('decodes hexadecimal references in either case and astral code points', () => {
    expect(decodeEntities('It&#x2019;s &#X201C;here&#x201d;')).toBe('It\u2019s \u201chere\u201d');
    expect(decodeEntities('Thanks &#128578;')).toBe('Thanks \u{1F642}');
  });

  it('decodes the named references feed titles use', () => {
    expect(
      decodeEntities(
        '&amp;&lt;&gt;&quot;&apos;&nbsp;&hellip;&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;&laquo;&raquo;&copy;&reg;&trade;',
      ),
    ).toBe('&<>"\'\u00a0\u2026\u2014\u2013\u2018\u2019\u201c\u201d\u00ab\u00bb\u00a9\u00ae\u2122');
  });

  it('leaves unknown names, wrong case and references without a semicolon as they are', () => {
    expect(decodeEntities('&foo; &AMP; &amp &#8211 &; &#; &#xZZ;')).toBe('&foo; &AMP; &amp &#8211 &; &#; &#xZZ;');
    // Object.prototype names are not entities either.
    expect(decodeEntities('&constructor; &toString;')).toBe('&constructor; &toString;');
  });

  it('replaces code points HTML refuses with U+FFFD', () => {
    expect(decodeEntities('a&#0;b')).toBe('a\ufffdb');
    expect(decodeEntities('&#xD800;&#56320;')).toBe('\ufffd\ufffd');
    expect(decodeEntities('&#x110000;')).toBe('\ufffd');
    expect(decodeEntities('&#99999999999999999999;')).toBe('\ufffd');
  });

  it('decodes only once, so double-encoded text stays readable as written', () => {
    expect(decodeEntities('&amp;#8211; &amp;amp;')).toBe('&#8211; &amp;');
  });

  it('leaves text without references unchanged', () => {
    const title = 'InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark';
    expect(decodeEntities(title)).toBe(title);
  });
});

describe('textFromHtml', () => {
  it('gives the readable text of a real WordPress post, paragraphs kept apart', () => {
    const text = textFromHtml(gullfossPost.content.rendered);
    expect(
      text.startsWith(
        'Gullfoss is a waterfall located in the canyon of the Hvítá river in southwest Iceland. Gullfoss is one of the most popular tourist attractions in Iceland.',
      ),
    ).toBe(true);
    expect(text).toContain('An iconic waterfall of Iceland Gullfoss, an iconic waterfall of Iceland.');
    expect(text).not.toMatch(/[<>]|\s{2}|iframe|href/);
  });

  it('turns an excerpt into one line of plain text', () => {
    expect(textFromHtml(gullfossPost.excerpt.rendered)).toBe(
      'Gullfoss is a waterfall located in the canyon of the Hvítá river in southwest Iceland.',
    );
  });

  it('keeps words of adjacent blocks apart', () => {
    expect(textFromHtml('<h2>Talks</h2><p>Ended.</p><ul><li>One</li><li>Two</li></ul>Line<br/>break')).toBe(
      'Talks Ended. One Two Line break',
    );
  });

  it('does not split words at inline tags', () => {
    expect(textFromHtml('Breaking: <em>Rates</em> &amp; <strong>mar</strong>kets')).toBe('Breaking: Rates & markets');
  });

  it('keeps escaped markup as visible text instead of removing it', () => {
    expect(textFromHtml('How &lt;script&gt; tags work')).toBe('How <script> tags work');
  });

  it('drops the bodies of script and style elements and comments', () => {
    expect(textFromHtml('Title<script>alert("x")</script><style>p { color: red }</style><!-- note -->!')).toBe(
      'Title!',
    );
    expect(textFromHtml('Title<!-- unclosed comment')).toBe('Title');
  });

  it('keeps a less-than sign that starts no tag', () => {
    expect(textFromHtml('a < b and 3 <4, c > d')).toBe('a < b and 3 <4, c > d');
  });

  it('removes a tag whose quoted attribute holds a >', () => {
    expect(textFromHtml('<img alt="a > b" src="x.png">Caption')).toBe('Caption');
  });

  it('collapses whitespace and trims', () => {
    expect(textFromHtml('  Hello,\n\t <br>world  ')).toBe('Hello, world');
  });
});
