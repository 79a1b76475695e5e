/**
 * The import graph of src/, by the file each import RESOLVES to (with the TypeScript compiler's
 * own module resolution and the project's options), not by how the import is spelled. So
 * `./../../excel/api`, an absolute path and a dynamic `import()` are all seen for what they reach.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';

export const ROOT = join(__dirname, '..', '..');

export interface ImportEdge {
  /** The importing file, relative to the root with '/' separators ('src/domain/x.ts'). */
  readonly from: string;
  /** The import as written. */
  readonly specifier: string;
  /** The file it resolves to (relative, '/' separators), or the package name for a package. */
  readonly to: string;
  /** True when it resolved into node_modules (a package), false for a file of ours. */
  readonly isPackage: boolean;
  /** 1-based line of the import, for messages. */
  readonly line: number;
  readonly dynamic: boolean;
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

/** The package an import from node_modules belongs to ('@fluentui/react-components', 'react'). */
function packageOf(resolvedFile: string, specifier: string): string {
  const path = resolvedFile.split(sep).join('/');
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return specifier;
  const parts = path.slice(at + '/node_modules/'.length).split('/');
  const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? specifier);
  // @types/office-js stands for the office-js package.
  return name.startsWith('@types/') ? name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2') : name;
}

/** Every import, export-from, dynamic import() and require() of the given files. */
export function importsOf(
  files: readonly string[],
  root: string = ROOT,
  options: ts.CompilerOptions = compilerOptions(),
): ImportEdge[] {
  const host = ts.createCompilerHost(options);
  const toRepoPath = (file: string): string => relative(root, file).split(sep).join('/');
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found: { specifier: string; node: ts.Node; dynamic: boolean }[] = [];
    const visit = (node: ts.Node): void => {
      if (
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
        node.moduleSpecifier &&
        ts.isStringLiteralLike(node.moduleSpecifier)
      ) {
        found.push({ specifier: node.moduleSpecifier.text, node, dynamic: false });
      } else if (
        ts.isImportEqualsDeclaration(node) &&
        ts.isExternalModuleReference(node.moduleReference) &&
        ts.isStringLiteralLike(node.moduleReference.expression)
      ) {
        found.push({ specifier: node.moduleReference.expression.text, node, dynamic: false });
      } else if (ts.isCallExpression(node)) {
        const [first] = node.arguments;
        const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
        const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
        if ((isImport || isRequire) && first) {
          if (ts.isStringLiteralLike(first)) {
            found.push({ specifier: first.text, node, dynamic: true });
          } else {
            // A computed specifier cannot be resolved: report it as such so no rule is skipped.
            found.push({ specifier: `<computed: ${first.getText(source)}>`, node, dynamic: true });
          }
        }
      } else if (ts.isImportTypeNode(node)) {
        const argument = node.argument;
        if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
          found.push({ specifier: argument.literal.text, node, dynamic: false });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    for (const { specifier, node, dynamic } of found) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const resolved = specifier.startsWith('<computed')
        ? undefined
        : ts.resolveModuleName(specifier, file, options, host).resolvedModule;
      const resolvedFile = resolved?.resolvedFileName;
      const isPackage = resolved ? (resolved.isExternalLibraryImport ?? false) : !specifier.startsWith('.');
      edges.push({
        from: toRepoPath(file),
        specifier,
        to: resolvedFile
          ? isPackage
            ? packageOf(resolvedFile, specifier)
            : toRepoPath(resolvedFile)
          : specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('<')
            ? `<unresolved ${specifier}>`
            : specifier,
        isPackage,
        line,
        dynamic,
      });
    }
  }
  return edges;
}

/** Every .ts and .tsx file under src/ (declaration files aside). */
export function sourceFiles(root: string = ROOT): string[] {
  return ts.sys.readDirectory(join(root, 'src'), ['.ts', '.tsx']).filter((f) => !f.endsWith('.d.ts'));
}
