/**
 * The floor pane of the first-view benchmark (bench/floor/index.tsx), built with the add-in's own
 * webpack configuration (webpack.config.js: the same page template and bootstrap, Babel targets,
 * chunk splitting and minifier); only the entry differs.
 */
const path = require('node:path');
const addin = require('../webpack.config.js');

module.exports = async (env, argv) => {
  const config = await addin(env, argv);
  return {
    ...config,
    context: path.join(__dirname, '..'),
    entry: { taskpane: './bench/floor/index.tsx' },
  };
};
