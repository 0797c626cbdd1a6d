/**
 * The bundle in a browser without the HTML Sanitizer API (Safari and older
 * Chromium and Firefox today): the API is removed from this page before the bundle loads, so the bundle
 * must fetch its DOMPurify chunk, from beside its own URL, and still sanitize.
 */
import { expect, oneEvent } from '@open-wc/testing';

describe('dist/news-widgets.js without Element.setHTML', () => {
  it('loads the DOMPurify chunk beside the bundle and renders sanitized content', async () => {
    delete (Element.prototype as { setHTML?: unknown }).setHTML;
    await import(/* @vite-ignore */ `${'/dist/news-widgets.js'}`);
    const element = document.createElement('news-article') as HTMLElement & { data?: unknown; state?: string };
    element.data = {
      version: 'https://jsonfeed.org/version/1.1',
      items: [
        {
          id: '1',
          title: 'Fallback',
          content_html:
            '<p onclick="alert(1)">Kept <a href="javascript:alert(1)">link</a><img src=x onerror=alert(2)></p>',
        },
      ],
    };
    document.body.append(element);
    await oneEvent(element, 'loadend');
    expect(element.getAttribute('state')).to.equal('ready');
    const chunks = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/dist/'));
    expect(
      chunks.some((path) => /^\/dist\/news-widgets-purify.*\.js$/.test(path)),
      chunks.join(),
    ).to.equal(true);
    const paragraph = element.shadowRoot!.querySelector('[part~="content"] p')!;
    expect(paragraph.textContent).to.equal('Kept link');
    expect(paragraph.hasAttribute('onclick')).to.equal(false);
    expect(paragraph.querySelector('a')!.hasAttribute('href')).to.equal(false);
    expect(paragraph.querySelector('img')!.hasAttribute('onerror')).to.equal(false);
    element.remove();
  });
});
