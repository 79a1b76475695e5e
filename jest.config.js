/**
 * One jest run covers every kind of test; the projects differ in environment and in cost, so a
 * developer can run the fast ones often (`npm run test:fast`) and CI always runs them all
 * (`npm test`).
 *
 * Fast (a few minutes on a two-core machine):
 * - unit: pure code, the Excel fake's own conformance, the .xlsx writer (node)
 * - taskpane: React components on their own (jsdom), files named *.test.tsx
 * Slow (their own projects, always run by `npm test` and CI):
 * - engine: the product on the Excel fake with HyperFormula recalculating (test/excel), LibreOffice
 *   rendering and recalculating the file (test/libreoffice), broken workbooks, production builds
 * - views: the whole pane rendered over a generated workbook on the fake (jsdom)
 * - browser: headless Chromium through playwright-core, files under test/browser
 */
// tsconfig sets isolatedModules, so ts-jest transpiles each file alone (fast); tsc type-checks.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];

/**
 * htmlparser2 (the .xlsx reader's XML parser) and the packages it brings are published as ES
 * modules only; jest runs CommonJS, so babel turns those into CommonJS (the rest of node_modules
 * is left as it is). Node itself and webpack load them as they are.
 */
const ESM_PACKAGES = [
  'htmlparser2',
  'entities',
  'domhandler',
  'domutils',
  'domelementtype',
  'dom-serializer',
];
const esmToCommonJs = [
  'babel-jest',
  // A file of those packages that is CommonJS already is left as it is.
  { sourceType: 'unambiguous', presets: [['@babel/preset-env', { targets: { node: 'current' } }]] },
];

const common = {
  transform: { '^.+\\.tsx?$': tsJest, '/node_modules/.+\\.js$': esmToCommonJs },
  transformIgnorePatterns: [`^(?!.*/node_modules/(${ESM_PACKAGES.join('|')})/).*/node_modules/`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

/** Engine-backed and build tests: each runs formulas in a real engine, LibreOffice or webpack. */
const ENGINE = [
  '<rootDir>/test/excel/',
  '<rootDir>/test/libreoffice/',
  '<rootDir>/test/robustness/',
  '<rootDir>/test/build/build.test.ts',
  '<rootDir>/test/security/bundle.test.ts',
  '<rootDir>/test/xlsx/agreesWithAddin.test.ts',
];

/** Pane tests that generate a workbook on the fake and drive whole views (slow: HyperFormula under jsdom). */
const VIEWS = [
  '<rootDir>/test/taskpane/assessmentViews.test.tsx',
  '<rootDir>/test/taskpane/checkView.test.tsx',
  '<rootDir>/test/taskpane/combineView.test.tsx',
  '<rootDir>/test/taskpane/download.test.tsx',
  '<rootDir>/test/taskpane/maintainView.test.tsx',
  '<rootDir>/test/taskpane/messageForms.test.tsx',
  '<rootDir>/test/taskpane/nextPeriodView.test.tsx',
  '<rootDir>/test/taskpane/paneChangeLog.test.tsx',
  '<rootDir>/test/taskpane/setupView.test.tsx',
  '<rootDir>/test/taskpane/report/',
];

/**
 * The run's folder for the production build that test/build, test/security and test/browser share
 * (test/setup/sharedBuild.ts): made before the first test, removed after the last.
 */
const sharedBuilds = {
  globalSetup: '<rootDir>/test/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/test/setup/globalTeardown.ts',
};

const jsdom = { testEnvironment: 'jsdom', setupFilesAfterEnv: ['<rootDir>/test/setup/jsdom.ts'] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/browser/', ...ENGINE],
    },
    {
      ...common,
      ...jsdom,
      displayName: 'taskpane',
      testMatch: ['<rootDir>/test/**/*.test.tsx'],
      testPathIgnorePatterns: VIEWS,
    },
    {
      ...common,
      ...sharedBuilds,
      displayName: 'engine',
      testEnvironment: 'node',
      testMatch: ENGINE.map((path) => (path.endsWith('/') ? `${path}**/*.test.ts` : path)),
    },
    {
      ...common,
      ...jsdom,
      displayName: 'views',
      testMatch: VIEWS.map((path) => (path.endsWith('/') ? `${path}**/*.test.tsx` : path)),
    },
    {
      ...common,
      ...sharedBuilds,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
