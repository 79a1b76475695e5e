/**
 * "Check workbook" decided on what was read: a workbook the add-in did not generate, one from a
 * newer add-in, or one built from another framework is refused (nothing is checked or changed);
 * any other is audited (audit.ts). Pure: src/excel/checkWorkbook.ts only loads.
 */
import { refuse, type CheckOptions, type Framework, type Refusal } from '../domain';
import { auditWorkbook, type Audit } from './audit';
import type { BuiltPlan } from './buildPlan';
import { LAYOUT_VERSION, META_SHEET } from './layout';
import { parseMeta } from './metaBlock';
import type { WorkbookSnapshot } from './snapshot';

export type CheckRefusalReason = 'not-an-assessment' | 'damaged-record' | 'newer-layout' | 'other-framework';

export type CheckOutcome =
  ({ readonly status: 'checked'; readonly snapshot: WorkbookSnapshot } & Audit) | Refusal<CheckRefusalReason>;

/** Why this workbook cannot be checked against `framework`, or null when it can. */
export function checkRefusal(
  framework: Framework,
  snapshot: WorkbookSnapshot,
): Refusal<CheckRefusalReason> | null {
  if (!snapshot.meta) {
    return refuse(
      'not-an-assessment',
      `This workbook has no assessment made by this add-in (there is no ${META_SHEET} sheet). Generate one from Set up; nothing in this workbook was changed.`,
    );
  }
  const reading = parseMeta(snapshot.meta);
  if (!reading.ok) {
    return refuse(
      'damaged-record',
      `The add-in's record of this workbook is damaged, so it cannot be checked safely: ${reading.problems.join(' ')}`,
      reading.problems,
    );
  }
  const meta = reading.meta;
  if (meta.layoutVersion > LAYOUT_VERSION) {
    return refuse(
      'newer-layout',
      `This workbook was made by a newer version of the add-in (layout ${meta.layoutVersion}; this version knows up to ${LAYOUT_VERSION}). Update the add-in to check it; nothing was changed.`,
    );
  }
  if (meta.frameworkId !== framework.id || meta.frameworkVersion !== framework.version) {
    return refuse(
      'other-framework',
      `This workbook uses ${meta.frameworkTitle} (${meta.frameworkId} version ${meta.frameworkVersion}), not ${framework.title} (${framework.id} version ${framework.version}). Choose that framework, or upgrade the workbook from Maintain.`,
    );
  }
  return null;
}

export function auditSnapshot(
  framework: Framework,
  built: BuiltPlan,
  snapshot: WorkbookSnapshot,
  options: CheckOptions,
): CheckOutcome {
  const refused = checkRefusal(framework, snapshot);
  if (refused) return refused;
  return { status: 'checked', snapshot, ...auditWorkbook(framework, built, snapshot, options) };
}
