/**
 * `<news-article>` against a real WordPress (scripts/wordpress.sh): posts as WordPress's
 * REST API really sends them, fetched with `?_embed` from another origin, on a site
 * without pretty permalinks (`/?rest_route=/wp/v2/posts/ID`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { attr, openReader, useWordPress } from './support/wordpress.js';

/** The seed article's paragraphs, as the demo feed carries them (the text the fixture post was made from). */
const seedParagraphs = [
  ...JSON.parse(
    readFileSync(new URL('../../demo/article-feed.json', import.meta.url), 'utf8'),
  ).items[0].content_html.matchAll(/<p>([\s\S]*?)<\/p>/g),
].map(([, html]) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));

/** What the element shows, read from its shadow root. */
function renderedArticle(page) {
  return page.locator('news-article[state="ready"]').evaluate((element) => {
    const root = element.shadowRoot;
    const text = (selector) => root.querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim();
    const image = root.querySelector('[part~="image"]');
    const time = root.querySelector('[part~="byline"] .published time');
    return {
      headline: text('[part~="headline"]'),
      headingLevel: root.querySelector('[part~="headline"]')?.tagName,
      paragraphs: [...root.querySelectorAll('article > div p')].map((p) => p.textContent),
      byline: text('[part~="byline"]'),
      authorLinks: [...root.querySelectorAll('[part~="byline"] a[rel="author"]')].map((a) => ({
        name: a.textContent,
        href: a.href,
      })),
      published: time && { datetime: time.getAttribute('datetime'), text: time.textContent },
      modified: text('[part~="byline"] .modified'),
      categories: text('[part~="categories"]'),
      tags: text('[part~="tags"]'),
      image: image && {
        src: image.getAttribute('src'),
        alt: image.getAttribute('alt'),
        width: image.getAttribute('width'),
        height: image.getAttribute('height'),
        srcset: image.getAttribute('srcset'),
        loaded: image.complete && image.naturalWidth > 0,
      },
      structuredData: JSON.parse(element.querySelector('script[type="application/ld+json"]')?.textContent ?? 'null'),
    };
  });
}

describe('<news-article> against a real WordPress', { timeout: 120_000 }, () => {
  let wp;
  let pages;
  let browser;
  useWordPress((started) => ({ wp, pages, browser } = started));

  it('renders a post fetched with _embed: title, content, author, date and category, from another origin', async (t) => {
    const { seed } = wp.posts;
    const reader = await openReader(t, browser);
    const requests = [];
    reader.context.on('response', (response) => {
      if (!response.url().startsWith(wp.origin)) return;
      requests.push(
        Promise.all([
          response.request().headerValue('origin'),
          response.headerValue('access-control-allow-origin'),
        ]).then(([origin, allowOrigin]) => ({
          url: response.url(),
          origin,
          allowOrigin,
        })),
      );
    });
    const page = await reader.open(pages.page(`<news-article src="${attr(wp.postUrl(seed.id))}"></news-article>`));
    await page.locator('news-article[state="ready"]').waitFor();
    const article = await renderedArticle(page);

    assert.equal(article.headline, seed.title);
    assert.equal(article.headingLevel, 'H1');
    assert.equal(seedParagraphs.length, 10);
    assert.deepEqual(
      article.paragraphs,
      seedParagraphs,
      'the ten paragraphs, with Çavuşoğlu and Erdoğan spelled right',
    );
    assert.ok(article.paragraphs[8].includes('Mevlüt Çavuşoğlu') && article.paragraphs[8].includes('Erdoğan'));
    const post = await wp.getJson(wp.postUrl(seed.id));
    assert.deepEqual(article.authorLinks, [{ name: wp.author, href: `${wp.origin}/?author=${post.author}` }]);
    assert.match(article.byline, new RegExp(`^By ${wp.author} · Published 10 March 2022$`));
    assert.deepEqual(article.published, { datetime: '2022-03-10T10:00:00.000Z', text: '10 March 2022' });
    assert.equal(article.modified, undefined, 'not modified on another day');
    assert.equal(article.categories, 'Categorized as News');
    assert.equal(article.tags, undefined);
    assert.equal(article.image, null, 'the seed article has no featured image');
    assert.equal(article.structuredData?.headline, seed.title);

    // Cross-origin, as a news site embedding its WordPress: the request said where it came
    // from, and WordPress allowed that origin.
    assert.notEqual(new URL(page.url()).origin, wp.origin);
    const postRequest = (await Promise.all(requests)).find(({ url }) => url.includes(`/wp/v2/posts/${seed.id}`));
    assert.ok(postRequest, 'the post was fetched from WordPress');
    assert.equal(postRequest.origin, pages.origin);
    assert.equal(postRequest.allowOrigin, pages.origin);
    reader.assertNoProblems();
  });

  it('renders the featured image (alt, width, height, srcset of the generated sizes) and the tags', async (t) => {
    const { image: post } = wp.posts;
    const media = await wp.getJson(wp.rest(`/wp/v2/media/${post.mediaId}`));
    const reader = await openReader(t, browser);
    const page = await reader.open(pages.page(`<news-article src="${attr(wp.postUrl(post.id))}"></news-article>`));
    await page.locator('news-article[state="ready"]').waitFor();
    await page.waitForFunction(
      () => document.querySelector('news-article').shadowRoot.querySelector('[part~="image"]')?.complete,
    );
    const article = await renderedArticle(page);

    assert.equal(article.headline, post.title);
    assert.deepEqual(article.paragraphs, [
      'Delegations arrived in Antalya for the Diplomacy Forum on Friday.',
      'The forum follows Thursday’s talks between the foreign ministers of Russia and Ukraine.',
    ]);
    assert.equal(article.image.src, media.source_url);
    assert.equal(article.image.alt, post.alt);
    assert.equal(media.alt_text, post.alt);
    assert.equal(article.image.width, String(media.media_details.width));
    assert.equal(article.image.height, String(media.media_details.height));
    assert.deepEqual([article.image.width, article.image.height], ['1200', '675']);
    // Every size of the same shape (not the square thumbnail), smallest first.
    const sizes = media.media_details.sizes;
    assert.equal(
      article.image.srcset,
      [sizes.medium, sizes.medium_large, sizes.large, sizes.full]
        .map((size) => `${size.source_url} ${size.width}w`)
        .join(', '),
    );
    assert.ok(article.image.loaded, 'the image loads from WordPress');
    assert.equal(article.categories, 'Categorized as News');
    assert.equal(article.tags, `Tagged ${new Intl.ListFormat('en-GB', { type: 'unit' }).format(post.tags)}`);
    reader.assertNoProblems();
  });

  it('picks the post a slug names from a posts collection', async (t) => {
    const collection = `${wp.rest('/wp/v2/posts')}&_embed`;
    const posts = await wp.getJson(collection);
    const { seed, image } = wp.posts;
    assert.ok(
      posts.length >= 4 && posts[0].slug !== seed.slug && posts[0].slug !== image.slug,
      'neither post comes first, so `item` has to choose',
    );

    const reader = await openReader(t, browser);
    const page = await reader.open(
      pages.page(`<news-article src="${attr(collection)}" item="${seed.slug}"></news-article>
<news-article src="${attr(collection)}" item="${image.slug}" heading-level="2"></news-article>`),
    );
    await page.waitForFunction(() =>
      [...document.querySelectorAll('news-article')].every((element) => element.state === 'ready'),
    );
    const [first, second] = await page.locator('news-article').evaluateAll((elements) =>
      elements.map((element) => ({
        headline: element.shadowRoot.querySelector('[part~="headline"]').textContent.trim(),
        postId: element.article.postId,
        slug: element.article.slug,
        image: element.shadowRoot.querySelector('[part~="image"]')?.getAttribute('alt') ?? null,
      })),
    );
    assert.deepEqual(first, { headline: seed.title, postId: seed.id, slug: seed.slug, image: null });
    assert.deepEqual(second, { headline: image.title, postId: image.id, slug: image.slug, image: image.alt });
    reader.assertNoProblems();
  });
});
