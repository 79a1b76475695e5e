/**
 * Combine a colleague's copy: choose their .xlsx file, see for each criterion whether it is new,
 * the same or in conflict, side by side, choose per criterion or per area, then confirm. Nothing
 * is written until the officer confirms; what is replaced goes to the Archived responses sheet;
 * the colleague's file is only read.
 */
import { Body1, Caption1, Label, Subtitle2 } from '@fluentui/react-components';
import { useId, useReducer } from 'react';
import type { Framework } from '../../../domain/index';
import type { CombineOutcome } from '../../../excel/combineCopy';
import type { ComparedCopy } from '../../combine/combineModule';
import { loadCombine } from '../../combine/loadCombine';
import { useAnnounce } from '../../components/Announcer';
import { readFileBytes } from '../../components/FrameworkFileInput';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RefusalMessage } from '../../components/RefusalMessage';
import { useTask } from '../../components/useTask';
import type { Engine } from '../../loadEngine';
import { useChangeLogControls } from '../../session/ChangeLogContext';
import type { Session } from '../../session/useSession';
import { choicesReducer, initialChoices } from './combineChoices';
import { CombineComparison, CombineResult } from './CombineComparison';

interface Props {
  readonly session: Session;
  readonly engine: Engine;
  readonly framework: Framework;
}

export function CombineCopy({ session, engine, framework }: Props) {
  const announce = useAnnounce();
  const changeLog = useChangeLogControls();
  const inputId = useId();
  const compare = useTask<Awaited<ReturnType<typeof compareFile>>>('compare the copies');
  const apply = useTask<CombineOutcome>('combine the copies');
  const [state, dispatch] = useReducer(choicesReducer, initialChoices([]));

  async function compareFile(file: File) {
    const [bytes, module, read] = await Promise.all([
      readFileBytes(file),
      loadCombine(),
      engine.readAssessment(session.gateway, framework),
    ]);
    return module.compareWithFile(bytes, file.name, framework, read.responses, engine.bundledMappings);
  }

  async function onFile(file: File | undefined) {
    apply.reset();
    if (!file) return compare.reset();
    const done = await compare.run(() => compareFile(file));
    if (done.status === 'done' && done.value.status === 'compared') {
      const { counts } = done.value;
      dispatch({ type: 'reset', criteria: done.value.criteria });
      announce(
        `Compared with ${file.name}: ${counts.new} new, ${counts.conflict} in conflict, ${counts.same} the same.`,
      );
    }
  }

  async function onCombine(compared: ComparedCopy) {
    const done = await apply.run(async () =>
      (await loadCombine()).combineInto(
        session.gateway,
        framework,
        compared,
        state.choices,
        engine.calendarDateOf(new Date()),
        { beforeWrite: changeLog.expectOwnWrites },
      ),
    );
    if (done.status === 'done' && done.value.status === 'combined') {
      const { written, archived } = done.value;
      announce(
        `Combined: ${written} ${written === 1 ? 'cell' : 'cells'} written, ${archived} ${archived === 1 ? 'criterion' : 'criteria'} archived.`,
      );
      compare.reset();
    }
  }

  const compared = compare.state.status === 'done' ? compare.state.value : null;
  return (
    <section aria-labelledby={`${inputId}-title`}>
      <Subtitle2 as="h3" id={`${inputId}-title`}>
        Combine a colleague’s copy
      </Subtitle2>
      <Caption1 as="p">
        Choose a copy of this assessment that a colleague filled in (an .xlsx file). You see what is new and
        what differs before anything changes; what you replace is kept in the Archived responses sheet, and
        their file is only read.
      </Caption1>
      <Label htmlFor={inputId}>Colleague’s copy (.xlsx)</Label>
      <input
        id={inputId}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => void onFile(e.currentTarget.files?.[0])}
      />
      {compare.state.status === 'running' ? <Body1 as="p">Reading and comparing…</Body1> : null}
      {compare.state.status === 'failed' ? (
        <ProblemMessage problem={compare.state.problem} title="The copies were not compared" />
      ) : null}
      {compared?.status === 'refused' ? (
        <RefusalMessage refusal={compared} title="The copy was not compared" testId="combine-refused" />
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
