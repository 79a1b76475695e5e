/**
 * Files the build adds beside the pane for webviews that cannot run it (see src/taskpane/bootstrap.js):
 * - the bootstrap and its message, minified as ES5 and named by their content's hash, so that
 *   Office's cache (which keeps old files for long) never serves a stale one;
 * - the assessment workbook as an .xlsx file, which the message links to, written by
 *   the project's own writer exactly as `npm run template` writes it.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { minify } = require('terser');
const { ROOT } = require('./webpackParts.cjs');

/** The bootstrap's files (hand-written ES5) in src/taskpane/, by their name without '.js'. */
const BOOTSTRAP_FILES = ['bootstrap', 'bootstrapMessage'];
/** The name bootstrapMessage.js links to (its WORKBOOK_FILE). */
const WORKBOOK_FILE = 'equality-assessment.xlsx';

/**
 * A bootstrap file's name in dist/ ('bootstrap' or 'bootstrapMessage'): hashed in production,
 * plain for the development server.
 */
function bootstrapFileName(name, production) {
  if (!production) return `${name}.js`;
  const source = readFileSync(path.join(ROOT, 'src', 'taskpane', `${name}.js`));
  return `${name}.${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
}

/**
 * A bootstrap file minified for ES5: terser is told the language level so that it never writes
 * newer syntax (arrow functions, shorthand) into a file Internet Explorer 11 must parse.
 */
async function minifyBootstrap(content) {
  const result = await minify(content.toString('utf8'), {
    ecma: 5,
    safari10: true,
    compress: { ecma: 5, passes: 2 },
    format: { ecma: 5, comments: false },
  });
  if (result.code === undefined) throw new Error('terser returned no code for a bootstrap file');
  return result.code;
}

/** CopyWebpackPlugin patterns that write the bootstrap files (minified unless developing). */
function bootstrapPatterns(production) {
  return BOOTSTRAP_FILES.map((name) => ({
    from: `src/taskpane/${name}.js`,
    to: bootstrapFileName(name, production),
    // Already minified here (or left readable in development): webpack's minifier would write
    // newer syntax for the browserslist targets.
    info: { minimized: true },
    transform: production ? (content) => minifyBootstrap(content) : undefined,
  }));
}

/**
 * Writes the assessment workbook into the output. The writer is TypeScript (src/xlsx/ through
 * scripts/template.ts), run here through ts-node, as `npm run template` runs it.
 */
class WorkbookFilePlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('WorkbookFilePlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'WorkbookFilePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const bytes = await templateModule().defaultWorkbookBytes();
          compilation.emitAsset(WORKBOOK_FILE, new sources.RawSource(Buffer.from(bytes)));
        },
      );
    });
  }
}

let template;
function templateModule() {
  if (!template) {
    require('ts-node').register({
      project: path.join(ROOT, 'scripts', 'tsconfig.node.json'),
      transpileOnly: true,
      // Only our own TypeScript goes through ts-node in this process.
      scope: true,
      scopeDir: ROOT,
    });
    template = require(path.join(ROOT, 'scripts', 'template.ts'));
  }
  return template;
}

module.exports = { WORKBOOK_FILE, bootstrapFileName, bootstrapPatterns, minifyBootstrap, WorkbookFilePlugin };
