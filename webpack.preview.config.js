/**
 * The preview bundle: the same task pane, wired to the Excel fake (test/platform/fake-excel)
 * instead of Office.js, written to dist-preview/. It is for the browser tests and for looking at
 * the pane without Excel (`npm run preview`), and is never part of the production build.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { ROOT, previewTypescriptRule, resolve } = require('./scripts/build/webpackParts.cjs');

const PREVIEW_PORT = 3001;

/** Writes dist-preview/.gitignore so the built preview can never be committed by accident. */
class IgnoreOutputPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('IgnoreOutputPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'IgnoreOutputPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => compilation.emitAsset('.gitignore', new compiler.webpack.sources.RawSource('*\n')),
      );
    });
  }
}

module.exports = (env) => ({
  // Development mode: readable output, faster to build; size does not matter here.
  mode: 'development',
  context: ROOT,
  entry: { preview: './test/browser/preview/index.tsx' },
  output: {
    path: path.join(ROOT, env.outputPath ?? 'dist-preview'),
    filename: '[name].js',
    publicPath: '',
    clean: true,
  },
  devtool: 'source-map',
  resolve,
  module: { rules: [previewTypescriptRule] },
  plugins: [
    // index.html too, so `npm run preview` shows the pane at the server's root.
    ...['taskpane.html', 'index.html'].map(
      (filename) =>
        new HtmlWebpackPlugin({ filename, template: './src/taskpane/taskpane.html', officeJs: false }),
    ),
    new CopyWebpackPlugin({ patterns: [{ from: 'assets/*.png', to: 'assets/[name][ext]' }] }),
    new IgnoreOutputPlugin(),
  ],
  devServer: { port: PREVIEW_PORT, host: 'localhost', static: false, hot: false },
});
