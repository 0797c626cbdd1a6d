/**
 * The API reference of each element (attributes, properties, methods, events, slots, CSS
 * parts, CSS custom properties and custom states), written from custom-elements.json into
 * its page in docs/, between `<!-- api:start -->` and `<!-- api:end -->`, so the pages
 * cannot drift from the code. The manifest is what the analyzer reads from the elements'
 * JSDoc and code: to change a description, change the JSDoc, then run `npm run docs`
 * (`npm run manifest`, then this script).
 *
 *   node scripts/api-docs.js                    rewrites the tables from ./custom-elements.json
 *   node scripts/api-docs.js --check            only says whether the pages are up to date (exit 1 if not)
 *   node scripts/api-docs.js --manifest <file>  reads another manifest
 *
 * test/unit/api-docs.test.ts runs the analyzer and fails when a committed page differs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const START = '<!-- api:start -->';
export const END = '<!-- api:end -->';

/** Each element and the page its reference is written into, relative to the repository's root. */
export const pages = [
  { tag: 'news-article', file: 'docs/news-article.md' },
  { tag: 'comment-form', file: 'docs/comment-form.md' },
  { tag: 'comment-list', file: 'docs/comment-list.md' },
];

/** The custom element declaration of `tag` in a manifest. */
export function elementDeclaration(manifest, tag) {
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName === tag) return declaration;
    }
  }
  throw new Error(`custom-elements.json has no <${tag}>`);
}

/** Characters that mean something to Markdown (or, in a table, `|`) in running text. */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]<>#|~&!]/g;

/**
 * Markdown for one description inside a table cell: code spans stay code (with `|` escaped,
 * as tables need even there), everything else is literal text, with every character
 * Markdown or HTML would read escaped; line breaks become spaces.
 */
export function markdownText(text) {
  const source = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  let out = '';
  let index = 0;
  while (index < source.length) {
    const tick = source.indexOf('`', index);
    if (tick === -1) {
      out += escapeText(source.slice(index));
      break;
    }
    out += escapeText(source.slice(index, tick));
    const fence = /^`+/.exec(source.slice(tick))[0];
    const close = findFence(source, tick + fence.length, fence.length);
    if (close === -1) {
      out += escapeText(fence); // no closing run: literal backticks
      index = tick + fence.length;
    } else {
      out += codeSpan(source.slice(tick + fence.length, close));
      index = close + fence.length;
    }
  }
  return out;
}

/** Where the next run of exactly `length` backticks starts at or after `from`, or -1. */
function findFence(source, from, length) {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let run; (run = runs.exec(source));) if (run[0].length === length) return run.index;
  return -1;
}

function escapeText(text) {
  return text.replace(MARKDOWN_PUNCTUATION, (character) => `\\${character}`);
}

/** `text` as inline code, whatever backticks it holds, with `|` escaped for a table cell. */
export function codeSpan(text) {
  const content = String(text).replace(/\s+/g, ' ').trim();
  if (!content) return '';
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = content.startsWith('`') || content.endsWith('`') ? ` ${content} ` : content;
  return `${fence}${padded.replace(/\|/g, '\\|')}${fence}`;
}

const NONE = '—';

function table(headings, rows) {
  return [
    `| ${headings.join(' | ')} |`,
    `|${headings.map(() => '---').join('|')}|`,
    ...rows.map((cells) => `| ${cells.map((cell) => cell || NONE).join(' | ')} |`),
  ].join('\n');
}

const isPublic = (member) =>
  member.privacy !== 'private' && member.privacy !== 'protected' && !/^[#_]/.test(member.name);

function signature(className, method) {
  const parameters = (method.parameters ?? [])
    .map((parameter) => (parameter.default !== undefined ? `${parameter.name} = ${parameter.default}` : parameter.name))
    .join(', ');
  return codeSpan(`${method.static ? `${className}.` : ''}${method.name}(${parameters})`);
}

/** The generated Markdown of one element: a heading and a table for each kind of API it has. */
export function apiMarkdown(declaration) {
  const sections = [];
  const section = (heading, intro, headings, rows) => {
    if (rows.length) sections.push(`### ${heading}\n\n${intro ? `${intro}\n\n` : ''}${table(headings, rows)}`);
  };
  const members = (declaration.members ?? []).filter(isPublic);
  const fields = members.filter((member) => member.kind === 'field' && !member.static);
  const methods = members.filter((member) => member.kind === 'method');

  section(
    'Attributes',
    '',
    ['attribute', 'property', 'type', 'default', 'description'],
    (declaration.attributes ?? []).map((attribute) => [
      codeSpan(attribute.name),
      attribute.fieldName ? codeSpan(attribute.fieldName) : '',
      codeSpan(attribute.type?.text ?? ''),
      codeSpan(attribute.default ?? ''),
      markdownText(attribute.description),
    ]),
  );
  const attributeFields = new Set((declaration.attributes ?? []).map((attribute) => attribute.fieldName));
  section(
    'Properties',
    attributeFields.size ? 'The properties of the attributes above, and these, which have no attribute:' : '',
    ['property', 'type', 'default', 'description'],
    fields
      .filter((field) => !attributeFields.has(field.name))
      .map((field) => [
        `${codeSpan(field.name)}${field.readonly ? ' (read only)' : ''}`,
        codeSpan(field.type?.text ?? ''),
        codeSpan(field.default ?? ''),
        markdownText(field.description),
      ]),
  );
  section(
    'Methods',
    '',
    ['method', 'returns', 'description'],
    methods.map((method) => [
      signature(declaration.name, method),
      codeSpan(method.return?.type?.text ?? ''),
      markdownText(method.description),
    ]),
  );
  section(
    'Events',
    '',
    ['event', 'type', 'description'],
    (declaration.events ?? []).map((event) => [
      codeSpan(event.name),
      codeSpan(event.type?.text ?? ''),
      markdownText(event.description),
    ]),
  );
  section(
    'Slots',
    '',
    ['slot', 'description'],
    (declaration.slots ?? []).map((slot) => [
      slot.name ? codeSpan(slot.name) : 'default (no name)',
      markdownText(slot.description),
    ]),
  );
  section(
    'CSS parts',
    `For \`${declaration.tagName}::part(…)\`.`,
    ['part', 'description'],
    (declaration.cssParts ?? []).map((part) => [codeSpan(part.name), markdownText(part.description)]),
  );
  section(
    'CSS custom properties',
    'All optional; set them on the element or any ancestor.',
    ['custom property', 'description'],
    (declaration.cssProperties ?? []).map((property) => [codeSpan(property.name), markdownText(property.description)]),
  );
  section(
    'Custom states',
    `For \`${declaration.tagName}:state(…)\`.`,
    ['state', 'description'],
    (declaration.cssStates ?? []).map((state) => [codeSpan(`:state(${state.name})`), markdownText(state.description)]),
  );

  return [
    '<!-- Written by `npm run docs` (scripts/api-docs.js) from custom-elements.json: edit the JSDoc in the source, not this. -->',
    ...sections,
  ].join('\n\n');
}

/** The text between the markers of a page, or throws when they are missing. */
export function apiSection(markdown, file = 'the page') {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END, start);
  if (start === -1 || end === -1) throw new Error(`${file} has no ${START} … ${END} markers`);
  return markdown.slice(start + START.length, end).trim();
}

/** `markdown` with the text between its markers replaced by `generated`. */
export function withApi(markdown, generated, file = 'the page') {
  apiSection(markdown, file);
  const start = markdown.indexOf(START) + START.length;
  const end = markdown.indexOf(END, start);
  return `${markdown.slice(0, start)}\n\n${generated}\n\n${markdown.slice(end)}`;
}

function main(argv) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const check = argv.includes('--check');
  const manifestArgument = argv.indexOf('--manifest');
  const manifestPath = manifestArgument === -1 ? `${root}custom-elements.json` : argv[manifestArgument + 1];
  if (!manifestPath || !existsSync(manifestPath)) {
    console.error(
      `${manifestPath ?? '--manifest'}: no such manifest. Run npm run docs (it runs npm run manifest first).`,
    );
    return 1;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  let stale = 0;
  for (const { tag, file } of pages) {
    const path = `${root}${file}`;
    const current = readFileSync(path, 'utf8');
    const updated = withApi(current, apiMarkdown(elementDeclaration(manifest, tag)), file);
    if (updated === current) {
      console.log(`${file}: up to date`);
    } else if (check) {
      console.error(`${file}: the API tables differ from custom-elements.json: run npm run docs`);
      stale++;
    } else {
      writeFileSync(path, updated);
      console.log(`${file}: API tables rewritten`);
    }
  }
  return stale ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
