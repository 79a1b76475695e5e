/**
 * Stands in for the `is-unsafe` package in the bundles (scripts/build/webpackParts.cjs aliases it).
 *
 * fast-xml-parser's built-in entity decoder asks is-unsafe whether the value of an entity a DOCTYPE
 * declares looks like HTML or XML injection. The add-in's .xlsx reader gives the parser its own
 * decoder (src/xlsx/xmlTree.ts), which never registers declared entities, so the built-in one and
 * this check never run. Bundled, is-unsafe would add some 45 KB of detection rules whose text holds
 * "javascript:" URLs, which the bundle scan (test/security) rightly refuses. Should the built-in
 * decoder ever run, this answers "unsafe" for every value: no declared entity is ever expanded.
 */
export const HTML = 'HTML';
export const XML = 'XML';

export function isUnsafe() {
  return true;
}
