/**
 * The layers of src/ hold by the file each import resolves to (docs/architecture.md). ESLint's
 * no-restricted-imports (eslint.config.mjs) still gives fast feedback in the editor, but it
 * matches how a path is spelled; this test is the one that decides.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DOMAIN_FACADE, violations } from './layers';
import { importsOf, sourceFiles } from './moduleGraph';

describe('the layers of src/, by resolved import', () => {
  const edges = importsOf(sourceFiles());

  it('sees the imports of the product (a sanity check on the graph itself)', () => {
    // If the walker found nothing, every rule below would pass vacuously.
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.dynamic)).toBe(true); // the lazily loaded views and .docx writer
    expect(edges.some((e) => e.to === DOMAIN_FACADE)).toBe(true);
  });

  it('breaks no rule', () => {
    expect(violations(edges).map((v) => v.message)).toEqual([]);
  });
});

describe('the checker catches what a spelling-based rule lets through', () => {
  let root: string;
  const write = (path: string, text: string): string => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  const messagesFor = (file: string): string[] => violations(importsOf([file], root)).map((v) => v.message);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'layers-'));
    write('src/excel/api.ts', 'export const EXCEL = 1;\n');
    write('src/domain/index.ts', "export { inner } from './inner';\n");
    write('src/domain/inner.ts', 'export const inner = 1;\n');
    write('src/workbook/ok.ts', "import { inner } from '../domain';\nexport const ok = inner;\n");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a path that climbs in and out again (./../../excel/api)', () => {
    const file = write(
      'src/domain/rules/odd.ts',
      "import { EXCEL } from './../../excel/api';\nexport const x = EXCEL;\n",
    );
    expect(messagesFor(file)).toEqual([
      expect.stringMatching(
        /^src\/domain\/rules\/odd\.ts:1 .*reaches src\/excel\/api\.ts; src\/domain may import only src\/domain/,
      ),
    ]);
  });

  it('an absolute path', () => {
    const target = join(root, 'src', 'excel', 'api');
    const file = write(
      'src/domain/absolute.ts',
      `import { EXCEL } from '${target}';\nexport const x = EXCEL;\n`,
    );
    expect(messagesFor(file)).toEqual([expect.stringContaining('reaches src/excel/api.ts')]);
  });

  it('a dynamic import()', () => {
    const file = write('src/domain/lazy.ts', "export const later = () => import('../excel/api');\n");
    expect(messagesFor(file)).toEqual([
      expect.stringMatching(/\(dynamically\).*reaches src\/excel\/api\.ts/),
    ]);
  });

  it('a computed import() that cannot be resolved', () => {
    const file = write(
      'src/domain/computed.ts',
      "const name = '../excel/api';\nexport const later = () => import(name);\n",
    );
    expect(messagesFor(file)).toEqual([expect.stringContaining('does not resolve to a file')]);
  });

  it('a caller outside the domain going around its facade, and one using it', () => {
    const around = write(
      'src/workbook/around.ts',
      "import { inner } from '../domain/inner';\nexport const y = inner;\n",
    );
    expect(messagesFor(around)).toEqual([expect.stringContaining("behind the domain's facade")]);
    expect(messagesFor(join(root, 'src/workbook/ok.ts'))).toEqual([]);
  });

  it('UI and test-engine packages where they do not belong, and test code anywhere', () => {
    const file = write(
      'src/workbook/ui.ts',
      "import 'react';\nimport '@fluentui/react-components';\nimport 'hyperformula';\nimport '../../test/helpers';\n",
    );
    write('test/helpers.ts', 'export {};\n');
    expect(messagesFor(file)).toEqual([
      expect.stringContaining('may not use react'),
      expect.stringContaining('may not use @fluentui/react-components'),
      expect.stringContaining('HyperFormula is the test formula engine only'),
      expect.stringContaining('reaches test/helpers.ts, which is not product code'),
    ]);
  });
});
