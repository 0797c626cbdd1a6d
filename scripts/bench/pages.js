/**
 * The pages the benchmark loads, all built around the demo's article (demo/article-feed.json)
 * and one page shell, so the three load pages differ only in how the article and form arrive:
 *
 * - static:  the article as server-rendered HTML and WordPress's own comment form, no JavaScript
 *            (the limit; also the plain-<textarea> page the typing test compares with);
 * - inline:  `<news-article item=…>` with the feed inline in the page, `<comment-form>` inside;
 * - src:     `<news-article src=…>` fetching the feed (what the demo page does), `<comment-form>` inside;
 * - server-rendered: the static page's article inside `<news-article src=…>` (`slot="article"`, dated as
 *            the feed's item, so what loads is not newer and the markup stays), `<comment-form>` inside;
 * - form:    the static page's article, and `<comment-form>` alone in place of WordPress's form, loaded as the
 *            README advises a page without a `<news-article>`: with dist/news-widgets-comments.js.
 *
 * The widget pages follow the README's advice to site owners: inline and src reserve a screenful
 * for the article until it is on show (RESERVE_ARTICLE_SPACE), and inline preloads the feed
 * reader's chunk (`<link rel="modulepreload">`; with `src` the element asks for it as the feed's
 * request starts, and a preload would only take bandwidth from the bundle). `/pages/reference/*`
 * are inline, src and server-rendered as they were before the critical path was split: the
 * reference build's single bundle, no preload and no reserved space.
 *
 * Every load page starts with the same probe (an inline script before anything else), which
 * records paint, layout-shift and long-task entries and when the comment box accepts typing.
 */
import { readFileSync } from 'node:fs';

const escapeHtml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char],
  );

export const demoFeedText = readFileSync(new URL('../../demo/article-feed.json', import.meta.url), 'utf8');
const demoFeed = JSON.parse(demoFeedText);
const item = demoFeed.items[0];
/** The WordPress-style post id the static form posts with (the widget uses the item's id). */
const POST_ID = '60';

/**
 * In-page probe. `window.__bench` collects:
 * fcp; lcp (every candidate); shifts (layout-shift entries without recent input);
 * longTasks; boxAt (the first animation frame in which the comment textarea is rendered and
 * enabled) and typingReady (when a task posted in that frame ran: the box is there and the
 * main thread is free to handle a keystroke); articleReady (the widget's `load` event, or
 * DOMContentLoaded for the static page); idb counters (IDBObjectStore put/add/delete/get calls
 * and localStorage writes, wrapped before any other script runs); first and last keydown.
 */
export const PROBE = `(() => {
  const b = (window.__bench = { lcp: [], shifts: [], longTasks: [], idb: { put: [], add: 0, delete: 0, get: 0 }, localStorageWrites: 0 });
  const observe = (type, each) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true }); } catch {}
  };
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') b.fcp = e.startTime; });
  observe('largest-contentful-paint', (e) => b.lcp.push({ t: e.startTime, size: e.size, element: e.element ? e.element.localName : '(in a shadow root)' }));
  const describe = (node) => !node ? '(in a shadow root)' : node.nodeType !== 1 ? node.nodeName : node.localName + (node.id ? '#' + node.id : node.className ? '.' + String(node.className).split(' ')[0] : '');
  observe('layout-shift', (e) => {
    if (e.hadRecentInput) return;
    // Rects are the visible parts, in the viewport: a height of 0 means out of view.
    const at = (rect) => rect.height ? 'y ' + Math.round(rect.y) : 'out of view';
    const sources = (e.sources || []).map((s) => describe(s.node) + ' ' + at(s.previousRect) + ' → ' + at(s.currentRect));
    b.shifts.push({ t: e.startTime, value: e.value, sources });
  });
  observe('longtask', (e) => b.longTasks.push({ t: e.startTime, d: e.duration }));
  const store = IDBObjectStore.prototype;
  const wrap = (name, count) => { const original = store[name]; store[name] = function (...args) { count(); return original.apply(this, args); }; };
  wrap('put', () => b.idb.put.push(performance.now()));
  wrap('add', () => b.idb.add++);
  wrap('delete', () => b.idb.delete++);
  wrap('get', () => b.idb.get++);
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (...args) { if (this === window.localStorage) b.localStorageWrites++; return setItem.apply(this, args); };
  addEventListener('keydown', () => { b.firstKey ??= performance.now(); b.lastKey = performance.now(); }, true);
  document.addEventListener('load', (e) => { if (e.target.localName === 'news-article') b.articleReady ??= performance.now(); }, true);
  document.addEventListener('DOMContentLoaded', () => { if (!document.querySelector('news-article')) b.articleReady = performance.now(); });
  const box = () => document.querySelector('textarea') || document.querySelector('comment-form')?.shadowRoot?.querySelector('textarea');
  const frame = () => {
    const textarea = box();
    if (textarea && !textarea.disabled && !textarea.readOnly && textarea.getClientRects().length) {
      b.boxAt = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (b.typingReady = performance.now());
      channel.port2.postMessage(0);
    } else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** The site's own look, the same on every page (the demo's stylesheet, inlined). */
const siteCss = readFileSync(new URL('../../demo/demo.css', import.meta.url), 'utf8');

/** What the widget's shadow styles give the article and form, for the static page to look the same. */
const staticCss = `
article h1 { font-size: 2em; line-height: 1.2; margin-block: 0 0.5rem; }
.byline, .terms { font-size: 0.9em; margin-block: 0 1rem; }
.entry-content { line-height: 1.6; }
.comment-respond label { display: block; font-weight: bold; }
.comment-respond textarea, .comment-respond input:not([type='checkbox'], [type='submit']) { box-sizing: border-box; inline-size: 100%; font: inherit; }
.comment-form-cookies-consent label { display: inline; font-weight: normal; }
`;

function shell({ title, head = '', main }) {
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="data:," />
    <script>${PROBE}</script>
    <style>${siteCss}${staticCss}</style>
    ${head}
  </head>
  <body>
    <header class="site-header">
      <p class="site-name">news-widgets bench</p>
    </header>
    <main>
${main}
      <section class="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments</h2>
        <ol>
          <li><p class="comment-author">Olena · 10 March 2022</p><p>Thank you for this report.</p></li>
          <li><p class="comment-author">Mark · 10 March 2022</p><p>Is there a transcript of the press conference?</p></li>
        </ol>
      </section>
    </main>
    <footer><p>© The bench newspaper</p></footer>
  </body>
</html>
`;
}

const published = new Date(item.date_published);
const publishedText = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(published);

/** The article as a server would render it (`attributes` on its `<article>`), dated the way `<news-article>` reads it. */
const articleHtml = (attributes = '') => `      <article${attributes}>
        <header>
          <h1>${escapeHtml(item.title)}</h1>
          <p class="byline">Published <time datetime="${published.toISOString()}" itemprop="datePublished">${publishedText}</time></p>
        </header>
        <div class="entry-content">${item.content_html}</div>
        <footer><p class="terms">Categorized as ${(item.tags ?? []).map(escapeHtml).join(', ')}</p></footer>
      </article>`;

/** The article as a server would render it, and WordPress's default comment form (wp-includes/comment-template.php). */
const staticArticle = `${articleHtml()}
      <div id="respond" class="comment-respond">
        <h2 id="reply-title" class="comment-reply-title">Leave a comment</h2>
        <form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
          <p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>
          <p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
          <p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required /></p>
          <p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" aria-describedby="email-notes" autocomplete="email" required /></p>
          <p class="comment-form-url"><label for="url">Website</label> <input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>
          <p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>
          <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /> <input type="hidden" name="comment_post_ID" value="${POST_ID}" id="comment_post_ID" /> <input type="hidden" name="comment_parent" id="comment_parent" value="0" /></p>
        </form>
      </div>`;

const bundle = `<script type="module" src="/dist/news-widgets.js"></script>`;
/** The README's bundle for a page without a `<news-article>`: the form and list alone. */
const commentsBundle = `<script type="module" src="/dist/news-widgets-comments.js"></script>`;
/** What the README tells a site owner to add for an article from an inline feed: the chunk that shows it, preloaded. */
const preloadFeedReader = `<link rel="modulepreload" href="/dist/news-widgets-feed-reader.js" />`;
/**
 * The README's rule that keeps layout shift at 0 for an article that comes from a feed: a
 * screenful reserved before the script runs and while the article loads, so what follows the
 * article is below the fold from the first frame and moves only out of view.
 */
export const RESERVE_ARTICLE_SPACE = `<style>
      news-article { --news-article-placeholder-height: 100vh; }
      news-article:not(:defined):not(:has(> [slot='article'])) { display: block; min-block-size: var(--news-article-placeholder-height); }
    </style>`;
/** `</script` cannot appear inside the inline feed; JSON allows escaping the slash. */
const inlineFeed = demoFeedText.replace(/<\//g, '<\\/');

/** The widget pages; `reference`: as a page loaded the reference build, with nothing of the README's advice. */
const widgetPages = (prefix, { script, head, preload = '' }) => ({
  [`${prefix}/inline.html`]: shell({
    title: 'widget, inline feed',
    head: script + preload + head,
    main: `      <news-article item="${escapeHtml(item.id)}">
        <script type="application/feed+json">${inlineFeed}</script>
        <comment-form endpoint="/api/comments"></comment-form>
      </news-article>`,
  }),
  [`${prefix}/src.html`]: shell({
    title: 'widget, src',
    head: script + head,
    main: `      <news-article src="/feeds/article.json">
        <comment-form endpoint="/api/comments"></comment-form>
      </news-article>`,
  }),
  [`${prefix}/server-rendered.html`]: shell({
    title: 'widget over server-rendered article, src',
    head: script,
    main: `      <news-article src="/feeds/article.json">
${articleHtml(` slot="article" data-post-id="${escapeHtml(item.id)}"`)}
        <comment-form endpoint="/api/comments"></comment-form>
      </news-article>`,
  }),
});

export const pages = {
  '/pages/static.html': shell({ title: 'static article and form (no JavaScript)', main: staticArticle }),
  ...widgetPages('/pages', { script: bundle, head: RESERVE_ARTICLE_SPACE, preload: preloadFeedReader }),
  '/pages/form.html': shell({
    title: 'static article, widget form',
    head: commentsBundle,
    main: `${articleHtml()}
      <comment-form endpoint="/api/comments" post-id="${POST_ID}"></comment-form>`,
  }),
  ...widgetPages('/pages/reference', {
    script: `<script type="module" src="/reference-dist/news-widgets.js"></script>`,
    head: '',
  }),
  // Where a profiled page starts, so the profiler is running in the page's process before the navigation.
  '/pages/blank.html': '<!doctype html><title>blank</title>',
  // Big feed: the element is created by the measuring script, with a fresh URL each time.
  '/pages/big-feed.html': `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8" /><title>big feed</title><link rel="icon" href="data:," />${bundle}</head>
<body><main></main></body></html>
`,
  // Memory: elements are created and removed by the measuring script.
  '/pages/memory.html': `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8" /><title>memory</title><link rel="icon" href="data:," />${bundle}</head>
<body><main></main><script type="application/feed+json" id="feed">${inlineFeed}</script></body></html>
`,
};

/* ---------- the big feed ---------- */

/** A small deterministic PRNG (mulberry32), so every run serves the same 10 MB. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `the talks between ministers ended without a ceasefire after ninety minutes while officials in the
besieged city described shelling overnight and aid agencies asked for safe corridors for civilians leaving by road
the council will vote on the budget next week after months of debate about schools housing transport and the new
library which residents say has been promised for a decade analysts expect markets to open lower on monday`.split(
  /\s+/,
);

/** A JSON Feed 1.1 of `count` items of about 2 KB each (5,000 items: about 10 MB). */
export function makeBigFeed(count = 5000) {
  const next = random(42);
  const sentence = () => {
    const length = 8 + Math.floor(next() * 14);
    const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]);
    return words.join(' ').replace(/^./, (char) => char.toUpperCase()) + '.';
  };
  const paragraph = () => `<p>${Array.from({ length: 3 + Math.floor(next() * 3) }, sentence).join(' ')}</p>`;
  const start = Date.UTC(2024, 0, 1);
  const items = Array.from({ length: count }, (_, index) => ({
    id: `https://news.example/${2024 + Math.floor(index / 2000)}/story-${index}`,
    url: `https://news.example/${2024 + Math.floor(index / 2000)}/story-${index}`,
    title: sentence().slice(0, 90),
    summary: sentence(),
    content_html: `${paragraph()}\n<p><a href="/related/${index}">Related</a> <img src="/images/${index}.jpg" alt="Photo ${index}" width="800" height="450"></p>\n${Array.from({ length: 3 }, paragraph).join('\n')}`,
    date_published: new Date(start + index * 3_600_000).toISOString(),
    authors: [{ name: `Reporter ${index % 37}`, url: `https://news.example/authors/${index % 37}` }],
    tags: ['News', `Topic ${index % 11}`],
  }));
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Bench big feed',
    home_page_url: 'https://news.example/',
    feed_url: 'https://news.example/feed.json',
    language: 'en-GB',
    items,
  });
}
