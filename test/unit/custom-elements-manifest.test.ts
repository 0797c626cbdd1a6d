/**
 * custom-elements.json must describe the elements as the code defines them. The test runs the analyzer with
 * the project's config (what `npm run manifest` does), into a temporary folder, and compares its output with
 * what it learns from the code itself, never from the manifest:
 *
 * - attributes and properties from Lit (`observedAttributes`, `elementProperties`) and the classes' public
 *   prototype and static members, by importing the element modules;
 * - events, CSS parts, slots, custom states and attributes the element sets on itself from the sources
 *   (CSS parts also from the modules beside it that render them), parsed with the TypeScript compiler (names computed at run time are resolved through their literal types,
 *   the parameters' call sites or the array they loop over; one that cannot be resolved fails the test);
 * - custom properties from the styles modules.
 *
 * Each must be in the manifest, with a description, and the manifest must list nothing else as public.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { LitElement } from 'lit';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeManifest, repositoryRoot } from '../support/analyze-manifest.js';
import { CommentFormElement } from '../../src/comment/comment-form.js';
import { NewsArticleElement } from '../../src/article/news-article.js';

const root = repositoryRoot;

interface Described {
  name: string;
  description?: string;
  type?: { text: string };
}
interface ManifestAttribute extends Described {
  fieldName?: string;
}
interface ManifestMember extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}
interface ManifestElement extends Described {
  kind: string;
  customElement?: boolean;
  tagName?: string;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
  cssStates?: Described[];
}
interface Manifest {
  modules: { path: string; declarations?: ManifestElement[] }[];
}

type ElementClass = typeof LitElement & {
  elementProperties: Map<PropertyKey, { attribute?: boolean | string; state?: boolean }>;
};

const elements = [
  {
    tag: 'news-article',
    element: NewsArticleElement as unknown as ElementClass,
    source: 'src/article/news-article.ts',
    /** The modules beside the element that render parts of its shadow DOM. */
    rendering: [
      'src/article/news-article.templates.ts',
      'src/article/article-template.ts',
      'src/article/article-texts.ts',
    ],
    styles: 'src/article/news-article.styles.ts',
    shippedAs: 'lib/article/news-article.js',
  },
  {
    tag: 'comment-form',
    element: CommentFormElement as unknown as ElementClass,
    source: 'src/comment/comment-form.ts',
    rendering: ['src/comment/comment-form.templates.ts'],
    styles: 'src/comment/comment-form.styles.ts',
    shippedAs: 'lib/comment/comment-form.js',
  },
] as const;

let manifest: Manifest;

beforeAll(() => {
  manifest = analyzeManifest<Manifest>();
}, 60_000);

function declarationOf(tag: string): { path: string; declaration: ManifestElement } {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName === tag) return { path: module.path, declaration };
    }
  }
  throw new Error(`custom-elements.json has no <${tag}>`);
}

/** `entries` by name, after checking that each one has a description. */
function described<T extends Described>(what: string, entries: T[] | undefined): Map<string, T> {
  const byName = new Map<string, T>();
  for (const entry of entries ?? []) {
    expect(entry.description?.trim(), `${what} "${entry.name}" has no description in the manifest`).toBeTruthy();
    byName.set(entry.name, entry);
  }
  return byName;
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

// ---------------------------------------------------------------------------------------------------------------
// What the code says, at run time (Lit's view of the class).

/** Lit's attribute for a property: `attribute: 'x'`, none for `attribute: false` and state, else the lowercased name. */
function litAttribute(name: string, options: { attribute?: boolean | string; state?: boolean }): string | undefined {
  if (options.state || options.attribute === false) return undefined;
  return typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
}

function reactiveProperties(element: ElementClass) {
  void element.observedAttributes; // finalizes the class
  const publicProperties = new Map<string, string | undefined>(); // property → attribute
  const stateProperties: string[] = [];
  for (const [key, options] of element.elementProperties) {
    if (typeof key !== 'string') continue;
    if (options.state) stateProperties.push(key);
    else publicProperties.set(key, litAttribute(key, options));
  }
  return { publicProperties, stateProperties };
}

/** Public members the class adds to LitElement: its reactive properties, getters, methods and static methods. */
function publicMembers(element: ElementClass) {
  const members = new Map<string, { kind: 'field' | 'method'; readonly: boolean; static: boolean }>();
  for (const name of Object.getOwnPropertyNames(element.prototype)) {
    if (name === 'constructor' || name.startsWith('_') || name in LitElement.prototype) continue;
    const descriptor = Object.getOwnPropertyDescriptor(element.prototype, name)!;
    const isMethod = typeof descriptor.value === 'function';
    const isReactive = element.elementProperties.has(name);
    members.set(name, {
      kind: isMethod ? 'method' : 'field',
      readonly: !isMethod && !isReactive && !!descriptor.get && !descriptor.set,
      static: false,
    });
  }
  for (const name of Object.getOwnPropertyNames(element)) {
    const descriptor = Object.getOwnPropertyDescriptor(element, name)!;
    if (typeof descriptor.value !== 'function' || name.startsWith('_') || name in LitElement) continue;
    members.set(name, { kind: 'method', readonly: false, static: true });
  }
  return members;
}

// ---------------------------------------------------------------------------------------------------------------
// What the code says, in the sources.

const program = ts.createProgram(
  elements.flatMap(({ source, rendering }) => [source, ...rendering].map((path) => join(root, path))),
  {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    useDefineForClassFields: false,
  },
);
const checker = program.getTypeChecker();

function sourceFile(path: string): ts.SourceFile {
  const file = program.getSourceFile(join(root, path));
  if (!file) throw new Error(`cannot read ${path}`);
  return file;
}

function nodes(file: ts.Node): ts.Node[] {
  const all: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    all.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return all;
}

const where = (node: ts.Node) => {
  const file = node.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(node.getStart());
  return `${relative(root, file.fileName)}:${line + 1}`;
};

/**
 * Every string an expression can be: a literal, a literal union type, the literal arguments at the call sites
 * of the parameter it names, or the string array a `for … of` loops over. Throws when it cannot tell.
 */
function possibleStrings(expression: ts.Expression): string[] {
  if (ts.isStringLiteralLike(expression)) return [expression.text];
  const type = checker.getTypeAtLocation(expression);
  const parts = type.isUnion() ? type.types : [type];
  const literals = parts.filter((part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  if (literals.length && literals.every((part) => part.isStringLiteral())) {
    return literals.map((part) => (part as ts.StringLiteralType).value);
  }
  if (ts.isIdentifier(expression)) {
    const declaration = checker.getSymbolAtLocation(expression)?.valueDeclaration;
    if (declaration && ts.isParameter(declaration)) return argumentsAtCallSites(declaration);
    if (declaration && ts.isVariableDeclaration(declaration)) {
      const loop = declaration.parent.parent;
      if (ts.isForOfStatement(loop) && ts.isArrayLiteralExpression(loop.expression)) {
        return loop.expression.elements.flatMap((element) => possibleStrings(element));
      }
      if (declaration.initializer) return possibleStrings(declaration.initializer);
    }
  }
  throw new Error(`${where(expression)}: cannot tell which strings \`${expression.getText()}\` can be; teach the test`);
}

function argumentsAtCallSites(parameter: ts.ParameterDeclaration): string[] {
  const fn = parameter.parent;
  const index = fn.parameters.indexOf(parameter);
  const symbol = fn.name ? checker.getSymbolAtLocation(fn.name) : undefined;
  if (!symbol) throw new Error(`${where(parameter)}: cannot find the calls of this function`);
  const values: string[] = [];
  let calls = 0;
  for (const node of nodes(parameter.getSourceFile())) {
    if (!ts.isCallExpression(node)) continue;
    const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
    if (checker.getSymbolAtLocation(callee) !== symbol) continue;
    calls++;
    const argument = node.arguments[index];
    if (argument) values.push(...possibleStrings(argument));
  }
  if (!calls) throw new Error(`${where(parameter)}: found no call of this function`);
  return values;
}

const isThis = (node: ts.Expression) => node.kind === ts.SyntaxKind.ThisKeyword;

/** Calls `receiver.method(…)` in a file. */
function methodCalls(file: ts.SourceFile, method: string): ts.CallExpression[] {
  return nodes(file).filter(
    (node): node is ts.CallExpression =>
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === method,
  );
}

/** The text of the template literals in a file, with `${…}` as a placeholder, and the expressions after each `part=`. */
function templates(file: ts.SourceFile) {
  const texts: string[] = [];
  const partExpressions: ts.Expression[] = [];
  for (const node of nodes(file)) {
    if (ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    if (!ts.isTemplateExpression(node)) continue;
    let text = node.head.text;
    let before = node.head.text;
    for (const span of node.templateSpans) {
      if (/\bpart=["']?$/.test(before)) partExpressions.push(span.expression);
      text += '${…}' + span.literal.text;
      before = span.literal.text;
    }
    texts.push(text);
  }
  return { texts, partExpressions };
}

function partsInCode(file: ts.SourceFile): string[] {
  const { texts, partExpressions } = templates(file);
  const names: string[] = [];
  for (const text of texts) {
    for (const [, , value] of text.matchAll(/\bpart=(["'])([^"'$]*)\1/g)) names.push(...value!.split(/\s+/));
  }
  for (const expression of partExpressions)
    names.push(...possibleStrings(expression).flatMap((value) => value.split(/\s+/)));
  for (const call of methodCalls(file, 'setAttribute')) {
    const [name, value] = call.arguments;
    if (name && ts.isStringLiteralLike(name) && name.text === 'part' && value) names.push(...possibleStrings(value));
  }
  return names.filter(Boolean);
}

function partsInStyles(file: ts.SourceFile): string[] {
  return templates(file).texts.flatMap((text) =>
    [...text.matchAll(/\[part~?=(["'])([^"']+)\1\]/g)].map((match) => match[2]!),
  );
}

function slotsInCode(file: ts.SourceFile): string[] {
  return templates(file).texts.flatMap((text) =>
    [...text.matchAll(/<slot\b([^>]*)>/g)].map((match) => /\bname=(["'])([^"']*)\1/.exec(match[1]!)?.[2] ?? ''),
  );
}

function customPropertiesInStyles(path: string, tag: string): string[] {
  return [...readFileSync(join(root, path), 'utf8').matchAll(new RegExp(`--${tag}-[a-z0-9-]+`, 'g'))].map(
    (match) => match[0],
  );
}

/** `this.dispatchEvent(new …)`: the names of `new Event(name)`, or of an Event subclass's `super(name)`. */
function eventsInCode(file: ts.SourceFile): Map<string, string> {
  const events = new Map<string, string>(); // name → Event class
  for (const call of methodCalls(file, 'dispatchEvent')) {
    if (!isThis((call.expression as ts.PropertyAccessExpression).expression)) continue;
    const created = call.arguments[0];
    if (!created || !ts.isNewExpression(created))
      throw new Error(`${where(call)}: dispatches an event the test cannot read`);
    const className = created.expression.getText();
    if (className === 'Event' || className === 'CustomEvent') {
      for (const name of possibleStrings(created.arguments![0]!)) events.set(name, className);
      continue;
    }
    const symbol = checker.getSymbolAtLocation(created.expression);
    // An event class imported from a module of its own: its declaration is behind the import.
    const declaration = (symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol)
      ?.valueDeclaration;
    const superCall =
      declaration &&
      nodes(declaration).find(
        (node): node is ts.CallExpression =>
          ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword,
      );
    if (!superCall?.arguments[0]) throw new Error(`${where(call)}: cannot find the event name of ${className}`);
    for (const name of possibleStrings(superCall.arguments[0])) events.set(name, className);
  }
  return events;
}

/** Attributes the element sets on itself (`this.setAttribute('state', …)`), ARIA aside. */
function hostAttributesInCode(file: ts.SourceFile): string[] {
  return ['setAttribute', 'toggleAttribute']
    .flatMap((method) => methodCalls(file, method))
    .filter((call) => isThis((call.expression as ts.PropertyAccessExpression).expression))
    .flatMap((call) => possibleStrings(call.arguments[0]!))
    .filter((name) => !name.startsWith('aria-') && name !== 'role');
}

/** Custom states: `….states.add(name)`. */
function cssStatesInCode(file: ts.SourceFile): string[] {
  return methodCalls(file, 'add')
    .filter((call) => /\.states$/.test((call.expression as ts.PropertyAccessExpression).expression.getText()))
    .flatMap((call) => possibleStrings(call.arguments[0]!));
}

// ---------------------------------------------------------------------------------------------------------------

describe.each(elements)('custom-elements.json: <$tag>', ({ tag, element, source, rendering, styles, shippedAs }) => {
  const file = sourceFile(source);
  const stylesFile = sourceFile(styles);
  const get = () => declarationOf(tag).declaration;

  test('is declared, with its class and the module the package ships', () => {
    const { path, declaration } = declarationOf(tag);
    expect(path).toBe(shippedAs);
    expect(declaration.name).toBe(element.name);
    expect(declaration.description?.trim()).toBeTruthy();
  });

  test('lists every attribute, mapped to its property, and no other', () => {
    const { publicProperties } = reactiveProperties(element);
    const attributes = described('attribute', get().attributes);
    const observed = [...publicProperties].filter(([, attribute]) => attribute);
    expect(sorted(element.observedAttributes)).toEqual(sorted(observed.map(([, attribute]) => attribute!)));
    for (const [property, attribute] of observed) {
      expect(attributes.get(attribute!)?.fieldName, `attribute ${attribute}`).toBe(property);
    }
    const hostAttributes = hostAttributesInCode(file);
    expect(sorted(attributes.keys())).toEqual(
      sorted([...observed.map(([, attribute]) => attribute!), ...hostAttributes]),
    );
  });

  test('lists every public property, getter and method, and no other', () => {
    const members = publicMembers(element);
    const listed = described(
      'public member',
      get().members?.filter((member) => !member.privacy || member.privacy === 'public'),
    );
    expect(sorted(listed.keys())).toEqual(sorted(members.keys()));
    for (const [name, truth] of members) {
      const member = listed.get(name)!;
      expect(member.kind, `${name}: kind`).toBe(truth.kind);
      expect(!!member.static, `${name}: static`).toBe(truth.static);
      expect(!!member.readonly, `${name}: read only`).toBe(truth.readonly);
      const attribute = reactiveProperties(element).publicProperties.get(name);
      if (attribute) expect(member.attribute, `${name}: attribute`).toBe(attribute);
    }
  });

  test('keeps internal state private: no attribute, not public', () => {
    const { stateProperties } = reactiveProperties(element);
    const { members = [], attributes = [] } = get();
    for (const name of stateProperties) {
      expect(
        attributes.some((attribute) => attribute.name === name || attribute.fieldName === name),
        `${name} as attribute`,
      ).toBe(false);
      const member = members.find((candidate) => candidate.name === name);
      if (member) expect(member.privacy, `${name}: privacy`).toBe('private');
    }
    for (const member of members) {
      if (/^[_#]/.test(member.name)) expect(member.privacy, `${member.name}: privacy`).toBe('private');
    }
  });

  test('lists every event it dispatches, with its class, and no other', () => {
    const dispatched = eventsInCode(file);
    const events = described('event', get().events);
    expect(sorted(events.keys())).toEqual(sorted(dispatched.keys()));
    for (const [name, className] of dispatched)
      expect(events.get(name)?.type?.text, `event ${name}: type`).toBe(className);
  });

  test('lists every CSS part of the template and the styles, and no other', () => {
    const parts = described('CSS part', get().cssParts);
    const inStyles = partsInStyles(stylesFile);
    const inCode = [file, ...rendering.map(sourceFile)].flatMap(partsInCode);
    expect(
      sorted(inStyles).filter((part) => !inCode.includes(part)),
      'parts styled but never rendered',
    ).toEqual([]);
    expect(sorted(parts.keys())).toEqual(sorted([...inCode, ...inStyles]));
  });

  test('lists every custom property of the styles, and no other', () => {
    const properties = described('custom property', get().cssProperties);
    const inStyles = customPropertiesInStyles(styles, tag);
    expect(inStyles.length).toBeGreaterThan(0);
    expect(sorted(properties.keys())).toEqual(sorted(inStyles));
  });

  test('lists every slot and custom state, and no other', () => {
    expect(sorted(described('slot', get().slots).keys())).toEqual(sorted(slotsInCode(file)));
    expect(sorted(described('custom state', get().cssStates).keys())).toEqual(sorted(cssStatesInCode(file)));
  });
});
