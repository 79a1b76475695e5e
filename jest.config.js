/**
 * One jest run covers every kind of test; the projects differ in environment and in cost, so a
 * developer can run the fast ones often (`npm run test:fast`) and CI always runs them all
 * (`npm test`).
 *
 * Fast (seconds to a few minutes on a two-core machine):
 * - unit: pure code, the Excel fake's own conformance, the .xlsx writer (node)
 * - taskpane: React components (jsdom), files named *.test.tsx
 * Slow (their own projects, always run by `npm test` and CI):
 * - engine: the product on the Excel fake with HyperFormula recalculating (test/excel), LibreOffice
 *   rendering and recalculating the file (test/libreoffice), broken workbooks, production builds
 * - browser: headless Chromium through playwright-core, files under test/browser
 */
// tsconfig sets isolatedModules, so ts-jest transpiles each file alone (fast); tsc type-checks.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];

const common = {
  transform: { '^.+\\.tsx?$': tsJest },
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
      displayName: 'taskpane',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/jsdom.ts'],
    },
    {
      ...common,
      displayName: 'engine',
      testEnvironment: 'node',
      testMatch: ENGINE.map((path) => (path.endsWith('/') ? `${path}**/*.test.ts` : path)),
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
