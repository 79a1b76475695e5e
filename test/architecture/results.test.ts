/**
 * One result convention (docs/architecture.md, "Results and refusals"), checked on the syntax
 * tree of every file under src/: a refusal object is only ever built by refuse() in
 * src/domain/refusal.ts, and `{ ok: false, ... }` only by the parsers of input listed below.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';
import { ROOT } from './moduleGraph';

/** Parsers of input: their failures are lists of problems, each with its place. */
const PARSERS = [
  'src/domain/framework/loader.ts',
  'src/domain/framework/mapping.ts',
  'src/domain/framework/sheets/read.ts',
  'src/workbook/metaBlock.ts',
  'src/taskpane/components/FrameworkFileInput.tsx',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Object literals (not types) with `key: <literal>`, as "file:line". */
export function literalsWith(file: string, text: string, key: string, value: 'refused' | false): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const p of node.properties) {
        if (!ts.isPropertyAssignment(p) || p.name.getText(source) !== key) continue;
        const init = p.initializer;
        const matches =
          value === false
            ? init.kind === ts.SyntaxKind.FalseKeyword
            : ts.isStringLiteral(init) && init.text === value;
        if (matches) found.push(`${file}:${source.getLineAndCharacterOfPosition(p.getStart()).line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = sourceFiles(join(ROOT, 'src')).map((path) => ({
  file: relative(ROOT, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}));

describe('one result convention', () => {
  it('builds every refusal with refuse()', () => {
    const built = files
      .filter((f) => f.file !== 'src/domain/refusal.ts')
      .flatMap((f) => literalsWith(f.file, f.text, 'status', 'refused'));
    expect(built).toEqual([]);
  });

  it('uses { ok: false } only in the parsers of input', () => {
    const built = files
      .filter((f) => !PARSERS.includes(f.file))
      .flatMap((f) => literalsWith(f.file, f.text, 'ok', false));
    expect(built).toEqual([]);
  });

  it('finds what it looks for (so the two checks above can fail)', () => {
    const sample = `type T = { status: 'refused' };\nconst a = { status: 'refused', reason: 'x' };\nconst b = { ok: false };`;
    expect(literalsWith('x.ts', sample, 'status', 'refused')).toEqual(['x.ts:2']);
    expect(literalsWith('x.ts', sample, 'ok', false)).toEqual(['x.ts:3']);
  });
});
