// @ts-check
/**
 * ESLint flat config. Beyond the recommended rules it holds the layering of src/ (see
 * /work/shared/design.md): what each folder may import is enforced here, not left to habit.
 *
 *   src/domain    nothing of ours outside src/domain; no React, Fluent, Office or DOM globals
 *   src/workbook  src/domain only; no DOM or Office globals
 *   src/excel     src/domain and src/workbook; no React or task pane
 *   src/xlsx      src/domain and src/workbook
 *   src/taskpane  anything in src/
 *
 * Nothing in src/ may import test code or HyperFormula (the test formula engine), so neither can
 * reach the production bundle; outside src/domain the domain is imported from its facade.
 *
 * These rules match how an import is spelled, for quick feedback in the editor. The check that
 * decides is test/architecture/boundaries.test.ts, over the file each import resolves to.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Relative imports that climb into a sibling folder of src/, e.g. '../excel/api'. */
const folder = (name) => `^(\\.\\./)+(src/)?${name}(/|$)`;

const UI = ['react', 'react-dom', 'react-dom/*', 'react/*', '@fluentui/*', 'office-js', '@types/office-js'];

/** Outside src/domain, the domain is reached through its facade (src/domain/index.ts) only. */
const DOMAIN_FACADE_ONLY = {
  regex: '^(\\.\\./)+(src/)?domain/(?!index$).+',
  message: "Import the domain from its facade ('../domain'), not the files behind it.",
};

/** Restrictions for every folder of src/, plus the folder's own. */
function restrictImports({ folders = [], packages = [], why, facade = true }) {
  return [
    'error',
    {
      patterns: [
        {
          regex: '(^|/)test(/|$)',
          message: 'Code in src/ must not import test code (it would end up in the production bundle).',
        },
        {
          group: ['hyperformula', 'hyperformula/*'],
          message: 'HyperFormula is the test formula engine only.',
        },
        ...folders.map((name) => ({ regex: folder(name), message: why })),
        ...(facade ? [DOMAIN_FACADE_ONLY] : []),
        ...(packages.length > 0 ? [{ group: packages, message: why }] : []),
      ],
    },
  ];
}

const BROWSER_AND_OFFICE_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'Office',
  'Excel',
  'OfficeExtension',
].map((name) => ({
  name,
  message: 'Pure code: no DOM or Office globals here; the src/excel adapter talks to Excel.',
}));

/** Lines of code (blank lines and comments aside) a function in src/ may have. */
const MAX_FUNCTION_LINES = 100;

/**
 * Files whose longest function is still over MAX_FUNCTION_LINES, and why. Each is to be split as
 * issue 19 says; until then the exception is named here rather than hidden in the file.
 */
const LONG_FUNCTIONS = [];

/** Node globals for the JavaScript build files and scripts. */
const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'require',
    'module',
    '__dirname',
    '__filename',
    'Buffer',
    'URL',
    'setTimeout',
    'clearTimeout',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-preview/', 'coverage/', 'test-results/', 'bench/out/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    // Type-aware rules chosen for what they catch in add-in code (an Excel.run that is not
    // awaited, a promise passed where a callback is expected), not the whole type-checked set.
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: NODE_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  {
    // The pane's bootstrap runs in the browser as classic scripts, in every webview Office uses
    // (ES5 only: test/build/bootstrap.test.ts parses them so and checks the APIs they use).
    files: ['src/taskpane/bootstrap.js', 'src/taskpane/bootstrapMessage.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['window', 'document', 'navigator', 'location', 'setTimeout', 'Office'].map((name) => [
          name,
          'readonly',
        ]),
      ),
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': restrictImports({ why: '' }),
      // A function should read at once: split it into named parts (a builder into its blocks, a
      // view into components and hooks, a decision into rows) rather than raise the limit.
      'max-lines-per-function': [
        'error',
        { max: MAX_FUNCTION_LINES, skipBlankLines: true, skipComments: true },
      ],
    },
  },
  // The functions still over the limit, each with why; the list only shrinks (and ESLint refuses
  // an empty `files`, so no block once it is empty).
  ...(LONG_FUNCTIONS.length > 0
    ? [{ files: LONG_FUNCTIONS.map((f) => f.file), rules: { 'max-lines-per-function': 'off' } }]
    : []),
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports({
        folders: ['workbook', 'excel', 'xlsx', 'taskpane'],
        packages: UI,
        why: 'src/domain imports nothing of ours outside src/domain, and no UI or Office code.',
        facade: false,
      }),
      'no-restricted-globals': ['error', ...BROWSER_AND_OFFICE_GLOBALS],
    },
  },
  {
    files: ['src/workbook/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports({
        folders: ['excel', 'xlsx', 'taskpane'],
        packages: UI,
        why: 'src/workbook may import src/domain only.',
      }),
      'no-restricted-globals': ['error', ...BROWSER_AND_OFFICE_GLOBALS],
    },
  },
  {
    files: ['src/excel/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports({
        folders: ['xlsx', 'taskpane'],
        packages: UI.filter((p) => !p.includes('office-js')),
        why: 'src/excel may import src/domain and src/workbook, not React or the task pane.',
      }),
    },
  },
  {
    files: ['src/xlsx/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports({
        folders: ['excel', 'taskpane'],
        packages: UI,
        why: 'src/xlsx may import src/domain and src/workbook only.',
      }),
    },
  },
  prettier,
);
