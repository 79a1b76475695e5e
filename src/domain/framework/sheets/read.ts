/**
 * Loads a framework written as sheets of an .xlsx file (format.ts) into the same checked
 * `Framework` the JSON loader gives, with every problem in one pass, each named by its sheet and
 * cell ("Criteria!C14: …") and listed root causes first. A missing sheet or column, or a cell that
 * cannot be read, is reported once; what would only follow from it is not reported again (one
 * removed level does not produce a message for every criterion at that level).
 */
import { checkFramework } from '../crossChecks';
import { loadFramework, type LoadResult } from '../loader';
import { ProblemList } from '../problems';
import {
  FrameworkSchema,
  LevelRuleSchema,
  RatingScaleSchema,
  SourceSchema,
  type FrameworkFile,
} from '../schema';
import { isBlank, SheetProblems, shownValue, type WorkbookCells } from './cells';
import {
  ABOUT_ROWS,
  AREA_COLUMNS,
  CRITERION_COLUMNS,
  LEVEL_COLUMNS,
  POINT_COLUMNS,
  QUESTION_COLUMNS,
  type AboutKey,
} from './format';
import { Places, readAreas, readCriteria, readLevels, readPoints, readQuestions } from './parts';
import { checkReferences } from './references';
import { CellReader, findSheet, readTable } from './tables';

export type { WorkbookCells, WorkbookSheet, SheetCell } from './cells';

interface AboutRead {
  readonly cell: (key: AboutKey) => { row: number; column: number } | undefined;
  readonly value: (key: AboutKey) => unknown;
  readonly aliases: readonly { readonly text: string; readonly column: number }[];
  readonly complete: boolean;
}

/** The About sheet: a label in column A, its value in B. */
function readAbout(book: WorkbookCells, problems: SheetProblems): AboutRead {
  const sheet = findSheet(book, 'about');
  const name = sheet?.name ?? 'About';
  const rowOf = new Map<AboutKey, number>();
  if (!sheet)
    problems.add('about', name, 0, null, 'the file has no sheet named "About"; add it (the template has it)');
  sheet?.rows.forEach((cells, i) => {
    const label = cells?.[0];
    if (isBlank(label)) return;
    const folded = String(label).trim().toLocaleLowerCase('en-GB');
    const row = ABOUT_ROWS.find((r) => r.label.toLocaleLowerCase('en-GB') === folded);
    if (!row) {
      if (i === 0 && folded === 'field') return; // the heading row
      problems.add(
        'about',
        name,
        i + 1,
        1,
        `${shownValue(label)} is not one of the rows this sheet has; correct the label or remove the row (the labels are ${ABOUT_ROWS.map((r) => r.label).join(', ')})`,
      );
    } else if (rowOf.has(row.key)) {
      problems.add(
        'about',
        name,
        i + 1,
        1,
        `there is already a row labelled "${row.label}" (row ${rowOf.get(row.key) ?? 0}); keep one`,
      );
    } else {
      rowOf.set(row.key, i + 1);
    }
  });
  let complete = sheet !== undefined;
  if (sheet) {
    for (const row of ABOUT_ROWS.filter((r) => r.required && !rowOf.has(r.key))) {
      problems.add(
        'about',
        name,
        0,
        null,
        `no row is labelled "${row.label}" in column A (${row.note || 'required'}); add it`,
      );
      complete = false;
    }
  }
  const value = (key: AboutKey) => {
    const row = rowOf.get(key);
    return row === undefined ? undefined : sheet?.rows[row - 1]?.[1];
  };
  const aliasRow = rowOf.get('naAliases');
  // Each spelling with its column (B = 2 …), blanks between them skipped.
  const aliases =
    aliasRow === undefined
      ? []
      : (sheet?.rows[aliasRow - 1] ?? []).flatMap((v, i) =>
          i === 0 || isBlank(v) ? [] : [{ text: String(v), column: i + 1 }],
        );
  return {
    cell: (key) => (rowOf.has(key) ? { row: rowOf.get(key) ?? 0, column: 2 } : undefined),
    value,
    aliases,
    complete,
  };
}

/** About's values checked with the schema's field rules. */
function aboutFields(about: AboutRead, problems: SheetProblems, places: Places, sheetName: string) {
  const read = new CellReader(problems);
  const where = (key: AboutKey) => ({
    sheet: 'about' as const,
    name: sheetName,
    row: about.cell(key)?.row ?? 0,
    column: 2,
  });
  const text = (key: AboutKey) => read.text(about.value(key) as string | number | boolean | undefined);
  const optional = (key: AboutKey) =>
    isBlank(about.value(key) as string | undefined) ? undefined : text(key);
  const paths: Record<string, AboutKey> = {
    '$.id': 'id',
    '$.version': 'version',
    '$.title': 'title',
    '$.source.document': 'document',
    '$.ratingScale.notApplicable.label': 'naLabel',
    '$.levelRule.metThreshold': 'metThreshold',
    '$.levelRule.requiredShare': 'requiredShare',
    '$.ratingScale.notApplicable.aliases': 'naAliases',
  };
  for (const [path, key] of Object.entries(paths)) {
    const cell = about.cell(key);
    if (cell) places.set(path, 'about', sheetName, cell.row, cell.column);
  }
  about.aliases.forEach((alias, i) => {
    const cell = about.cell('naAliases');
    if (cell)
      places.set(`$.ratingScale.notApplicable.aliases[${i}]`, 'about', sheetName, cell.row, alias.column);
  });
  const has = (key: AboutKey) => about.cell(key) !== undefined;
  const share = about.value('requiredShare');
  return {
    id: has('id') ? read.field(FrameworkSchema.shape.id, text('id').trim(), where('id')) : undefined,
    version: has('version')
      ? read.field(FrameworkSchema.shape.version, text('version').trim(), where('version'))
      : undefined,
    title: has('title') ? read.field(FrameworkSchema.shape.title, text('title'), where('title')) : undefined,
    document: has('document')
      ? read.field(SourceSchema.shape.document, text('document'), where('document'))
      : undefined,
    date: optional('date'),
    seed: optional('seed'),
    provenance: optional('provenance'),
    naLabel: has('naLabel')
      ? read.field(RatingScaleSchema.shape.notApplicable.shape.label, text('naLabel'), where('naLabel'))
      : undefined,
    metThreshold: has('metThreshold')
      ? read.wholeField(
          LevelRuleSchema.shape.metThreshold,
          about.value('metThreshold') as number,
          where('metThreshold'),
          'the lowest rating that counts as met',
        )
      : undefined,
    requiredShare: has('requiredShare')
      ? read.field(
          LevelRuleSchema.shape.requiredShare,
          typeof share === 'string' && /%\s*$/.test(share)
            ? Number(share.replace('%', '')) / 100
            : typeof share === 'string' && share.trim() !== ''
              ? Number(share)
              : share,
          where('requiredShare'),
        )
      : undefined,
  };
}

/** Reads every sheet, checks references and the framework's cross-field rules, all in one pass. */
export function loadFrameworkSheets(book: WorkbookCells, fileName: string): LoadResult {
  const problems = new SheetProblems(fileName);
  const places = new Places();
  const about = readAbout(book, problems);
  const a = aboutFields(about, problems, places, findSheet(book, 'about')?.name ?? 'About');
  const levelsTable = readTable(book, 'levels', LEVEL_COLUMNS, problems);
  const areasTable = readTable(book, 'areas', AREA_COLUMNS, problems);
  const pointsTable = readTable(book, 'ratingScale', POINT_COLUMNS, problems);
  const criteriaTable = readTable(book, 'criteria', CRITERION_COLUMNS, problems);
  const questionsTable = readTable(book, 'questions', QUESTION_COLUMNS, problems);
  const levels = readLevels(levelsTable, problems, places);
  const areas = readAreas(areasTable, problems, places);
  const points = readPoints(pointsTable, problems, places);
  const criteria = readCriteria(criteriaTable, problems, places);
  const questions = readQuestions(questionsTable, problems, places);
  for (const [table, count] of [
    [levelsTable, levels.levels.length],
    [areasTable, areas.areas.length],
    [pointsTable, points.points.length],
    [criteriaTable, criteria.length],
  ] as const) {
    if (table.complete && count === 0)
      problems.add(
        table.key,
        table.name,
        2,
        null,
        `the ${table.name} sheet lists nothing under its headings; it needs at least one row`,
      );
  }

  const file: FrameworkFile = {
    formatVersion: 1,
    id: a.id ?? 'unread',
    version: a.version ?? 'unread',
    title: a.title ?? 'unread',
    source: {
      document: a.document ?? 'unread',
      ...(a.date ? { date: a.date } : {}),
      ...(a.seed ? { seed: a.seed } : {}),
      ...(a.provenance ? { provenance: a.provenance } : {}),
    },
    levels: levels.levels,
    areas: areas.areas,
    criteria,
    questions: questions.sets,
    ratingScale: {
      points: points.points,
      notApplicable: { label: a.naLabel ?? 'unread', aliases: about.aliases.map((x) => x.text) },
    },
    levelRule: { metThreshold: a.metThreshold ?? NaN, requiredShare: a.requiredShare ?? 1 },
  };
  crossCheck(file, { problems, places, scaleRead: points.valuesRead && a.metThreshold !== undefined });
  // After the cross checks, so that a level numbered out of order counts as the Levels sheet's problem.
  checkReferences({
    levels,
    areas,
    levelsTable,
    areasTable,
    criteria,
    criteriaTable,
    questions,
    questionsTable,
    problems,
  });
  if (!problems.isEmpty) return { ok: false, problems: problems.sorted() };
  // The file as read goes through the same loader as a JSON file, so the two cannot differ.
  const loaded = loadFramework(file, fileName);
  if (loaded.ok) return loaded;
  for (const p of loaded.problems) addAtPlace(p.path, p.message, problems, places);
  return { ok: false, problems: problems.sorted() };
}

/** The loader's cross-field rules over what was read, their messages moved to cells. */
function crossCheck(file: FrameworkFile, c: { problems: SheetProblems; places: Places; scaleRead: boolean }) {
  const cross = new ProblemList('');
  // What was read has the parsed shape (each field passed its schema rule or was given a stand-in).
  checkFramework(file as unknown as Parameters<typeof checkFramework>[0], cross);
  for (const p of cross.problems) {
    // An area or level that is not there is reported by checkReferences, once for all its rows.
    if (/^\$\.(criteria|questions)\[\d+\]\.(area|level)$/.test(p.path)) continue;
    if (p.path === '$.levelRule.metThreshold' && !c.scaleRead) continue;
    addAtPlace(p.path, p.message, c.problems, c.places);
  }
}

/** Adds a problem found at a JSON path at the cell it came from, unless its row already has one. */
function addAtPlace(path: string, message: string, problems: SheetProblems, places: Places): void {
  let prefix = path;
  while (prefix !== '$' && !places.cells.has(prefix)) prefix = prefix.replace(/(\.[^.[]+|\[\d+\])$/, '');
  const owner = [...places.rows.keys()]
    .filter((k) => path === k || path.startsWith(`${k}.`))
    .sort((x, y) => y.length - x.length)[0];
  const row = owner === undefined ? undefined : places.rows.get(owner);
  if (row && problems.hasRow(row.sheet, row.row)) return;
  // A field whose column is missing was read as blank: the missing column is the problem, reported once.
  if (row && path !== owner && places.cells.get(path)?.column === null) return;
  const place = places.cells.get(prefix) ?? {
    sheet: 'about' as const,
    row: 0,
    column: null,
    address: 'About',
  };
  const words = message
    .replace(/\$\.[A-Za-z]+(?:\.[A-Za-z]+)*\[\d+\]/g, (ref) => places.cells.get(ref)?.address ?? ref)
    .replace(/textStatus/g, 'the text status')
    .replace(/another row or null/g, 'another row, or leave Row blank');
  problems.addAt(place, words);
}
