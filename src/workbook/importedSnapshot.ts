/**
 * A snapshot taken from another copy of the assessment (a finalised copy, last year's file), to
 * add to this workbook's Saved responses so that it can be compared like any other period. A
 * copy that was finalised gives its approved snapshot, exactly as approved; any other gives its
 * responses as they stand in the file, judged with the file's own settings. It is added as a
 * plain Snapshot (never as Approved: only this workbook's own approval is its approval), under a
 * label that names the file, and never replaces a snapshot already there.
 */
import {
  refuse,
  score,
  type CalendarDate,
  type Framework,
  type Refusal,
  type ResponseRow,
  type ScoringSettings,
} from '../domain';
import { latestApproved, savedSnapshotOf, type SavedRead, type SavedSnapshot } from './sheets/savedResponses';

export interface CopyRead {
  readonly fileName: string;
  readonly framework: Framework;
  readonly responses: readonly ResponseRow[];
  /** The file's settings, or null when its Start sheet does not hold usable ones. */
  readonly settings: ScoringSettings | null;
  readonly saved: SavedRead | null;
}

export type ImportRefusal = 'label-taken' | 'no-settings' | 'unreadable-snapshots';

export function importedSnapshot(
  copy: CopyRead,
  existing: readonly SavedSnapshot[],
  today: CalendarDate,
): { readonly status: 'taken'; readonly snapshot: SavedSnapshot } | Refusal<ImportRefusal> {
  if (copy.saved && copy.saved.problems.length > 0) {
    return refuse(
      'unreadable-snapshots',
      `${copy.fileName}: its Saved responses sheet cannot be read as it stands, so its approved version is not known. Nothing was added.`,
      copy.saved.problems.map((p) => `${copy.fileName}: ${p}`),
    );
  }
  const approved = copy.saved ? latestApproved(copy.saved.snapshots) : null;
  let snapshot: SavedSnapshot;
  if (approved) {
    snapshot = { ...approved, kind: 'Snapshot', label: `${copy.fileName}: ${approved.label}` };
  } else {
    if (!copy.settings) {
      return refuse(
        'no-settings',
        `${copy.fileName}: its Start sheet does not hold usable settings, so its levels cannot be judged. Nothing was added.`,
      );
    }
    const result = score(copy.framework, copy.responses, copy.settings);
    const taken = savedSnapshotOf(copy.framework, copy.responses, result, 'Snapshot', today);
    snapshot = { ...taken, label: `${copy.fileName}: as saved` };
  }
  if (existing.some((s) => s.label === snapshot.label)) {
    return refuse(
      'label-taken',
      `A snapshot labelled "${snapshot.label}" is already on the Saved responses sheet, so nothing was added. Compare with it, or rename that snapshot first.`,
    );
  }
  return { status: 'taken', snapshot };
}
