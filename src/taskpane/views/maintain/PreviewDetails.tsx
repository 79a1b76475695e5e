/**
 * What a regeneration or upgrade will do, leading with what happens to the sheets ("Replaces the
 * Leadership sheet; 4 other areas are kept as they are"), then carried, new and unanswered, what
 * goes to the archive and why (listed in full: it is what the officer confirms), the officer's
 * own cells moved, the settings; what it did; and a refusal in words. Other long lists sit in
 * <details> so the counts read first.
 */
import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { Refusal, RegenerateOutcome } from '../../../excel/regenerate';
import { RefusalMessage } from '../../components/RefusalMessage';
import type { ArchivedItem, CarryOverPreview } from '../../../workbook/carryOver';
import { META_SHEET } from '../../../workbook/layout';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  lead: { fontWeight: tokens.fontWeightSemibold },
});

const KIND_WORDS: Readonly<Record<ArchivedItem['kind'], string>> = {
  response: 'Response to',
  'own-wording': 'Your wording of',
  'own-cell': 'Your cell beside',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function Listed({ summary, items }: { summary: string; items: readonly string[] }) {
  const styles = useStyles();
  if (items.length === 0) return <li>{summary}</li>;
  return (
    <li>
      <details>
        <summary>{summary}</summary>
        <ul className={styles.list}>
          {items.map((item, i) => (
            <li key={`${i}-${item}`}>{item}</li>
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The archive's items, each with where it was and why: shown open, never folded away. */
function ArchivedList({ archived }: { archived: CarryOverPreview['archived'] }) {
  const styles = useStyles();
  const summary = `${plural(archived.length, 'item goes', 'items go')} to the “Archived responses” sheet${archived.length === 0 ? '.' : ':'}`;
  return (
    <li data-testid="maintain-archived">
      {summary}
      {archived.length > 0 ? (
        <ul className={styles.list}>
          {archived.map((a, i) => (
            <li key={`${i}-${a.fromSheet}-${a.fromAddress}`}>
              {`${KIND_WORDS[a.kind]} ${a.criterionId === '' ? 'no criterion' : a.criterionId}, from ${a.fromSheet}!${a.fromAddress}: ${a.reason}`}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function PreviewDetails({
  preview,
  resuming,
  sheetWords,
}: {
  preview: CarryOverPreview;
  resuming: boolean;
  /**
   * What happens to the area sheets, in one sentence (sheetChanges.ts), and whether the Snapshot
   * history is set aside because the areas change; null when not known.
   */
  sheetWords: { readonly sheets: string; readonly historySetAside: boolean } | null;
}) {
  const styles = useStyles();
  const { kind, from, to, carried, unanswered, archived, keptArchiveRows, ownCells, settings, notCarried } =
    preview;
  const moved = ownCells.filter((c) => c.from !== c.to);
  return (
    <section className={styles.root} aria-labelledby="maintain-preview-title" data-testid="maintain-preview">
      <Subtitle2 as="h3" id="maintain-preview-title">
        What will happen (nothing has changed yet)
      </Subtitle2>
      {resuming ? (
        <Body1 as="p">
          An earlier regeneration stopped half-way. This will finish it from the copy of your responses it
          kept.
        </Body1>
      ) : null}
      {sheetWords ? (
        <Body1 as="p" className={styles.lead} data-testid="maintain-sheet-changes">
          {sheetWords.sheets}
        </Body1>
      ) : null}
      <Body1 as="p">
        {kind === 'upgrade'
          ? `Upgrade from ${from.title}, version ${from.version}, to ${to.title}, version ${to.version}.`
          : `Rebuild the sheets of ${to.title}, version ${to.version}.`}
      </Body1>
      <ul className={styles.list}>
        <Listed
          summary={`${plural(carried.length, 'response carries', 'responses carry')} over.`}
          items={carried.map((c) =>
            c.fromId === c.toId
              ? `${c.toId}: ${c.toSheet} row ${c.toRow}`
              : `${c.fromId} becomes ${c.toId}: ${c.toSheet} row ${c.toRow}`,
          )}
        />
        <Listed
          summary={`${plural(unanswered.length, 'criterion has', 'criteria have')} no response yet (new or not yet answered).`}
          items={unanswered.map((u) => `${u.id}: ${u.sheet} row ${u.row}`)}
        />
        <ArchivedList archived={archived} />
        {keptArchiveRows > 0 ? (
          <li>{`${plural(keptArchiveRows, 'row', 'rows')} already in the archive stay there.`}</li>
        ) : null}
        <Listed
          summary={
            ownCells.length === 0
              ? 'You have no cells of your own beside or below the tables.'
              : `${plural(ownCells.length, 'cell', 'cells')} of your own beside or below the tables ${ownCells.length === 1 ? 'is' : 'are'} kept; ${moved.length === 0 ? 'none moves' : `${plural(moved.length, 'moves', 'move')} with ${moved.length === 1 ? 'its' : 'their'} criterion`}.`
          }
          items={moved.map((c) => `${c.sheet}!${c.from} moves to ${c.to}`)}
        />
        {kind === 'upgrade' ? (
          <li>
            {sheetWords?.historySetAside
              ? 'The Snapshot history keeps every row as it is, with a row dated today marking the change of framework; as the areas change, that sheet is renamed “Snapshot history to” today’s date and later snapshots start a new one.'
              : 'The Snapshot history keeps every row as it is; a row dated today marks the change of framework, and later snapshots carry on below it.'}
          </li>
        ) : null}
        <li>
          What rebuilding the sheets does not keep (shown in full, so it is read before confirming):
          <ul className={styles.list}>
            {notCarried.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </li>
        <li>
          {`Settings: ${settings.organisation || '(no organisation)'}, ${settings.period || '(no period)'}; rated ${settings.metThreshold} or more counts as met; a level needs ${Math.round(settings.requiredShare * 1000) / 10}% of applicable criteria.`}
        </li>
      </ul>
    </section>
  );
}

export function Refused({ refusal }: { refusal: Refusal }) {
  return <RefusalMessage refusal={refusal} testId="maintain-refused" />;
}

export function RegenerateDone({
  outcome,
}: {
  outcome: Extract<RegenerateOutcome, { status: 'regenerated' }>;
}) {
  const { preview, resumed, sheets } = outcome;
  const lines: string[] = [
    `${plural(preview.carried.length, 'response', 'responses')} carried over; ${plural(preview.archived.length, 'item', 'items')} added to the archive.`,
    `Sheets written: ${sheets.filter((s) => s !== META_SHEET).join(', ')}.`,
  ];
  if (resumed) lines.push('This finished the regeneration that had stopped.');
  return (
    <MessageBar intent="success" layout="multiline" data-testid="maintain-done">
      <MessageBarBody>
        <MessageBarTitle>
          {preview.kind === 'upgrade'
            ? 'The assessment has been upgraded'
            : 'The assessment has been regenerated'}
        </MessageBarTitle>
        {lines.map((line, i) => (
          <div key={i}>{line}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
