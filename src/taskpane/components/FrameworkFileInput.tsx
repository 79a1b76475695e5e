/**
 * Opening the organisation's own framework file: a native file input (so it works with the
 * keyboard and every screen reader). A .json file is read as text and checked by the loader; an
 * .xlsx file (a framework written as sheets, like the template) is read by src/xlsx and checked by
 * the sheet loader. The problems are listed as the loaders word them: file, place (a cell for a
 * workbook), what is expected.
 */
import { Caption1, Label, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { FrameworkProblem, LoadResult } from '../../domain/index';
import type { Engine } from '../loadEngine';
import { loadXlsx } from '../loadXlsx';
import { isWorkbookName, otherSpreadsheetProblem } from '../../xlsx/fileNames';
import type { OwnFile } from '../views/setupForm';

/** How many problems to list; a badly broken file can have hundreds, and the first ones matter. */
export const SHOWN_PROBLEMS = 20;

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  input: { maxWidth: '100%', color: tokens.colorNeutralForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(reader.result instanceof ArrayBuffer ? new Uint8Array(reader.result) : new Uint8Array());
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

/** Loads a framework from a workbook's sheets; a file that is not a workbook comes back as its one problem. */
async function loadWorkbookFramework(engine: Engine, file: File): Promise<LoadResult> {
  const bytes = await readFileBytes(file);
  const { readWorkbookCells, XlsxReadError } = await loadXlsx();
  try {
    return engine.loadFrameworkSheets(readWorkbookCells(bytes), file.name);
  } catch (error: unknown) {
    if (!(error instanceof XlsxReadError)) throw error;
    return { ok: false, problems: [{ file: file.name, path: '$', message: error.message }] };
  }
}

interface Props {
  readonly engine: Engine;
  readonly label: string;
  readonly hint?: string;
  readonly onLoaded: (file: OwnFile | null) => void;
  /** A message about the loaded file from the caller (it does not match the workbook, say). */
  readonly validationMessage?: string | undefined;
}

export function FrameworkFileInput({ engine, label, hint, onLoaded, validationMessage }: Props) {
  const styles = useStyles();
  const id = useId();
  const [problems, setProblems] = useState<readonly FrameworkProblem[]>([]);
  const [readError, setReadError] = useState<string | null>(null);

  async function onChange(files: FileList | null) {
    setProblems([]);
    setReadError(null);
    const file = files?.[0];
    if (!file) {
      onLoaded(null);
      return;
    }
    let result: LoadResult;
    try {
      const other = otherSpreadsheetProblem(file.name);
      result = other
        ? { ok: false, problems: [{ file: file.name, path: '$', message: other }] }
        : isWorkbookName(file.name)
          ? await loadWorkbookFramework(engine, file)
          : engine.loadFramework(await readFileText(file), file.name);
    } catch (error: unknown) {
      const detail = error instanceof Error ? error.message : String(error);
      setReadError(
        `${file.name} could not be read (${detail}). Choose the file again, or copy it to this computer first.`,
      );
      onLoaded(null);
      return;
    }
    if (!result.ok) setProblems(result.problems);
    onLoaded({ fileName: file.name, result });
  }

  const message =
    readError ??
    (problems.length > 0
      ? `${problems.length === 1 ? 'This file has a problem' : `This file has ${problems.length} problems`}; fix ${problems.length === 1 ? 'it' : 'them'} and choose it again.`
      : validationMessage);
  // A plain label and messages rather than Fluent's Field, which wires its ids only into Fluent
  // controls: here aria-describedby must reach the native file input.
  const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-message` : ''].filter(Boolean).join(' ');
  return (
    <div className={styles.field}>
      <Label htmlFor={id}>{label}</Label>
      {hint ? (
        <Caption1 id={`${id}-hint`} className={styles.hint}>
          {hint}
        </Caption1>
      ) : null}
      <input
        id={id}
        className={styles.input}
        type="file"
        accept=".json,.xlsx,.xlsm,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={describedBy || undefined}
        aria-invalid={message ? true : undefined}
        onChange={(e) => void onChange(e.currentTarget.files)}
      />
      {message ? (
        <Caption1 id={`${id}-message`} className={styles.error} role="alert">
          {message}
        </Caption1>
      ) : null}
      {problems.length > 0 ? (
        <ul
          className={styles.problems}
          aria-label="Problems in the framework file"
          data-testid="framework-problems"
        >
          {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
            <li key={i}>{engine.describeProblem(p)}</li>
          ))}
          {problems.length > SHOWN_PROBLEMS ? <li>…and {problems.length - SHOWN_PROBLEMS} more.</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
