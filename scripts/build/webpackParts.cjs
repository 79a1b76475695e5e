/** The parts of the webpack configuration shared by the production and preview bundles. */
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** ts-loader only transpiles: `npm run typecheck` is the separate gate for types. */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      configFile: path.join(ROOT, 'tsconfig.json'),
      // tsconfig.json says noEmit for tsc; the loader must emit.
      compilerOptions: { noEmit: false, sourceMap: true },
    },
  },
};

const resolve = {
  extensions: ['.tsx', '.ts', '.js'],
};

/**
 * Babel lowers the syntax of everything bundled to what the browsers in package.json's
 * `browserslist` can parse (preset-env reads that list; so does webpack's `target: 'browserslist'`
 * for its own runtime). Fluent UI's dependencies ship ES2022 (class static blocks), which the
 * Safari of older macOS versions, used by Excel for Mac, cannot parse. Only syntax is lowered:
 * no polyfills are added, as every browser on the list has the APIs React 18 and Fluent UI v9 use.
 * test/build/build.test.ts parses every emitted chunk at the level package.json declares.
 */
const babelOptions = {
  babelrc: false,
  configFile: false,
  // The browserslist is read from the package.json in this folder, whichever file is compiled.
  root: ROOT,
  cwd: ROOT,
  // Kept in node_modules/.cache/babel-loader: a rebuild transpiles only what changed.
  cacheDirectory: true,
  cacheCompression: false,
  // Packages mix ES modules and CommonJS; let Babel tell them apart per file.
  sourceType: 'unambiguous',
  // The minifier formats the output; this only silences Babel's note on very large files.
  compact: false,
  presets: [['@babel/preset-env', { bugfixes: true, modules: false, useBuiltIns: false }]],
};

/**
 * Griffel's build-time step (the Fluent UI toolchain's own): each `makeStyles` call in our code
 * becomes its finished class names and CSS rules, as Fluent's packages ship theirs. The pane then
 * neither computes styles when a component first renders nor carries the CSS compiler (stylis and
 * rtl-css-js, about 24 KB) at all: the first view's work at start-up (issue 25). Tests under jsdom
 * still run `makeStyles` as written; the loader gives the same classes (test/build checks that no
 * script carries the compiler).
 */
const griffelLoader = { loader: '@griffel/webpack-loader' };

/** Our TypeScript: ts-loader strips the types (tsconfig's ES2020), Griffel precompiles the styles, Babel lowers to the targets. */
const transpiledTypescriptRule = {
  ...typescriptRule,
  use: [{ loader: 'babel-loader', options: babelOptions }, griffelLoader, typescriptRule.use],
};

/** The preview bundle's TypeScript: not lowered (it runs in current Chromium), styles precompiled as in production. */
const previewTypescriptRule = { ...typescriptRule, use: [griffelLoader, typescriptRule.use] };

/** JavaScript from packages, lowered to the targets. */
const packagesRule = {
  test: /\.[cm]?js$/,
  include: /[\\/]node_modules[\\/]/,
  use: { loader: 'babel-loader', options: babelOptions },
};

/** The rules of the bundles that reach Office: everything lowered to the browserslist targets. */
const transpiledRules = [transpiledTypescriptRule, packagesRule];

module.exports = { ROOT, typescriptRule, previewTypescriptRule, transpiledRules, resolve };
