/**
 * The layering of src/ (docs/architecture.md), as rules over the resolved import graph
 * (moduleGraph.ts): what each folder may reach, whatever the import's spelling.
 *
 *   src/domain    src/domain only; no React, Fluent UI or Office
 *   src/workbook  src/domain (through its facade) and src/workbook; no React, Fluent UI or Office
 *   src/excel     src/domain, src/workbook, src/excel; no React or Fluent UI
 *   src/xlsx      src/domain, src/workbook, src/xlsx; no React, Fluent UI or Office
 *   src/taskpane  anything in src/
 *
 * Everywhere: nothing under test/ and no HyperFormula (the GPL test engine), so neither can reach
 * the production bundle; and a file outside src/domain reaches the domain only through
 * src/domain/index.ts, its one public face.
 */
import type { ImportEdge } from './moduleGraph';

export type Layer = 'domain' | 'workbook' | 'excel' | 'xlsx' | 'taskpane';

const MAY_REACH: Record<Layer, readonly Layer[]> = {
  domain: ['domain'],
  workbook: ['domain', 'workbook'],
  excel: ['domain', 'workbook', 'excel'],
  xlsx: ['domain', 'workbook', 'xlsx'],
  taskpane: ['domain', 'workbook', 'excel', 'xlsx', 'taskpane'],
};

const UI_PACKAGES = ['react', 'react-dom', 'scheduler'];
const isUiPackage = (name: string): boolean =>
  UI_PACKAGES.includes(name) || name.startsWith('@fluentui/') || name.startsWith('@griffel/');
const isOfficePackage = (name: string): boolean => name === 'office-js' || name === '@microsoft/office-js';

const FORBIDDEN_PACKAGES: Record<Layer, (name: string) => boolean> = {
  domain: (name) => isUiPackage(name) || isOfficePackage(name),
  workbook: (name) => isUiPackage(name) || isOfficePackage(name),
  excel: isUiPackage,
  xlsx: (name) => isUiPackage(name) || isOfficePackage(name),
  taskpane: () => false,
};

export const DOMAIN_FACADE = 'src/domain/index.ts';

export function layerOf(path: string): Layer | undefined {
  const match = /^src\/(domain|workbook|excel|xlsx|taskpane)\//.exec(path);
  return match ? (match[1] as Layer) : undefined;
}

export interface Violation {
  readonly where: string;
  readonly message: string;
}

/** Every broken rule in the given edges, each named by file and line. */
export function violations(edges: readonly ImportEdge[]): Violation[] {
  const found: Violation[] = [];
  for (const edge of edges) {
    const from = layerOf(edge.from);
    if (!from) continue;
    const where = `${edge.from}:${edge.line}`;
    const say = (message: string): void => {
      found.push({
        where,
        message: `${where} imports '${edge.specifier}'${edge.dynamic ? ' (dynamically)' : ''}: ${message}`,
      });
    };
    if (edge.to.startsWith('<unresolved')) {
      say('it does not resolve to a file, so its layer cannot be checked');
      continue;
    }
    if (edge.isPackage) {
      if (edge.to === 'hyperformula')
        say('HyperFormula is the test formula engine only (GPLv3, never bundled).');
      else if (FORBIDDEN_PACKAGES[from](edge.to)) say(`src/${from} may not use ${edge.to}.`);
      continue;
    }
    if (edge.to.startsWith('test/') || edge.to.startsWith('bench/') || edge.to.startsWith('scripts/')) {
      say(`it reaches ${edge.to}, which is not product code (it would end up in the production bundle).`);
      continue;
    }
    const to = layerOf(edge.to);
    if (!to) {
      if (!edge.to.startsWith('src/') && !edge.to.startsWith('framework/'))
        say(`it reaches ${edge.to}, outside src/.`);
      continue;
    }
    if (!MAY_REACH[from].includes(to)) {
      say(
        `it reaches ${edge.to}; src/${from} may import only ${MAY_REACH[from].map((l) => `src/${l}`).join(', ')}.`,
      );
      continue;
    }
    if (to === 'domain' && from !== 'domain' && edge.to !== DOMAIN_FACADE) {
      say(`it reaches ${edge.to} behind the domain's facade; import from src/domain (index.ts) instead.`);
    }
  }
  return found;
}
