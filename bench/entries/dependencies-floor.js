// Bench entry: what the dependencies alone cost (Lit, @lit/context, idb-keyval), each really
// used by one trivial element, so tree-shaking keeps what a real element needs. Not part of the package.
import { LitElement, html, css } from 'lit';
import { createContext, ContextProvider, ContextConsumer } from '@lit/context';
import { createStore, get, set } from 'idb-keyval';

const context = createContext('floor');

class FloorElement extends LitElement {
  static styles = css`
    :host {
      display: block;
    }
  `;
  static properties = { value: {} };
  provider = new ContextProvider(this, { context });
  consumer = new ContextConsumer(this, { context, subscribe: true });
  store = createStore('floor', 'floor');

  async save() {
    await set('key', this.value, this.store);
    return get('key', this.store);
  }

  render() {
    return html`<p>${this.value}</p>
      <textarea @input=${this.save}></textarea>`;
  }
}
customElements.define('floor-element', FloorElement);
