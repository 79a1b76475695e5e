/**
 * Criteria and questions refer to areas and levels by number. A number that is not on the Areas or
 * Levels sheet is reported once for all the rows that use it, at the first of them, and not at all
 * when those sheets' numbers have a problem of their own (a level removed, a number that cannot be read):
 * fixing that comes first, and the rows would only repeat it.
 */
import type { FrameworkFile } from '../schema';
import type { SheetProblems } from './cells';
import type { CRITERION_COLUMNS, QUESTION_COLUMNS } from './format';
import type { Table } from './tables';

interface Use {
  readonly sheet: Table<string>;
  readonly row: number;
  readonly column: number | null;
}

export interface ReferenceInput {
  readonly levels: { readonly levels: readonly { number: number }[]; readonly numbersRead: boolean };
  readonly areas: { readonly areas: readonly { number: number }[]; readonly numbersRead: boolean };
  /** The Levels and Areas sheets, to see whether their Number column has a problem of its own. */
  readonly levelsTable: Table<'number'>;
  readonly areasTable: Table<'number'>;
  readonly criteria: readonly FrameworkFile['criteria'][number][];
  readonly criteriaTable: Table<(typeof CRITERION_COLUMNS)[number]['key']>;
  readonly questions: { readonly rows: readonly { area: number; level: number; row: number }[] };
  readonly questionsTable: Table<(typeof QUESTION_COLUMNS)[number]['key']>;
  readonly problems: SheetProblems;
}

export function checkReferences(input: ReferenceInput): void {
  const { criteria, criteriaTable, questions, questionsTable, problems } = input;
  for (const kind of ['level', 'area'] as const) {
    const known = kind === 'level' ? input.levels : input.areas;
    const numbers = kind === 'level' ? input.levels.levels : input.areas.areas;
    const sheetWord = kind === 'level' ? 'Levels' : 'Areas';
    const table = kind === 'level' ? input.levelsTable : input.areasTable;
    const numberColumn = table.rows[0]?.column('number') ?? null;
    if (!known.numbersRead || problems.columnHasProblems(table.key, numberColumn)) continue;
    const have = new Set(numbers.map((n) => n.number));
    const unknown = new Map<number, { criteria: Use[]; questions: Use[] }>();
    const note = (value: number, list: 'criteria' | 'questions', use: Use) => {
      if (value < 0 || have.has(value)) return;
      const entry = unknown.get(value) ?? { criteria: [], questions: [] };
      entry[list].push(use);
      unknown.set(value, entry);
    };
    criteria.forEach((c, i) => {
      const row = criteriaTable.rows[i];
      if (row && !problems.hasRow('criteria', row.row)) {
        note(c[kind], 'criteria', { sheet: criteriaTable, row: row.row, column: row.column(kind) });
      }
    });
    for (const q of questions.rows) {
      const column = questionsTable.rows[0]?.column(kind) ?? null;
      note(q[kind], 'questions', { sheet: questionsTable, row: q.row, column });
    }
    for (const [value, uses] of unknown) {
      const first = uses.criteria[0] ?? uses.questions[0];
      if (!first) continue;
      const parts = [
        uses.criteria.length > 0
          ? count(uses.criteria.length, 'criterion', 'criteria') + ` (${rowsWords(uses.criteria)})`
          : '',
        uses.questions.length > 0
          ? count(uses.questions.length, 'question', 'questions') +
            ` on the Questions sheet (${rowsWords(uses.questions)})`
          : '',
      ].filter(Boolean);
      problems.add(
        first.sheet.key,
        first.sheet.name,
        first.row,
        first.column,
        `${parts.join(' and ')} ${uses.criteria.length + uses.questions.length === 1 ? 'is' : 'are'} ${kind === 'level' ? 'at' : 'in'} ${kind} ${value}, which is not on the ${sheetWord} sheet (${[...have].join(', ') || 'none'}); add that ${kind} there or correct the ${kind} number`,
      );
    }
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "row 14", "rows 14 to 49", "rows 3, 9 and 12". */
function rowsWords(uses: readonly Use[]): string {
  const rows = uses.map((u) => u.row);
  if (rows.length === 1) return `row ${rows[0]}`;
  const first = rows[0] ?? 0;
  const last = rows[rows.length - 1] ?? 0;
  if (rows.every((r, i) => r === first + i)) return `rows ${first} to ${last}`;
  const shown = rows.slice(0, 5);
  return `rows ${shown.join(', ')}${rows.length > 5 ? ` and ${rows.length - 5} more` : ''}`;
}
