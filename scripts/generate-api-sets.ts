/**
 * Writes test/platform/fake-excel/apiSets.generated.json: the ExcelApi requirement set of every
 * member of the Office.js types the add-in models (each `XlFoo` in src/excel/api.ts stands for
 * `Excel.Foo`), read from the `[Api set: ExcelApi 1.x]` tags of @types/office-js. The fake Excel
 * refuses a member on a host below its set, exactly as Excel does (ApiNotFound), and
 * test/excel/apiSetGates.test.ts checks every member the product calls against the same table.
 *
 * Run: npm run api-sets (after updating @types/office-js). A test regenerates the table and compares, so it cannot drift from the
 * installed @types/office-js.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '..');
export const API_SETS_FILE = resolve(ROOT, 'test', 'platform', 'fake-excel', 'apiSets.generated.json');
const OFFICE_DTS = resolve(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts');
const API_TS = resolve(ROOT, 'src', 'excel', 'api.ts');

/** When a member became available; `write` only where setting came later than reading. */
export interface MemberSet {
  readonly since: string;
  readonly write?: string;
  /** The tag as written, when it says more than one number (for the reader of the table). */
  readonly note?: string;
}

/** Type name (as in the Excel namespace) to member name to its set. */
export type ApiSetTable = Record<string, Record<string, MemberSet>>;

/**
 * Our interface names whose Office.js type has another name. Everything else is `Xl` + the
 * Excel name (XlWorksheet is Excel.Worksheet).
 */
const RENAMED: Readonly<Record<string, string>> = { XlContext: 'RequestContext' };

/** Reads one `@remarks [Api set: ...]` tag. Undefined when the member has none for ExcelApi. */
export function parseApiSetTag(comment: string): MemberSet | undefined {
  const tag = /\[Api set: ExcelApi ([^\]]*)\]/.exec(comment);
  if (!tag?.[1]) return undefined;
  const text = tag[1].trim();
  const numbers = [...text.matchAll(/\b(1\.\d+)\b/g)].map((m) => m[1] as string);
  const since = numbers[0];
  if (!since) return undefined;
  if (numbers.length === 1) return { since };
  // "1.1 for reading visibility; 1.2 for setting it." and "1.1 for get, 1.4 for set".
  const setter = /(1\.\d+) for (setting|set)\b/.exec(text);
  return { since, ...(setter?.[1] && setter[1] !== since ? { write: setter[1] } : {}), note: text };
}

function leadingComment(source: ts.SourceFile, node: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(source.text, node.pos) ?? [];
  return ranges.map((r) => source.text.slice(r.pos, r.end)).join('\n');
}

function memberName(member: ts.ClassElement | ts.TypeElement): string | undefined {
  const name = member.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** The Excel type names our api.ts models. */
export function modelledTypes(apiSource = readFileSync(API_TS, 'utf8')): string[] {
  const source = ts.createSourceFile('api.ts', apiSource, ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text.startsWith('Xl')) {
      names.push(RENAMED[node.name.text] ?? node.name.text.slice(2));
    }
  });
  return names;
}

/** The Excel type that an `Xl` interface of api.ts stands for. */
export function excelTypeOf(xlInterface: string): string {
  return RENAMED[xlInterface] ?? xlInterface.replace(/^Xl/, '');
}

/** Builds the table from the installed typings. Functions of the namespace are under '' (Excel.createWorkbook). */
export function buildApiSetTable(dts = readFileSync(OFFICE_DTS, 'utf8')): ApiSetTable {
  const wanted = new Set(modelledTypes());
  const source = ts.createSourceFile('index.d.ts', dts, ts.ScriptTarget.Latest, true);
  const table: ApiSetTable = {};
  const add = (type: string, member: string, set: MemberSet | undefined) => {
    if (!set) return;
    const members = (table[type] ??= {});
    // Overloads: the earliest set makes the member exist.
    const known = members[member];
    if (!known || compareSets(set.since, known.since) < 0) members[member] = set;
  };
  source.forEachChild((node) => {
    if (!ts.isModuleDeclaration(node) || node.name.getText(source) !== 'Excel' || !node.body) return;
    if (!ts.isModuleBlock(node.body)) return;
    for (const statement of node.body.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name) {
        add('', statement.name.text, parseApiSetTag(leadingComment(source, statement)));
        continue;
      }
      if (!(ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) || !statement.name)
        continue;
      const type = statement.name.text;
      if (!wanted.has(type)) continue;
      for (const member of statement.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        const name = memberName(member);
        if (name) add(type, name, parseApiSetTag(leadingComment(source, member)));
      }
    }
  });
  return sortTable(table);
}

/** Negative when a is the older set ('1.9' is older than '1.10'). */
export function compareSets(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

function sortTable(table: ApiSetTable): ApiSetTable {
  const sorted: ApiSetTable = {};
  for (const type of Object.keys(table).sort()) {
    const members = table[type] ?? {};
    sorted[type] = Object.fromEntries(
      Object.keys(members)
        .sort()
        .map((m) => [m, members[m] as MemberSet]),
    );
  }
  return sorted;
}

/** The file's text exactly as committed. */
export function apiSetTableText(table = buildApiSetTable()): string {
  return `${JSON.stringify(table, null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(API_SETS_FILE, apiSetTableText(), 'utf8');
  process.stdout.write(`Wrote ${API_SETS_FILE}\n`);
}
