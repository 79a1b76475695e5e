/**
 * What the pane says and which view it opens first, from what the workbook holds. Pure, so every
 * case is tested without Excel (test/taskpane/opening.test.ts).
 */
import type { Framework } from '../../domain/index';
import type { StoredMeta, WorkbookState } from '../../excel/inspect';
import { LAYOUT_VERSION } from '../../workbook/layout';
import type { ViewId } from './views';
import type { WorkbookFramework } from './workbookFramework';
import { sameSheet } from '../../workbook/sheetNames';
import { frameworkFor } from '../../workbook/workbookFramework';

export interface Opening {
  readonly view: ViewId;
  readonly intent: 'info' | 'success' | 'warning' | 'error';
  readonly title: string;
  readonly message: string;
  /** Lines to list under the message (the problems of a damaged workbook). */
  readonly details: readonly string[];
  /** False when the pane must change nothing (a workbook from a newer add-in). */
  readonly writable: boolean;
}

/** "Equality Framework … (version 2009-draft)" */
export function describeFrameworkMeta(meta: Pick<StoredMeta, 'frameworkTitle' | 'frameworkVersion'>): string {
  return `${meta.frameworkTitle} (version ${meta.frameworkVersion})`;
}

/** The framework among `known` with the workbook's id and version, if there is one. */
export { frameworkFor };

/**
 * The hidden sheet regeneration keeps every response in until the new sheets are written
 * (src/excel/regenerateRead.ts BACKUP_SHEET; a test holds the two equal). Named here rather than
 * imported so that the first view does not pull the regeneration code into the initial bundle.
 */
export const REGENERATION_BACKUP_SHEET = 'EqRegenerating';

/** True when a regeneration stopped half-way and left its backup: Maintain finishes it. */
export function regenerationStopped(state: WorkbookState): boolean {
  return state.sheetNames.some((n) => sameSheet(n, REGENERATION_BACKUP_SHEET));
}

/**
 * `fromWorkbook` is what the pane made of the framework kept in the workbook (workbookFramework.ts);
 * without it, the framework is looked up among `known` by id and version.
 */
export function openingFor(
  state: WorkbookState,
  known: readonly Framework[],
  fromWorkbook?: WorkbookFramework | null,
): Opening {
  if (state.kind !== 'newer' && regenerationStopped(state)) {
    return {
      view: 'maintain',
      intent: 'warning',
      title: 'A regeneration stopped half-way',
      message:
        'Nothing is lost: the add-in kept every response in the workbook (in a hidden sheet). ' +
        'Run it again from Maintain to finish the job.',
      details: [],
      writable: true,
    };
  }
  switch (state.kind) {
    case 'none':
      return {
        view: 'setup',
        intent: 'info',
        title: 'No assessment in this workbook yet',
        message: 'Set one up: choose the framework and your settings, then generate the sheets.',
        details: [],
        writable: true,
      };
    case 'assessment': {
      if (fromWorkbook && fromWorkbook.kind !== 'stored' && fromWorkbook.kind !== 'known') {
        const damaged = storedDamaged(state.meta, fromWorkbook);
        if (damaged) return damaged;
      }
      const framework = fromWorkbook
        ? fromWorkbook.kind === 'missing'
          ? frameworkFor(state.meta, known)
          : fromWorkbook.framework
        : frameworkFor(state.meta, known);
      if (framework) {
        return {
          view: 'results',
          intent: 'success',
          title: 'Assessment found',
          message: `This workbook holds an assessment against ${describeFrameworkMeta(state.meta)}.`,
          details: [],
          writable: true,
        };
      }
      return {
        view: 'results',
        intent: 'warning',
        title: 'Assessment against another framework',
        message:
          `This workbook holds an assessment against ${describeFrameworkMeta(state.meta)} ` +
          `(id "${state.meta.frameworkId}"), which is not one of the frameworks built into this add-in. ` +
          'The workbook was made before the add-in kept the framework in it: to check it, see its results or ' +
          'regenerate it, open the framework file it was made from once. Regenerating then keeps the framework in the workbook.',
        details: [],
        writable: true,
      };
    }
    case 'newer':
      return {
        view: 'results',
        intent: 'warning',
        title: 'Made by a newer version of the add-in',
        message:
          `This workbook holds an assessment against ${describeFrameworkMeta(state.meta)} in layout ` +
          `${state.meta.layoutVersion}; this add-in knows layouts up to ${LAYOUT_VERSION}. ` +
          'It will change nothing in it. Ask your IT team to update the add-in to work on this workbook.',
        details: [],
        writable: false,
      };
    case 'damaged':
      return {
        view: 'setup',
        intent: 'error',
        title: 'The assessment in this workbook is damaged',
        message:
          'The add-in cannot tell which framework this workbook uses, so it will not read or change it. ' +
          'Restore an earlier copy (File > Info > Version History), or open a new workbook and set up a new assessment.',
        details: state.problems,
        writable: false,
      };
  }
}

/** The opening for a stored framework that failed its checks, or null when there is none to report. */
function storedDamaged(meta: StoredMeta, fromWorkbook: WorkbookFramework): Opening | null {
  if (fromWorkbook.kind === 'fallback') {
    return {
      view: 'results',
      intent: 'warning',
      title: 'The framework kept in this workbook is damaged',
      message:
        `The add-in reads the assessment with the copy of ${describeFrameworkMeta(meta)} it already knows (built in, or a file you opened), which has the same id ` +
        'and version. Regenerate from Maintain to write the framework into the workbook again.',
      details: fromWorkbook.problems,
      writable: true,
    };
  }
  if (fromWorkbook.kind === 'missing' && fromWorkbook.problems.length > 0) {
    return {
      view: 'results',
      intent: 'error',
      title: 'The framework kept in this workbook is damaged',
      message:
        `The assessment was made from ${describeFrameworkMeta(meta)} (id "${meta.frameworkId}"), which is not built into ` +
        'this add-in, and the copy kept in the workbook cannot be used. Open the framework file it was made from, ' +
        'or restore an earlier copy of the workbook (File > Info > Version History).',
      details: fromWorkbook.problems,
      writable: true,
    };
  }
  return null;
}
