/**
 * Keeps the schema.org NewsArticle JSON-LD of a loaded article in a `<script>` in the light
 * DOM of `<news-article>`, where search engines read it (see structured-data.ts).
 */
import type { Article } from './article.js';
import { articleStructuredData, serializeJsonLd } from './structured-data.js';

/** A module-private Trusted Types policy: JSON-LD is the only script text the element writes. */
let structuredDataPolicy: { createScript(text: string): string } | undefined;
function trustedScript(text: string): string {
  const factory = (
    globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): typeof structuredDataPolicy } }
  ).trustedTypes;
  structuredDataPolicy ??= factory?.createPolicy('news-article#json-ld', {
    createScript: (value: string) => value,
  }) ?? {
    createScript: (value) => value,
  };
  return structuredDataPolicy!.createScript(text);
}

/**
 * Writes `article`'s structured data into `host`, or removes it when there is no loaded
 * article: a page that prints its own article prints its own structured data.
 */
export function writeStructuredData(host: HTMLElement, article: Article | undefined): void {
  let block = host.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"][data-news-article]');
  if (!article) {
    block?.remove();
    return;
  }
  if (!block) {
    // Assigned to no slot, so it is never rendered, even on a page whose CSS unsets `display: none` on scripts.
    block = Object.assign(document.createElement('script'), { type: 'application/ld+json', slot: 'structured-data' });
    block.dataset.newsArticle = '';
    host.append(block);
  }
  block.text = trustedScript(serializeJsonLd(articleStructuredData(article)));
}
