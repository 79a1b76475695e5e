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

const resolve = { extensions: ['.tsx', '.ts', '.js'] };

module.exports = { ROOT, typescriptRule, resolve };
