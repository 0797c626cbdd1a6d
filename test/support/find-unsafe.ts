/**
 * What in a rendered tree could run or load something it should not, in words; empty when
 * it is safe. The definition of "safe" is in test/fixtures/README.md: no script-bearing
 * element, no event handler, `style` or `srcdoc` attribute, and no URL-valued attribute
 * whose scheme is `javascript:`, `vbscript:` or `data:text/html`.
 */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
  'data',
  'codebase',
  'dynsrc',
  'lowsrc',
  'longdesc',
  'ping',
  'xlink:href',
  'manifest',
  'icon',
]);
const DANGEROUS_URL = /^\s*(javascript|vbscript|data\s*:\s*text\/html)/i;
const DANGEROUS_ELEMENTS = 'script, iframe, frame, object, embed, form, style, base, meta, link, template';

/** Everything wrong with a rendered tree, in words; empty when it is safe. */
export function findUnsafe(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll(DANGEROUS_ELEMENTS)) problems.push(`<${element.localName}> element`);
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${name} handler on <${element.localName}>`);
      if (name === 'srcdoc' || name === 'style') problems.push(`${name} attribute on <${element.localName}>`);
      // Browsers ignore ASCII whitespace and control characters inside a scheme.
      // eslint-disable-next-line no-control-regex -- those are the characters to drop
      const value = attribute.value.replace(/[\u0000-\u0020]/g, '');
      const candidates = name === 'srcset' ? value.split(',') : [value];
      if (URL_ATTRIBUTES.has(name) || URL_ATTRIBUTES.has(attribute.localName)) {
        for (const candidate of candidates) {
          if (DANGEROUS_URL.test(candidate))
            problems.push(`${name}="${attribute.value.slice(0, 40)}" on <${element.localName}>`);
        }
      }
    }
  }
  return problems;
}
