/**
 * dist/news-widgets-comments.js, the script-tag bundle for pages without a `<news-article>`
 * (a WordPress theme prints the article; the comments are ours): served from a CDN on
 * another origin, as embedding.test.js serves the full bundle. The form posts and the list
 * shows the conversation without a byte of the article's code, and a page that loads both
 * bundles (a theme and a plugin each adding one) still works as one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { newReaderContext } from '../support/reader-context.js';
import { eventually, launchChromium, postComment, shownComments } from './support/demo.js';
import { root, startCdn, startSite } from './support/embedding-servers.js';

const plainHtmlDir = join(root, 'docs/examples/plain-html');
const feed = JSON.parse(readFileSync(join(plainHtmlDir, 'feed.json'), 'utf8'));
const shownItem = feed.items.find((item) => item.id === 'library-reopens');

const page = ({ scripts, inline = '', body }) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>An article</title>
    <link rel="icon" href="data:," />
    ${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n    ')}
    ${inline && `<script type="module">${inline}</script>`}
  </head>
  <body>
${body}
  </body>
</html>
`;

/** The article as the site prints it, and the conversation under it: ours. */
const themeArticle = `    <article><h1>${shownItem.title}</h1>${shownItem.content_html}</article>
    <comment-list endpoint="/api/comments" post-id="${shownItem.id}">
      <comment-form endpoint="/api/comments" post-id="${shownItem.id}"></comment-form>
    </comment-list>`;

/** The article from the feed, with a form inside that learns its post from it (no post-id). */
const widgetArticle = `    <news-article src="/gazette/feed.json" item="${shownItem.id}">
      <comment-form endpoint="/api/comments"></comment-form>
    </news-article>`;

describe('the comments bundle, for pages without a <news-article>', { timeout: 120_000 }, () => {
  let cdn;
  let site;
  let browser;
  before(async () => {
    [cdn, browser] = await Promise.all([startCdn(), launchChromium()]);
    const comments = `${cdn.origin}/cdn/v1/news-widgets-comments.js`;
    site = await startSite({
      pages: {
        '/site/comments.html': page({ scripts: [comments], body: themeArticle }),
        // Two script tags, the comments bundle's first.
        '/site/both.html': page({ scripts: [comments, cdn.bundleUrl()], body: widgetArticle }),
        // The full bundle loaded once the comments bundle has registered <comment-form>: it registers the article only.
        '/site/both-later.html': page({
          scripts: [comments],
          inline: `await customElements.whenDefined('comment-form'); await import(${JSON.stringify(cdn.bundleUrl())});`,
          body: widgetArticle,
        }),
      },
      folders: { '/gazette/': plainHtmlDir },
    });
  });
  after(async () => {
    await browser?.close();
    await Promise.all([site?.close(), cdn?.close()]);
  });
  beforeEach(() => {
    site.resetComments();
    cdn.requests.length = 0;
  });

  const storedComments = async () =>
    (await site.comments()).map(({ postId, name, content }) => ({ postId, name, content }));

  it('posts a comment and shows it in the list, downloading none of the article’s code', async (t) => {
    const reader = await newReaderContext(t, browser);
    const tab = await reader.context.newPage();
    await tab.goto(`${site.origin}/site/comments.html`);
    await tab.waitForFunction(
      () => customElements.get('comment-list') && document.querySelector('comment-form')?.effectivePostId,
    );
    await postComment(tab, 'Read in a theme’s own article.');
    assert.deepEqual(await storedComments(), [
      { postId: shownItem.id, name: 'Olena', content: 'Read in a theme’s own article.' },
    ]);
    await eventually(async () => assert.deepEqual(await shownComments(tab), ['Read in a theme’s own article.']), {
      timeout: 15_000,
    });

    assert.equal(
      await tab.evaluate(() => customElements.get('news-article')),
      undefined,
      'no <news-article> registered',
    );
    assert.ok(cdn.requests.includes('/cdn/v1/news-widgets-comments.js'));
    assert.deepEqual(
      cdn.requests.filter((path) => !path.startsWith('/cdn/v1/news-widgets-comments')),
      [],
      'every file downloaded is the comments bundle or one of its own chunks',
    );
    reader.assertNoProblems();
  });

  for (const [path, how] of [
    ['/site/both.html', 'as two script tags'],
    ['/site/both-later.html', 'the full one loaded after the comments one registered the form'],
  ]) {
    it(`with both bundles on a page (${how}), the form learns its article’s post and posts`, async (t) => {
      const reader = await newReaderContext(t, browser);
      const tab = await reader.context.newPage();
      await tab.goto(`${site.origin}${path}`);
      await tab.locator('news-article[state="ready"]').waitFor({ timeout: 15_000 });
      await tab.waitForFunction(() => document.querySelector('comment-form')?.effectivePostId !== undefined);
      if (path === '/site/both-later.html')
        assert.equal(
          await tab.evaluate(
            async (bundle) =>
              document.querySelector('comment-form') instanceof (await import(bundle)).CommentFormElement,
            cdn.bundleUrl(),
          ),
          false,
          'the form is the comments bundle’s, the article the full bundle’s',
        );
      await postComment(tab, 'Both bundles, one conversation.');
      assert.deepEqual(await storedComments(), [
        { postId: shownItem.id, name: 'Olena', content: 'Both bundles, one conversation.' },
      ]);
      reader.assertNoProblems();
    });
  }
});
