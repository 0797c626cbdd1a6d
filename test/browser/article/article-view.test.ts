/**
 * What `<news-article>`'s task returns (article-view.ts) and what the render makes of it
 * (article-texts.ts), in real browsers: the task returns data (sanitized HTML as an inert
 * fragment, plain text as strings) that rendering copies and never changes.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import type { Article } from '../../../src/article/article.js';
import { articleTexts, fullyShown } from '../../../src/article/article-texts.js';
import { articleView } from '../../../src/article/article-view.js';

const article = (fields: Partial<Article>): Article => ({
  format: 'json-feed',
  id: '1',
  authors: [],
  categories: [],
  tags: [],
  ...fields,
});

/** Texts that are not large are made without the element: no host is needed. */
const noHost = undefined as unknown as ReactiveControllerHost & Element;

describe('the article view: what the task returns', () => {
  it('holds sanitized HTML as a fragment of an inert document, which rendering copies and never changes', async () => {
    const view = await articleView(
      article({
        title: { kind: 'html', value: 'Talks <em>end</em>' },
        content: { kind: 'html', value: '<p onclick="alert(1)">One <img src="/a.png" alt=""></p><p>Two</p>' },
      }),
    );
    const content = view.content as DocumentFragment;
    expect(content instanceof DocumentFragment).to.equal(true);
    expect(content.ownerDocument === document).to.equal(false);
    expect(content.querySelector('[onclick]')).to.equal(null);
    const sanitized = [...content.childNodes];

    const texts = articleTexts(view, noHost);
    expect(texts.headline!.getAttribute('part')).to.equal('headline-text');
    expect(texts.headline!.innerHTML).to.equal('Talks <em>end</em>');
    expect(texts.content!.getAttribute('part')).to.equal('content');
    expect(texts.content!.querySelectorAll('p').length).to.equal(2);
    // The view is as the task returned it: the same nodes, none of them on the page.
    expect(content.childNodes.length).to.equal(sanitized.length);
    expect([...content.childNodes].every((node, index) => node === sanitized[index] && !node.isConnected)).to.equal(
      true,
    );
    // Rendered again, the same elements.
    expect(articleTexts(view, noHost)).to.equal(texts);
    expect(fullyShown(view)).to.equal(true);
  });

  it('holds plain text as strings: a headline as it is, a content as its paragraphs', async () => {
    const view = await articleView(
      article({
        title: { kind: 'text', value: 'A <b> title' },
        content: { kind: 'text', value: 'First\n\n  \n\nSecond <img src=x onerror=alert(1)>' },
      }),
    );
    expect(view.headline).to.equal('A <b> title');
    expect(view.content).to.deep.equal(['First', 'Second <img src=x onerror=alert(1)>']);
    const texts = articleTexts(view, noHost);
    expect(texts.headline!.textContent).to.equal('A <b> title');
    const paragraphs = [...texts.content!.children];
    expect(
      paragraphs.map(
        (paragraph) => `${paragraph.localName} ${paragraph.getAttribute('part')} ${paragraph.textContent}`,
      ),
    ).to.deep.equal(['p text-paragraph First', 'p text-paragraph Second <img src=x onerror=alert(1)>']);
    expect(texts.content!.querySelector('img')).to.equal(null);
  });

  it('leaves out a text with nothing to see, and an excerpt that only repeats the start of the content', async () => {
    const view = await articleView(
      article({
        title: { kind: 'html', value: '<script>alert(1)</script> ' },
        summary: { kind: 'html', value: '<p>The foreign ministers met in Antalya [&hellip;]</p>' },
        content: {
          kind: 'html',
          value: '<p>The foreign ministers met in Antalya on Thursday, and agreed on nothing.</p>',
        },
      }),
    );
    expect(view.headline).to.equal(undefined);
    expect(view.summary).to.equal(undefined);
    expect(view.content).to.not.equal(undefined);
    expect(view.replacesMarkup).to.equal(true);
  });

  it('marks a content over 200,000 characters as large, to be rendered progressively', async () => {
    const paragraph = '<p>Ninety minutes of talks ended without a ceasefire.</p>';
    const short = await articleView(article({ content: { kind: 'html', value: paragraph.repeat(100) } }));
    const long = await articleView(article({ content: { kind: 'html', value: paragraph.repeat(4_000) } }));
    expect(short.largeContent).to.equal(false);
    expect(long.largeContent).to.equal(true);
    // Not complete before the render has put its first screen in.
    expect(fullyShown(long)).to.equal(false);
  });
});
