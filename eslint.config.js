// Lint for the whole project: typescript-eslint's type-checked preset over TypeScript and Svelte,
// and the layer boundaries of docs/ARCHITECTURE.md as import restrictions.
// `npm run lint` keeps ESLint's cache in .cache/eslint (by content). The cache is per file, so a
// type-aware finding in an unchanged file that a change elsewhere causes shows up only on a clean
// run; CI starts clean, so it lints everything.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const UI_MODULES = ['svelte', 'svelte/*', 'maplibre-gl', '@deck.gl/*', 'terra-draw', 'terra-draw-*'];
const NODE_MODULES = ['node:*'];
const NODE_NAMES = ['fs', 'path', 'os', 'child_process'];

/** One `no-restricted-imports` rule saying which layers a layer may not reach. */
function boundary(message, groups, names = []) {
  const paths = names.map((name) => ({ name, message }));
  return { 'no-restricted-imports': ['error', { paths, patterns: [{ group: groups, message }] }] };
}

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'public/', '.cache/', 'test-results/', 'test/fixtures/'] },
  js.configs.recommended,
  ...ts.configs.recommendedTypeChecked,
  ...svelte.configs.recommended,
  {
    // A disable comment that no longer disables anything is an error, so none outlives its reason.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
  },
  {
    // The stores in src/state hold what views read in $state fields; the Maps and Sets they build
    // are bookkeeping (what autosave already wrote, an id index for a diff) that no view reads, so
    // a SvelteMap would only add tracking. In components the rule stays on: there a plain Map in
    // a script is state a template may read.
    files: ['src/state/**/*.svelte.ts'],
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  {
    files: ['*.js', 'scripts/**/*.js'],
    ...ts.configs.disableTypeChecked,
  },
  {
    files: ['src/core/**'],
    rules: boundary(
      'src/core is pure domain code: no UI, map library, state or Node API.',
      [...UI_MODULES, ...NODE_MODULES, '**/ui/*', '**/map/*', '**/state/*', '**/analysis/*', '**/io/*', '**/cli/*'],
      NODE_NAMES,
    ),
  },
  {
    files: ['src/io/**', 'src/analysis/**'],
    rules: boundary(
      'src/io and src/analysis run in a worker: no UI, map library, state or Node API.',
      [...UI_MODULES, ...NODE_MODULES, '**/ui/*', '**/map/*', '**/state/*', '**/cli/*'],
      NODE_NAMES,
    ),
  },
  {
    files: ['src/state/**'],
    rules: boundary('src/state holds the plan and its stores: it imports no view.', [
      'maplibre-gl',
      '@deck.gl/*',
      'terra-draw',
      '**/ui/*',
      '**/map/*',
    ]),
  },
  {
    files: ['src/ui/**', 'src/map/**'],
    rules: boundary(
      'Views render state and dispatch commands: no analysis internals or Node API.',
      [...NODE_MODULES, '**/analysis/*', '!**/analysis/worker-contract', '**/cli/*'],
      NODE_NAMES,
    ),
  },
  {
    files: ['**/*.test.ts', '**/*.testing.ts', 'test/**', 'bench/**', 'scripts/**', 'src/cli/**', 'vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
