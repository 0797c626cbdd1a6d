/**
 * The script-tag bundle as a site owner uses it: dist/news-widgets.js (built by
 * `npm run build`, which `npm test` runs first) loaded as a module, twice.
 */
import { expect, oneEvent } from '@open-wc/testing';

describe('dist/news-widgets.js', () => {
  it('defines <news-article> and <comment-form> when loaded, and loading it a second time is harmless', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    for (const query of ['', '?second-copy']) {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = `/dist/news-widgets.js${query}`;
      const loaded = new Promise((resolve, reject) => {
        script.onload = resolve;
        script.onerror = () => reject(new Error(`${script.src} did not load: run npm run build first`));
      });
      document.head.append(script);
      await loaded;
    }
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(customElements.get('news-article')).to.exist;
    expect(customElements.get('comment-form')).to.exist;

    const element = document.createElement('news-article') as HTMLElement & { state?: string };
    element.setAttribute('src', '/demo-feed.json');
    document.body.append(element);
    await oneEvent(element, 'load');
    expect(element.shadowRoot!.querySelectorAll('[part~="content"] p').length).to.equal(10);
    element.remove();
  });
});

describe('what dist/news-widgets.js leaves to the feed reader’s chunk', () => {
  /** Code only what shows a loaded article has: its structured data, its byline's list of names, the sanitizer. */
  const ARTICLE_MARKERS = ['application/ld+json', 'ListFormat', 'setHTML'];

  it('has in its main file only what the first render needs, and asks for the chunk, under its fixed name, on demand', async () => {
    const read = async (file: string) => (await fetch(`/dist/${file}`)).text();
    const [main, chunk] = await Promise.all([read('news-widgets.js'), read('news-widgets-feed-reader.js')]);
    for (const marker of ARTICLE_MARKERS) {
      expect(main.includes(marker), `${marker} is not in news-widgets.js`).to.equal(false);
      expect(chunk.includes(marker), `${marker} is in news-widgets-feed-reader.js`).to.equal(true);
    }
    // Booleans, not the file: a failing match would print all of it.
    const asksOnDemand = /import\(\s*["'`]\.\/news-widgets-feed-reader\.js["'`]\s*\)/.test(main);
    expect(asksOnDemand, 'news-widgets.js imports the chunk with import()').to.equal(true);
    const importsAtOnce = /^import[^;]*news-widgets-feed-reader/m.test(main);
    expect(importsAtOnce, 'news-widgets.js has no static import of the chunk').to.equal(false);
  });
});
