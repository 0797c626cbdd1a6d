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
