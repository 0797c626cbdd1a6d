/**
 * Settings of @custom-elements-manifest/analyzer: `npm run manifest` writes custom-elements.json, the
 * `customElements` entry of package.json that editors, Storybook and documentation tools read, from the
 * elements' JSDoc and code. test/unit/custom-elements-manifest.test.ts runs the same command and checks
 * the result against the code, so the manifest cannot drift from the elements.
 */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself (`customElements`): the analyzer must not rewrite that file.
  packagejson: false,
  plugins: [litStatePlugin(), eventSubclassPlugin(), shippedPathsPlugin()],
};

/** The custom element declarations of the manifest. */
function* customElements(manifest) {
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement) yield declaration;
    }
  }
}

/** The name of the class that encloses `node`, if any. */
function enclosingClassName(ts, node) {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassDeclaration(current) || ts.isClassExpression(current)) return current.name?.text;
  }
  return undefined;
}

/**
 * Lit's `static properties = { _values: { state: true } }` declares internal reactive state: Lit gives
 * it no attribute and it is no public API. The analyzer (0.11) ignores `state: true` and lists each such
 * property as a public field and as an attribute; this makes them private and drops their attributes.
 */
function litStatePlugin() {
  const stateProperties = new Map(); // class name → names of its `state: true` properties
  return {
    name: 'news-widgets-lit-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = ts.getModifiers?.(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const property of member.initializer.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some(
            (option) =>
              ts.isPropertyAssignment(option) &&
              option.name.getText() === 'state' &&
              option.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (!isState) continue;
          if (!stateProperties.has(node.name.text)) stateProperties.set(node.name.text, new Set());
          stateProperties.get(node.name.text).add(property.name.getText());
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const element of customElements(customElementsManifest)) {
        const state = stateProperties.get(element.name);
        if (!state) continue;
        element.attributes = (element.attributes ?? []).filter((attribute) => !state.has(attribute.fieldName));
        for (const member of element.members ?? []) {
          if (!state.has(member.name)) continue;
          member.privacy = 'private';
          delete member.attribute;
          delete member.reflects;
        }
      }
    },
  };
}

/**
 * The analyzer (0.11) names an event found in `this.dispatchEvent(new X(a, …))` after `a`, which is right
 * only for `new Event('name')`: for `new CommentFormErrorEvent('rejected', …)` it invents a `rejected`
 * event, and for `new Event(name)` an event called `name`. This reads the real name from the subclass's
 * `super('name', …)` call, drops the events named after variables (their names come from `@fires`), and
 * merges what is left with the `@fires` entries, which carry the descriptions.
 */
function eventSubclassPlugin() {
  const eventNames = new Map(); // Event subclass name → the event name its constructor passes to super()
  const variableNames = new Map(); // class name → identifiers passed as the name in `new Event(identifier)`
  return {
    name: 'news-widgets-event-names',
    analyzePhase({ ts, node }) {
      if (ts.isClassDeclaration(node) && node.name) {
        const base = node.heritageClauses
          ?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)
          ?.types[0]?.expression.getText();
        if (base !== 'Event' && base !== 'CustomEvent') return;
        const visit = (child) => {
          if (
            ts.isCallExpression(child) &&
            child.expression.kind === ts.SyntaxKind.SuperKeyword &&
            child.arguments[0] &&
            ts.isStringLiteralLike(child.arguments[0])
          ) {
            eventNames.set(node.name.text, child.arguments[0].text);
          }
          ts.forEachChild(child, visit);
        };
        ts.forEachChild(node, visit);
        return;
      }
      if (
        ts.isNewExpression(node) &&
        ['Event', 'CustomEvent'].includes(node.expression.getText()) &&
        node.arguments?.[0] &&
        !ts.isStringLiteralLike(node.arguments[0]) &&
        ts.isCallExpression(node.parent) &&
        node.parent.expression.getText() === 'this.dispatchEvent'
      ) {
        const className = enclosingClassName(ts, node);
        if (!className) return;
        if (!variableNames.has(className)) variableNames.set(className, new Set());
        variableNames.get(className).add(node.arguments[0].getText());
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const element of customElements(customElementsManifest)) {
        const variables = variableNames.get(element.name) ?? new Set();
        const merged = new Map();
        // The documented entries first, so the manifest lists events in the order of the `@fires` lines.
        const events = element.events ?? [];
        for (const event of [...events.filter((e) => e.description), ...events.filter((e) => !e.description)]) {
          const typeName = event.type?.text;
          if (typeName && eventNames.has(typeName)) {
            event.name = eventNames.get(typeName);
          } else if (!event.description && variables.has(event.name)) {
            continue; // `new Event(name)`: not an event called `name`
          }
          const known = merged.get(event.name);
          merged.set(event.name, known ? mergeEvents(known, event) : event);
        }
        element.events = [...merged.values()];
      }
    },
  };
}

/** One event from two entries for it: the description of the documented one, the more precise type. */
function mergeEvents(a, b) {
  const type = [a.type, b.type].find((candidate) => candidate?.text && candidate.text !== 'Event') ?? a.type ?? b.type;
  return { ...a, ...b, description: a.description || b.description, ...(type ? { type } : {}) };
}

/**
 * The analyzer names modules after the files it read, `src/article/news-article.ts`; the package ships them compiled
 * as `lib/article/news-article.js` (src/ is not in it), so the manifest points there.
 */
function shippedPathsPlugin() {
  const shipped = (path) => path.replace(/^src\/(.*)\.ts$/, 'lib/$1.js');
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const key of ['path', 'module']) if (typeof value[key] === 'string') value[key] = shipped(value[key]);
      Object.values(value).forEach(visit);
    }
  };
  return {
    name: 'news-widgets-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      visit(customElementsManifest.modules);
    },
  };
}
