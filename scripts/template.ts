/**
 * `npm run template -- [--framework <file.json>] --out <file.xlsx> [--organisation <name>]
 *   [--period <text>] [--threshold <rating>] [--share <0.01..1 or 80%>]`
 *
 * Writes the assessment workbook as an .xlsx file from the same plan the add-in applies in Excel.
 * The framework goes through the add-in's loader, so a bad file gets the same located problems.
 * The file is written to a temporary file beside the target and renamed into place, so a failed
 * run never leaves a half-written workbook behind. Exit code 0 on success, 1 on any problem.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledFrameworks } from '../src/domain/framework/bundled';
import { describeProblem } from '../src/domain/framework/problems';
import type { Framework } from '../src/domain/framework/types';
import { frameworkTemplateBytes, loadFrameworkFile } from './frameworkFiles';
import { isUsableShare } from '../src/domain/settings';
import { buildPlan } from '../src/workbook/buildPlan';
import { PlanError } from '../src/workbook/checkPlan';
import type { PlanSettings } from '../src/workbook/settings';
import { writeWorkbookFile } from '../src/xlsx';
import { runAsCommand } from './runAsCommand';

export const DEFAULT_FRAMEWORK = resolve(__dirname, '..', 'framework', 'eqfsh-2009-draft.json');

/**
 * The bundled frameworks by version, for --framework: the combined one (the draft with the revised
 * Leadership area) has no file of its own, being composed from the other two.
 */
export const BUNDLED_BY_VERSION: Readonly<Record<string, Framework>> = Object.fromEntries(
  Object.values(bundledFrameworks).map((f) => [f.version, f]),
);

export const USAGE = `Usage: npm run template -- --out <file.xlsx> [options]

  --out <file.xlsx>        where to write the workbook (required)
  --framework <file.json>  framework file, or a bundled framework by its version:
                           ${Object.keys(BUNDLED_BY_VERSION).join(', ')}
                           (default: the bundled 2009 draft)
                           (a .json file, or an .xlsx file written as sheets like the
                           framework template)
  --framework-template <file.xlsx>
                           instead of the workbook, write the framework (--framework) as
                           sheets to edit in Excel: the template for an own framework
  --organisation <name>    organisation name for the Start sheet (default: blank)
  --period <text>          assessment period, e.g. 2026/27 (default: blank)
  --threshold <rating>     lowest rating that counts as met (default: the framework's, 3)
  --share <share>          share of applicable criteria that must be met for a level,
                           0.01 to 1 or 1% to 100% (default: the framework's, 100%)`;

/** A problem the user can fix; its message is printed as it is. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

export interface TemplateOptions {
  readonly frameworkFile: string;
  /** Write the framework as sheets here instead of the assessment workbook. */
  readonly frameworkTemplate?: string;
  readonly out: string;
  readonly organisation: string;
  readonly period: string;
  readonly threshold?: string;
  readonly share?: string;
}

export function parseOptions(argv: readonly string[]): TemplateOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        framework: { type: 'string' },
        'framework-template': { type: 'string' },
        out: { type: 'string' },
        organisation: { type: 'string' },
        period: { type: 'string' },
        threshold: { type: 'string' },
        share: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error: unknown) {
    throw new TemplateError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  const frameworkTemplate = values['framework-template'];
  if (frameworkTemplate !== undefined && !frameworkTemplate.toLowerCase().endsWith('.xlsx')) {
    throw new TemplateError(`--framework-template must name an .xlsx file; got "${frameworkTemplate}".`);
  }
  if (frameworkTemplate !== undefined && values.out !== undefined) {
    throw new TemplateError(
      `Give --out (the assessment workbook) or --framework-template (the framework as sheets), not both.\n\n${USAGE}`,
    );
  }
  const out = values.out ?? frameworkTemplate;
  if (out === undefined || out.trim() === '') {
    throw new TemplateError(`--out is required: the .xlsx file to write.\n\n${USAGE}`);
  }
  if (!out.toLowerCase().endsWith('.xlsx')) {
    throw new TemplateError(`--out must name an .xlsx file; got "${out}".`);
  }
  return {
    frameworkFile: values.framework ?? DEFAULT_FRAMEWORK,
    ...(frameworkTemplate !== undefined ? { frameworkTemplate } : {}),
    out,
    organisation: values.organisation ?? '',
    period: values.period ?? '',
    threshold: values.threshold,
    share: values.share,
  };
}

export function readFramework(file: string): Framework {
  const bundled = BUNDLED_BY_VERSION[file];
  if (bundled) return bundled;
  let result;
  try {
    result = loadFrameworkFile(file);
  } catch (error: unknown) {
    throw new TemplateError(`Could not read the framework file ${file}: ${systemMessage(error)}.`);
  }
  if (!result.ok) {
    throw new TemplateError(
      `The framework file ${file} has ${result.problems.length} problem(s):\n` +
        result.problems.map((p) => `  - ${describeProblem(p)}`).join('\n'),
    );
  }
  return result.framework;
}

export function settingsFor(framework: Framework, options: TemplateOptions): PlanSettings {
  const scale = framework.ratingScale.points.map((p) => p.value);
  let metThreshold = framework.levelRule.metThreshold;
  if (options.threshold !== undefined) {
    metThreshold = Number(options.threshold);
    if (options.threshold.trim() === '' || !scale.includes(metThreshold)) {
      throw new TemplateError(
        `--threshold must be a rating on the framework's scale (${scale.join(', ')}); got "${options.threshold}".`,
      );
    }
  }
  let requiredShare = framework.levelRule.requiredShare;
  if (options.share !== undefined) {
    const text = options.share.trim();
    const percent = text.endsWith('%');
    requiredShare = Number(percent ? text.slice(0, -1) : text) / (percent ? 100 : 1);
    if (text === '' || !isUsableShare(requiredShare)) {
      throw new TemplateError(
        `--share must be from 0.01 to 1, or 1% to 100%, a whole percentage; got "${options.share}".`,
      );
    }
  }
  return { organisation: options.organisation, period: options.period, metThreshold, requiredShare };
}

/**
 * Writes `bytes` to `target` through a temporary file in the same folder, renamed into place only
 * once complete (a rename within one folder is atomic), so `target` is never half-written.
 */
export function writeAtomically(target: string, bytes: Uint8Array): void {
  const folder = dirname(resolve(target));
  let tempFolder: string;
  try {
    tempFolder = mkdtempSync(join(folder, `.${basename(target)}-`));
  } catch (error: unknown) {
    throw new TemplateError(
      `Cannot write ${target}: the folder ${folder} is not writable (${systemMessage(error)}).`,
    );
  }
  try {
    const temp = join(tempFolder, basename(target));
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  } catch (error: unknown) {
    throw new TemplateError(`Cannot write ${target}: ${systemMessage(error)}. Nothing was written.`);
  } finally {
    rmSync(tempFolder, { recursive: true, force: true });
  }
}

function systemMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
  };
  if (typeof code === 'string' && reasons[code]) return reasons[code];
  return error instanceof Error ? error.message : String(error);
}

/** The workbook file's bytes for these options (what `npm run template` writes to --out). */
export async function workbookBytes(
  options: TemplateOptions,
): Promise<{ bytes: Uint8Array; framework: Framework }> {
  const framework = readFramework(options.frameworkFile);
  const built = buildPlan(framework, settingsFor(framework, options));
  return { bytes: await writeWorkbookFile(built.plan), framework };
}

/**
 * The blank assessment workbook with the default framework and settings, exactly as
 * `npm run template -- --out <file>` writes it. The production build serves it beside the pane
 * (webpack.config.js), for officers whose Excel cannot run the pane.
 */
export async function defaultWorkbookBytes(): Promise<Uint8Array> {
  return (await workbookBytes(parseOptions(['--out', 'equality-assessment.xlsx']))).bytes;
}

/** The whole command; returns the exit code. */
export async function runTemplate(
  argv: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options.frameworkTemplate !== undefined) {
      const framework = readFramework(options.frameworkFile);
      const bytes = await frameworkTemplateBytes(framework);
      writeAtomically(options.out, bytes);
      out(
        `Wrote ${options.out} (${Math.round(bytes.length / 1024)} KB): ${framework.title}, version ${framework.version}, ` +
          `as sheets to edit in Excel (${framework.criteria.length} criteria in ${framework.areas.length} areas). ` +
          `Use it with --framework ${options.out}.`,
      );
      return 0;
    }
    const { bytes, framework } = await workbookBytes(options);
    writeAtomically(options.out, bytes);
    out(
      `Wrote ${options.out} (${Math.round(bytes.length / 1024)} KB): ${framework.title}, ` +
        `${framework.criteria.length} criteria in ${framework.areas.length} areas.`,
    );
    return 0;
  } catch (error: unknown) {
    if (error instanceof TemplateError || error instanceof PlanError) {
      err(error.message);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) runAsCommand(runTemplate, 'The template could not be written');
