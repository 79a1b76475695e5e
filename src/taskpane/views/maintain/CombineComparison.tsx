/**
 * The comparison with a colleague's copy, criterion by criterion: what differs, ours beside
 * theirs, and a choice for each (keep ours, take theirs, keep both), or the same three for a whole
 * area at once; then the one button that writes. The counts come first, so the officer sees the size of it.
 */
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { Dispatch } from 'react';
import {
  describeCellValue,
  type CellValue,
  type CombineChoice,
  type CombinedCriterion,
} from '../../../domain/index';
import type { CombineOutcome } from '../../../excel/combineCopy';
import type { ComparedCopy } from '../../combine/combineModule';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RefusalMessage } from '../../components/RefusalMessage';
import type { TaskState } from '../../components/useTask';
import { changedCount, choosable, type ChoiceAction, type ChoiceState } from './combineChoices';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'grid', gap: tokens.spacingVerticalM },
  item: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  sides: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr 1fr',
    gap: tokens.spacingHorizontalS,
    overflowWrap: 'anywhere',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/** One side of a differing field: "(blank)" where nothing is written, rather than empty quotes. */
function shownSide(value: CellValue): string {
  return value === null || value === '' ? '(blank)' : describeCellValue(value);
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  rating: 'Rating',
  evidence: 'Evidence',
  difference: 'Difference made',
  owner: 'Owner',
  reviewDate: 'Review date',
  notes: 'Notes',
  text: 'Wording',
};

const CHOICE_WORDS: Readonly<Record<CombineChoice, string>> = {
  ours: 'Keep ours',
  theirs: 'Take theirs',
  both: 'Keep both (texts joined)',
};

/** The same three choices for a whole area at once. */
const AREA_CHOICE_WORDS: Readonly<Record<CombineChoice, string>> = {
  theirs: 'Take theirs',
  ours: 'Keep ours',
  both: 'Keep both',
};

interface Props {
  readonly compared: ComparedCopy;
  readonly state: ChoiceState;
  readonly dispatch: Dispatch<ChoiceAction>;
  readonly onCombine: () => void;
  readonly busy: boolean;
}

export function CombineComparison({ compared, state, dispatch, onCombine, busy }: Props) {
  const styles = useStyles();
  const { counts } = compared;
  const items = choosable(compared.criteria);
  const areas = [...new Set(items.map((c) => c.criterion.area))];
  const changing = changedCount(state);
  return (
    <div data-testid="combine-comparison">
      {/* Fluent's Text is inline: without `block` the paragraphs below ran on in the counts' line. */}
      <Body1 as="p" block data-testid="combine-counts">
        {compared.fileName} ({compared.organisation || 'no organisation named'},{' '}
        {compared.period || 'no period'}): {counts.new} new, {counts.conflict} in conflict, {counts.same} the
        same, {counts['ours-only']} answered only here.
      </Body1>
      {compared.mappedFrom ? (
        <Body1 as="p" block data-testid="combine-mapped">
          Their copy uses {compared.mappedFrom.title} (version {compared.mappedFrom.version}): its answers
          were matched to this workbook&apos;s criteria through the add-in&apos;s mapping; criteria with no
          counterpart are left out, and wording typed for criteria the source lacks is not carried across.
        </Body1>
      ) : null}
      {compared.readBy.note ? (
        <Caption1 as="p" block data-testid="combine-read-by">
          {compared.readBy.note}
        </Caption1>
      ) : null}
      {compared.warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      {areas.map((area) => {
        const inArea = items.filter((c) => c.criterion.area === area);
        return (
          <section key={area} aria-label={`Area ${area}`}>
            <Subtitle2 as="h4">Area {area}</Subtitle2>
            <div className={styles.row}>
              {(['theirs', 'ours', 'both'] as const).map((choice) => (
                <Button
                  key={choice}
                  size="small"
                  onClick={() => dispatch({ type: 'choose-area', area, choice })}
                >
                  {AREA_CHOICE_WORDS[choice]} for all {inArea.length} in area {area}
                </Button>
              ))}
            </div>
            <ul className={styles.list}>
              {inArea.map((item) => (
                <CriterionChoice key={item.slot} item={item} state={state} dispatch={dispatch} />
              ))}
            </ul>
          </section>
        );
      })}
      <Button appearance="primary" disabled={busy || changing === 0} onClick={onCombine}>
        {changing === 0
          ? 'Nothing to change'
          : `Combine: change ${changing} ${changing === 1 ? 'criterion' : 'criteria'}`}
      </Button>
    </div>
  );
}

function CriterionChoice({
  item,
  state,
  dispatch,
}: {
  item: CombinedCriterion;
  state: ChoiceState;
  dispatch: Dispatch<ChoiceAction>;
}) {
  const styles = useStyles();
  const label = `${item.criterion.id} ${item.state === 'new' ? '(new)' : '(in conflict)'}`;
  return (
    <li className={styles.item} data-testid={`combine-${item.slot}`}>
      <Body1 as="p">
        <strong>{label}</strong> {item.criterion.text}
      </Body1>
      <div className={styles.sides} role="table" aria-label={`${item.criterion.id}: ours and theirs`}>
        {/* The headings in a row of their own, as ARIA's table needs (axe: aria-required-parent). */}
        <div role="row" style={{ display: 'contents' }}>
          <span role="columnheader">Field</span>
          <span role="columnheader">Ours</span>
          <span role="columnheader">Theirs</span>
        </div>
        {item.differing.map((f) => (
          <div key={f} role="row" style={{ display: 'contents' }}>
            <span role="rowheader">{FIELD_WORDS[f]}</span>
            <span role="cell">{shownSide(item.ours[f])}</span>
            <span role="cell">{shownSide(item.theirs[f])}</span>
          </div>
        ))}
      </div>
      <RadioGroup
        layout="horizontal"
        aria-label={`Choice for ${item.criterion.id}`}
        value={state.choices.get(item.slot) ?? 'ours'}
        onChange={(_, data) =>
          dispatch({ type: 'choose', slot: item.slot, choice: data.value as CombineChoice })
        }
      >
        {(['ours', 'theirs', 'both'] as const).map((c) => (
          <Radio key={c} value={c} label={CHOICE_WORDS[c]} />
        ))}
      </RadioGroup>
    </li>
  );
}

export function CombineResult({ state }: { state: TaskState<CombineOutcome> }) {
  if (state.status === 'failed')
    return <ProblemMessage problem={state.problem} title="The copies were not combined" />;
  if (state.status !== 'done') return null;
  const outcome = state.value;
  if (outcome.status === 'refused') return <RefusalMessage refusal={outcome} testId="combine-refused" />;
  return (
    <MessageBar intent="success" layout="multiline" data-testid="combine-done">
      <MessageBarBody>
        Combined: {outcome.written} {outcome.written === 1 ? 'cell' : 'cells'} written;{' '}
        {outcome.archived === 0
          ? 'nothing of yours was replaced.'
          : `what was replaced for ${outcome.archived} ${outcome.archived === 1 ? 'criterion' : 'criteria'} is kept in the Archived responses sheet.`}
      </MessageBarBody>
    </MessageBar>
  );
}
