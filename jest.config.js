/**
 * One jest run covers every kind of test; the projects differ only in environment.
 * - unit: pure code and the Excel test platform (node)
 * - taskpane: React components (jsdom), files named *.test.tsx
 * - browser: headless Chromium through playwright-core, files under test/browser
 */
// tsconfig sets isolatedModules, so ts-jest transpiles each file alone (fast); tsc type-checks.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];

const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/browser/'],
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
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
