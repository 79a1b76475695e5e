/**
 * Reading each sheet of a framework workbook into its part of the framework file. Every cell is
 * checked with the schema's own field rule (schema.ts), so the rules live in one place; a cell that
 * fails is reported and replaced by a stand-in that cannot clash with anything else, so that no
 * later check reports a consequence of it. `places` records which cell each part came from, for
 * the cross-field checks' messages.
 */
import type { z } from 'zod';
import { AreaSchema, CriterionSchema, LevelSchema, QuestionSetSchema, RatingPointSchema } from '../schema';
import type { FrameworkFile } from '../schema';
import { isBlank, placeOf, shownValue, type CellPlace, type SheetProblems } from './cells';
import {
  AREA_COLUMNS,
  CRITERION_COLUMNS,
  LEVEL_COLUMNS,
  POINT_COLUMNS,
  QUESTION_COLUMNS,
  TEXT_STATUSES,
  type FrameworkSheetKey,
} from './format';
import { CellReader, type Table, type TableRow } from './tables';

type Level = FrameworkFile['levels'][number];
type Area = FrameworkFile['areas'][number];
type Point = FrameworkFile['ratingScale']['points'][number];
type Criterion = FrameworkFile['criteria'][number];
type QuestionSet = FrameworkFile['questions'] extends readonly (infer Q)[] | undefined ? Q : never;

/** JSON paths of the built file to the cell each part came from, and to the sheet row of each item. */
export class Places {
  readonly cells = new Map<string, CellPlace>();
  readonly rows = new Map<string, { sheet: FrameworkSheetKey; row: number }>();

  set(path: string, sheet: FrameworkSheetKey, name: string, row: number, column: number | null): void {
    this.cells.set(path, { sheet, row, column, address: placeOf(name, row, column) });
  }

  /** Records the row of `path` and the cell of each field that has a column. */
  row<K extends string>(
    path: string,
    table: Table<K>,
    row: TableRow<K>,
    first: K,
    fields: Partial<Record<string, K>>,
  ): void {
    this.rows.set(path, { sheet: table.key, row: row.row });
    this.set(path, table.key, table.name, row.row, row.column(first));
    for (const [field, key] of Object.entries(fields)) {
      if (key !== undefined) this.set(`${path}.${field}`, table.key, table.name, row.row, row.column(key));
    }
  }
}

interface Where {
  sheet: FrameworkSheetKey;
  name: string;
  row: number;
  column: number | null;
}

function at<K extends string>(table: Table<K>, row: TableRow<K>, key: K): Where {
  return { sheet: table.key, name: table.name, row: row.row, column: row.column(key) };
}

export interface LevelsRead {
  readonly levels: Level[];
  /** False when a level number could not be read: levels referred to elsewhere are then not checked. */
  readonly numbersRead: boolean;
}

export function readLevels(
  table: Table<(typeof LEVEL_COLUMNS)[number]['key']>,
  problems: SheetProblems,
  places: Places,
): LevelsRead {
  const read = new CellReader(problems);
  let numbersRead = table.complete;
  const levels = table.rows.map((row, i): Level => {
    const number = read.wholeField(
      LevelSchema.shape.number,
      row.get('number'),
      at(table, row, 'number'),
      'a level number',
    );
    if (number === undefined) numbersRead = false;
    places.row(`$.levels[${i}]`, table, row, 'number', {
      number: 'number',
      id: 'id',
      name: 'name',
      strapline: 'strapline',
    });
    return {
      number: number ?? 1000 + i,
      id:
        read.field(LevelSchema.shape.id, read.text(row.get('id')).trim(), at(table, row, 'id')) ??
        `unread-${i}`,
      name:
        read.field(LevelSchema.shape.name, read.text(row.get('name')), at(table, row, 'name')) ??
        `unread ${i}`,
      strapline: read.text(row.get('strapline')),
    };
  });
  return { levels, numbersRead };
}

export function readAreas(
  table: Table<(typeof AREA_COLUMNS)[number]['key']>,
  problems: SheetProblems,
  places: Places,
) {
  const read = new CellReader(problems);
  let numbersRead = table.complete;
  const areas = table.rows.map((row, i): Area => {
    const number = read.wholeField(
      AreaSchema.shape.number,
      row.get('number'),
      at(table, row, 'number'),
      'an area number',
    );
    if (number === undefined) numbersRead = false;
    places.row(`$.areas[${i}]`, table, row, 'number', {
      number: 'number',
      name: 'name',
      shortName: 'shortName',
    });
    return {
      number: number ?? 1000 + i,
      name:
        read.field(AreaSchema.shape.name, read.text(row.get('name')), at(table, row, 'name')) ??
        `unread ${i}`,
      shortName:
        read.field(
          AreaSchema.shape.shortName,
          read.text(row.get('shortName')),
          at(table, row, 'shortName'),
        ) ?? `unread ${i}`,
    };
  });
  return { areas, numbersRead };
}

export function readPoints(
  table: Table<(typeof POINT_COLUMNS)[number]['key']>,
  problems: SheetProblems,
  places: Places,
) {
  const read = new CellReader(problems);
  let valuesRead = table.complete;
  const points = table.rows.map((row, i): Point => {
    const value = read.wholeField(
      RatingPointSchema.shape.value,
      row.get('value'),
      at(table, row, 'value'),
      'a rating value',
    );
    if (value === undefined) valuesRead = false;
    places.row(`$.ratingScale.points[${i}]`, table, row, 'value', { value: 'value', label: 'label' });
    return {
      value: value ?? 1000 + i,
      label:
        read.field(RatingPointSchema.shape.label, read.text(row.get('label')), at(table, row, 'label')) ??
        `unread ${i}`,
    };
  });
  return { points, valuesRead };
}

type CriterionKey = (typeof CRITERION_COLUMNS)[number]['key'];

/** One criterion row; a stand-in id for one that cannot be read keeps duplicates from being reported. */
function readCriterion(
  table: Table<CriterionKey>,
  row: TableRow<CriterionKey>,
  i: number,
  read: CellReader,
  problems: SheetProblems,
): Criterion {
  const rawId = row.get('id');
  let id: string | undefined;
  if (typeof rawId === 'number') {
    problems.add(
      table.key,
      table.name,
      row.row,
      row.column('id'),
      `the id is stored as the number ${rawId}, and Excel turns 2.10 into 2.1, so an id must be text: type it again with an apostrophe first ('${rawId}), or format the column as Text`,
    );
  } else {
    id = read.field(CriterionSchema.shape.id, read.text(rawId).trim(), at(table, row, 'id'));
  }
  const level = read.whole(row.get('level'), at(table, row, 'level'), 'the level');
  const area = read.whole(row.get('area'), at(table, row, 'area'), 'the area');
  const rawRow = row.get('row');
  const themeRow = isBlank(rawRow)
    ? null
    : read.wholeField(CriterionSchema.shape.row.unwrap(), rawRow, at(table, row, 'row'), 'the row');
  const status = read.text(row.get('textStatus')).trim().toLocaleLowerCase('en-GB');
  const textStatus = (TEXT_STATUSES as readonly string[]).includes(status)
    ? (status as Criterion['textStatus'])
    : undefined;
  if (textStatus === undefined) {
    problems.add(
      table.key,
      table.name,
      row.row,
      row.column('textStatus'),
      `the text status should be complete, fragment or absent but the cell holds ${shownValue(row.get('textStatus'))}`,
    );
  }
  const subTheme = read.text(row.get('subTheme'));
  const note = read.text(row.get('note'));
  return {
    id: id ?? `9.${900000 + i}`,
    level: level ?? -1,
    area: area ?? -1,
    subTheme: subTheme.trim() === '' ? null : subTheme,
    row: themeRow ?? null,
    text: read.text(row.get('text')),
    textStatus: textStatus ?? 'absent',
    ...(note.trim() === '' ? {} : { note }),
  };
}

export function readCriteria(
  table: Table<CriterionKey>,
  problems: SheetProblems,
  places: Places,
): Criterion[] {
  const read = new CellReader(problems);
  return table.rows.map((row, i) => {
    places.row(`$.criteria[${i}]`, table, row, 'id', {
      id: 'id',
      level: 'level',
      area: 'area',
      subTheme: 'subTheme',
      row: 'row',
      text: 'text',
      textStatus: 'textStatus',
      note: 'note',
    });
    return readCriterion(table, row, i, read, problems);
  });
}

type QuestionKey = (typeof QUESTION_COLUMNS)[number]['key'];

/** Question rows grouped by area and level, in the order each pair first appears. */
export function readQuestions(table: Table<QuestionKey>, problems: SheetProblems, places: Places) {
  const read = new CellReader(problems);
  const sets: (QuestionSet & { questions: string[] })[] = [];
  const rows: { area: number; level: number; row: number }[] = [];
  for (const row of table.rows) {
    const area = read.whole(row.get('area'), at(table, row, 'area'), 'the area');
    const level = read.whole(row.get('level'), at(table, row, 'level'), 'the level');
    const question = read.field(
      QuestionSetSchema.shape.questions.element as z.ZodType<string>,
      read.text(row.get('question')),
      at(table, row, 'question'),
    );
    if (area === undefined || level === undefined || question === undefined) continue;
    rows.push({ area, level, row: row.row });
    let index = sets.findIndex((s) => s.area === area && s.level === level);
    if (index < 0) {
      index = sets.length;
      sets.push({ area, level, questions: [] });
      places.row(`$.questions[${index}]`, table, row, 'area', { area: 'area', level: 'level' });
    }
    const set = sets[index];
    if (!set) continue;
    places.row(`$.questions[${index}].questions[${set.questions.length}]`, table, row, 'question', {});
    set.questions.push(question);
  }
  return { sets, rows };
}
