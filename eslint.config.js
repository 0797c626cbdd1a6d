/**
 * Lint for the whole repository (`npm run lint`, part of `npm test`): TypeScript's
 * recommended rules everywhere; Lit's template rules, Lit's accessibility rules and the
 * web-component rules on the elements' sources. Formatting is Prettier's alone
 * (`npm run format`), so no rule here argues with it.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const elementSources = ['src/**/*.ts', 'demo/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'lib/',
      'bench-results/',
      '.demo-data/',
      'custom-elements.json',
      'test/fixtures/',
      'docs/examples/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // `_name` marks a parameter that a signature needs and the body does not.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  { files: elementSources, ...lit.configs['flat/recommended'] },
  { files: elementSources, ...litA11y.configs.recommended },
  { files: elementSources, ...wc.configs['flat/recommended'] },
  {
    // Tests and scripts talk to untyped JSON, browser internals and test doubles.
    files: ['test/**', 'scripts/**', 'bench/**', '*.config.*', '*.mjs'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Chai's assertions are property reads: `expect(element).to.exist`.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  prettier,
);
