/**
 * Combine a colleague's copy: choose their .xlsx file, see for each criterion whether it is new,
 * the same or in conflict, side by side, choose per criterion or per area, then confirm. Several
 * files chosen at once are combined in order under one rule (CombineMany.tsx). Nothing is written
 * until the officer confirms; what is replaced goes to the Archived responses sheet; the
 * colleagues' files are only read.
 */
import { Body1, Caption1, Label, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Framework } from '../../../domain/index';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RefusalMessage } from '../../components/RefusalMessage';
import type { Engine } from '../../loadEngine';
import type { Session } from '../../session/useSession';
import { CombineComparison, CombineResult } from './CombineComparison';
import { CombineMany } from './CombineMany';
import { useCombineCopies } from './useCombineCopies';

const useStyles = makeStyles({
  // A column: heading, words, the file input and what follows each on lines of their own.
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'stretch' },
  input: { maxWidth: '100%' },
});

interface Props {
  readonly session: Session;
  readonly engine: Engine;
  readonly framework: Framework;
}

export function CombineCopy(props: Props) {
  const styles = useStyles();
  const inputId = useId();
  const { compare, apply, state, dispatch, onFiles, onRule, onCombine, onCombineMany } =
    useCombineCopies(props);
  const compared = compare.state.status === 'done' ? compare.state.value : null;
  return (
    <section aria-labelledby={`${inputId}-title`} className={styles.stack}>
      <Subtitle2 as="h3" id={`${inputId}-title`}>
        Combine a colleague’s copy
      </Subtitle2>
      <Caption1 as="p">
        Choose a copy of this assessment that a colleague filled in (an .xlsx file), or several at once. You
        see what is new and what differs before anything changes; what you replace is kept in the Archived
        responses sheet, and their files are only read.
      </Caption1>
      <Label htmlFor={inputId}>Colleagues’ copies (.xlsx, one or more)</Label>
      <input
        id={inputId}
        className={styles.input}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        onChange={(e) => void onFiles(Array.from(e.currentTarget.files ?? []))}
      />
      {compare.state.status === 'running' ? <Body1 as="p">Reading and comparing…</Body1> : null}
      {compare.state.status === 'failed' ? (
        <ProblemMessage problem={compare.state.problem} title="The copies were not compared" />
      ) : null}
      {compared?.status === 'refused' ? (
        <RefusalMessage refusal={compared} title="The copies were not compared" testId="combine-refused" />
      ) : null}
      {compared?.status === 'compared-many' ? (
        <CombineMany
          compared={compared}
          onRule={(rule) => void onRule(compared, rule)}
          onCombine={() => void onCombineMany(compared)}
          busy={apply.state.status === 'running'}
        />
      ) : null}
      {compared?.status === 'compared' ? (
        <CombineComparison
          compared={compared}
          state={state}
          dispatch={dispatch}
          onCombine={() => void onCombine(compared)}
          busy={apply.state.status === 'running'}
        />
      ) : null}
      <CombineResult state={apply.state} />
    </section>
  );
}
