/**
 * The add-in's bundle: dist/ holds taskpane.html, the JavaScript, assets/, help.html and the
 * manifest. `webpack --mode production` writes the manifest with ADDIN_PUBLIC_URL in place of
 * https://localhost:3000/; `webpack serve` serves the development build over HTTPS on port 3000.
 *
 * Only src/ is bundled: the Excel fake, HyperFormula and everything under test/ belong to the
 * preview bundle (webpack.preview.config.js), and test/build/build.test.ts checks that.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_URL, PLACEHOLDER_URL, productionUrl, rewriteManifest } = require('./scripts/build/publicUrl.cjs');
const { ensureDevCertificates, trustInstructions } = require('./scripts/build/devCerts.cjs');
const { ROOT, transpiledRules, resolve } = require('./scripts/build/webpackParts.cjs');
const {
  bootstrapFileName,
  bootstrapPatterns,
  WorkbookFilePlugin,
} = require('./scripts/build/paneAssets.cjs');

const DEV_PORT = 3000;

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const baseUrl = production ? productionUrl(process.env.ADDIN_PUBLIC_URL) : DEV_URL;
  if (production && baseUrl === PLACEHOLDER_URL) {
    process.stderr.write(
      `Note: ADDIN_PUBLIC_URL is not set, so dist/manifest.xml points at the placeholder ${PLACEHOLDER_URL}\n`,
    );
  }

  return {
    mode: production ? 'production' : 'development',
    context: ROOT,
    // The browsers that can run the pane, from package.json's browserslist: webpack writes its
    // runtime for them, and Babel (transpiledRules) lowers our code and the packages to them.
    target: 'browserslist',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.join(ROOT, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      // Relative URLs: the same files work at any ADDIN_PUBLIC_URL.
      publicPath: '',
      clean: true,
    },
    // Not an eval-based source map: the pane's Content-Security-Policy forbids eval, in development too.
    devtool: production ? false : 'source-map',
    resolve,
    module: { rules: transpiledRules },
    optimization: {
      // React and Fluent change less often than our code: a separate file stays cached.
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // chunks: 'initial': packages used only by lazily loaded code (zod, behind the task pane's
          // engine chunk) stay in that chunk instead of joining the vendor file loaded up front.
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', priority: 10, chunks: 'initial' },
        },
      },
    },
    performance: {
      // Sizes are raw (not gzipped) bytes; the gzipped budget is checked in test/build.
      hints: production ? 'warning' : false,
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 600 * 1024,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // The bootstrap (src/taskpane/bootstrap.js) loads the pane's scripts: the template lists
        // them on its script element instead of webpack adding script elements.
        inject: false,
        bootstrap: bootstrapFileName('bootstrap', production),
        bootstrapMessage: bootstrapFileName('bootstrapMessage', production),
        officeJs: true,
        // The development server's live-reload socket, allowed by the pane's CSP only when serving.
        devServerSocket: env.WEBPACK_SERVE ? `wss://localhost:${DEV_PORT}` : undefined,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          ...bootstrapPatterns(production),
          // Copied as written: its CSP allows its style element by hash, which minifying would change.
          { from: 'src/taskpane/help.html', to: 'help.html', info: { minimized: true } },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifest(content.toString('utf8'), baseUrl),
          },
        ],
      }),
      // The assessment workbook, linked from the bootstrap's message: dist/equality-assessment.xlsx.
      new WorkbookFilePlugin(),
    ],
    devServer: env.WEBPACK_SERVE ? await devServer() : undefined,
  };
};

async function devServer() {
  const certificates = await ensureDevCertificates();
  if (certificates.generated) process.stdout.write(`${trustInstructions()}\n`);
  return {
    port: DEV_PORT,
    server: {
      type: 'https',
      options: { ca: certificates.ca, cert: certificates.cert, key: certificates.key },
    },
    // Office hosts load the pane from another origin in places (e.g. Excel on the web's frames).
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: false,
    hot: false,
    client: { overlay: { warnings: false } },
  };
}
