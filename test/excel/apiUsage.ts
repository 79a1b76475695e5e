/**
 * Which Office.js members the product's code calls, found with the TypeScript compiler: every
 * property access whose declaration is a member of an `Xl` interface in src/excel/api.ts (each
 * stands for the Excel type of the same name) or of a declaration in @types/office-js, plus the
 * properties named in `load('a, b/c')` strings, followed through their types. Each is paired with
 * its requirement set from the table generated from the `[Api set]` tags (apiSets.generated.json).
 */
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';
import { excelTypeOf } from '../../scripts/generate-api-sets';
import { memberSet } from '../platform/fake-excel/apiSets';

const ROOT = join(__dirname, '..', '..');
const API_FILE = join(ROOT, 'src', 'excel', 'api.ts');
/** Our interfaces that stand for the Office.js runtime's own types, not Excel's. */
const OFFICE_EXTENSION = new Set(['XlClientResult', 'XlEventHandlers', 'XlEventHandlerResult']);

export interface MemberUse {
  /** 'Excel.Worksheet.visibility', 'Excel.createWorkbook', 'Office.context'. */
  readonly member: string;
  readonly access: 'read' | 'write';
  /** 'src/excel/applyPlan.ts:87'. */
  readonly where: string;
  /** Its ExcelApi set, when it is an Excel member with a tag. */
  readonly set: string | undefined;
}

/** The program over the given files, with the project's compiler options. */
export function programOf(files: readonly string[]): ts.Program {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return ts.createProgram({ rootNames: [...files], options: { ...parsed.options, noEmit: true } });
}

/** Every .ts and .tsx file under src/. */
export function sourceFiles(): string[] {
  return ts.sys.readDirectory(join(ROOT, 'src'), ['.ts', '.tsx']).filter((f) => !f.endsWith('.d.ts'));
}

function isOfficeTypings(file: string): boolean {
  return file.split(sep).join('/').includes('/@types/office-js/');
}

/** Where a member is declared: the Xl interface (as its Excel type) or the Office.js container. */
function ownerOf(declaration: ts.Declaration): { member: string; excelType?: string } | undefined {
  const file = declaration.getSourceFile().fileName;
  const name = ts.getNameOfDeclaration(declaration);
  if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) return undefined;
  const parent = declaration.parent;
  if (file === API_FILE || file.endsWith('/src/excel/api.ts')) {
    if (ts.isInterfaceDeclaration(parent) && OFFICE_EXTENSION.has(parent.name.text)) {
      return { member: `OfficeExtension.${parent.name.text.slice(2)}.${name.text}` };
    }
    if (ts.isInterfaceDeclaration(parent) && parent.name.text.startsWith('Xl')) {
      const type = excelTypeOf(parent.name.text);
      return { member: `Excel.${type}.${name.text}`, excelType: type };
    }
    return undefined;
  }
  if (!isOfficeTypings(file)) return undefined;
  const path: string[] = [name.text];
  let node: ts.Node = parent;
  while (node && !ts.isSourceFile(node)) {
    if (
      (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node)) &&
      node.name
    ) {
      path.unshift(node.name.text);
    } else if (ts.isModuleDeclaration(node)) {
      path.unshift(node.name.getText());
    }
    node = node.parent;
  }
  const member = path.join('.');
  if (path[0] === 'Excel') {
    // Excel.Worksheet.visibility: type 'Worksheet'; Excel.createWorkbook: the namespace's functions ('').
    return path.length === 2 ? { member, excelType: '' } : { member, excelType: path.slice(1, -1).join('.') };
  }
  return { member };
}

function isWrite(node: ts.PropertyAccessExpression): boolean {
  const parent = node.parent;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === node &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

function lastSegment(member: string): string {
  return member.slice(member.lastIndexOf('.') + 1);
}

/** The element type of an array type, or the type itself. */
function elementOf(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  return checker.getIndexTypeOfType(type, ts.IndexKind.Number) ?? type;
}

/** Every Office.js member the files call, in order of appearance. */
export function memberUses(program: ts.Program, files: readonly string[]): MemberUse[] {
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];
  const record = (symbol: ts.Symbol | undefined, access: 'read' | 'write', at: ts.Node) => {
    const declaration = symbol?.declarations?.[0];
    if (!declaration) return;
    const owner = ownerOf(declaration);
    if (!owner) return;
    const source = at.getSourceFile();
    const line = source.getLineAndCharacterOfPosition(at.getStart()).line + 1;
    const set =
      owner.excelType === undefined
        ? undefined
        : memberSet(owner.excelType, lastSegment(owner.member), access);
    uses.push({ member: owner.member, access, where: `${relative(ROOT, source.fileName)}:${line}`, set });
  };
  // load('name, format/fill/color') on an object of type `type`.
  const recordLoad = (type: ts.Type, text: string, at: ts.Node) => {
    for (const path of text
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      let current: ts.Type = type;
      for (const segment of path.split('/')) {
        const property = current.getProperty(segment);
        if (!property) break;
        record(property, 'read', at);
        current = elementOf(checker, checker.getTypeOfSymbol(property));
      }
    }
  };
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        record(checker.getSymbolAtLocation(node.name), isWrite(node) ? 'write' : 'read', node);
        if (
          node.name.text === 'load' &&
          ts.isCallExpression(node.parent) &&
          node.parent.expression === node
        ) {
          const receiver = checker.getTypeAtLocation(node.expression);
          for (const argument of node.parent.arguments) {
            const texts = ts.isArrayLiteralExpression(argument) ? argument.elements : [argument];
            for (const t of texts) {
              if (ts.isStringLiteralLike(t)) recordLoad(receiver, t.text, t);
            }
          }
        }
      }
      // Options passed as object literals: protect({ allowEditObjects: true }) uses a 1.7 member.
      if (ts.isObjectLiteralExpression(node)) {
        const contextual = checker.getContextualType(node);
        for (const property of node.properties) {
          const name = property.name;
          if (contextual && name && ts.isIdentifier(name)) {
            record(contextual.getNonNullableType().getProperty(name.text), 'write', property);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}
