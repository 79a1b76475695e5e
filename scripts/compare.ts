/**
 * `npm run compare -- a.xlsx b.xlsx ... --out group.xlsx`
 *
 * Reads many assessment workbooks (one per organisation or per period: files made by the add-in
 * or by `npm run template`, possibly re-saved by Excel) and writes a comparison workbook: each
 * organisation's level by area and overall (by formulas, in words with a fill), shares met per
 * level, completeness, the criteria most often blocking each level, and a chart. A file that
 * cannot be used is named with the reason, and nothing is written. Exit code 0 on success, 1 on
 * any problem.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledFrameworks } from '../src/domain/framework/bundled';
import { calendarDateOf } from '../src/domain/dates';
import { loadFramework } from '../src/domain/framework/loader';
import { describeProblem } from '../src/domain/framework/problems';
import { bundledMappings } from '../src/taskpane/bundledMappings';
import { compareGroupFiles, type ChosenFile } from '../src/xlsx/groupFile';
import { TemplateError, writeAtomically } from './template';
import { runAsCommand } from './runAsCommand';

export const USAGE = `Usage: npm run compare -- <assessment.xlsx> <assessment.xlsx> ... --out <group.xlsx>

  <assessment.xlsx>   two or more assessment workbooks, one per organisation or period
  --out <group.xlsx>  where to write the comparison workbook (required; not one of the inputs)`;

/** A problem the user can fix; its message is printed as it is. */
export class CompareError extends Error {
  override readonly name = 'CompareError';
}

export function parseCompareOptions(argv: readonly string[]): { files: string[]; out: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { out: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error: unknown) {
    throw new CompareError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const out = parsed.values.out;
  if (out === undefined || out.trim() === '') {
    throw new CompareError(`--out is required: the .xlsx file to write.\n\n${USAGE}`);
  }
  if (!out.toLowerCase().endsWith('.xlsx'))
    throw new CompareError(`--out must name an .xlsx file; got "${out}".`);
  const files = parsed.positionals;
  if (files.some((f) => resolve(f) === resolve(out))) {
    throw new CompareError(
      `--out ${out} is one of the files to compare; choose another name, so no input is overwritten.`,
    );
  }
  return { files, out };
}

function readChosen(path: string): ChosenFile {
  try {
    return { name: path, bytes: new Uint8Array(readFileSync(path)) };
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(error);
    throw new CompareError(`${path} cannot be read: ${why}. Nothing was written.`);
  }
}

/** The whole command; returns the exit code. */
export async function runCompare(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  try {
    const options = parseCompareOptions(argv);
    const result = await compareGroupFiles(options.files.map(readChosen), {
      known: Object.values(bundledFrameworks),
      reading: { loadFramework, describeProblem },
      mappings: bundledMappings,
      today: calendarDateOf(new Date()),
    });
    if (result.status === 'refused') {
      err([result.message, ...result.details.map((d) => `  - ${d}`)].join('\n'));
      return 1;
    }
    writeAtomically(options.out, result.bytes);
    for (const warning of result.warnings) err(`Warning: ${warning}`);
    const { framework, members } = result.group;
    out(
      `Wrote ${options.out} (${Math.round(result.bytes.length / 1024)} KB): ${members.length} assessments of ${framework.title} (version ${framework.version}) compared.`,
    );
    return 0;
  } catch (error: unknown) {
    if (error instanceof CompareError || error instanceof TemplateError) {
      err(error.message);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) runAsCommand(runCompare, 'The comparison could not be written');
