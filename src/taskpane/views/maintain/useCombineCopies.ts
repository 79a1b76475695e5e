/**
 * What Combine a colleague's copy does, apart from showing it: read the chosen file or files (the
 * reader and comparison load on demand), compare, refold under another rule, and write, with the
 * cells written announced to the change log as the add-in's.
 */
import { useReducer } from 'react';
import type { Framework, ManyRule } from '../../../domain/index';
import type { CombineOutcome } from '../../../excel/combineCopy';
import type { ComparedCopy, ComparedMany } from '../../combine/combineModule';
import { loadCombine } from '../../combine/loadCombine';
import { useAnnounce } from '../../components/Announcer';
import { readFileBytes } from '../../components/FrameworkFileInput';
import { useTask } from '../../components/useTask';
import type { Engine } from '../../loadEngine';
import { useChangeLogControls } from '../../session/ChangeLogContext';
import type { Session } from '../../session/useSession';
import { choicesReducer, initialChoices } from './combineChoices';

interface Props {
  readonly session: Session;
  readonly engine: Engine;
  readonly framework: Framework;
}

export function useCombineCopies({ session, engine, framework }: Props) {
  const announce = useAnnounce();
  const changeLog = useChangeLogControls();
  const compare = useTask<Awaited<ReturnType<typeof compareFiles>>>('compare the copies');
  const apply = useTask<CombineOutcome>('combine the copies');
  const [state, dispatch] = useReducer(choicesReducer, initialChoices([]));

  async function compareFiles(files: readonly File[]) {
    const [contents, module, read] = await Promise.all([
      Promise.all(files.map(readFileBytes)),
      loadCombine(),
      engine.readAssessment(session.gateway, framework),
    ]);
    const [first] = files;
    if (files.length === 1 && first && contents[0]) {
      // After our own read: Excel's parser adds (then removes) sheets while it reads the copy.
      return module.compareWithFile(
        session.gateway,
        contents[0],
        first.name,
        framework,
        read.responses,
        engine.bundledMappings,
      );
    }
    const chosen = files.map((f, i) => ({ name: f.name, bytes: contents[i] ?? new Uint8Array() }));
    return module.compareManyFiles(chosen, framework, read.responses, engine.bundledMappings, 'both');
  }

  async function onFiles(files: readonly File[]) {
    apply.reset();
    if (files.length === 0) return compare.reset();
    const done = await compare.run(() => compareFiles(files));
    if (done.status !== 'done') return;
    const value = done.value;
    if (value.status === 'compared') {
      const { counts } = value;
      dispatch({ type: 'reset', criteria: value.criteria });
      announce(
        `Compared with ${value.fileName}: ${counts.new} new, ${counts.conflict} in conflict, ${counts.same} the same.`,
      );
    } else if (value.status === 'compared-many') {
      announce(`Compared ${value.copies.length} copies.`);
    }
  }

  async function onRule(compared: ComparedMany, rule: ManyRule) {
    const module = await loadCombine();
    await compare.run(() =>
      Promise.resolve(module.foldCopies(framework, compared.ours, compared.copies, rule)),
    );
  }

  async function onCombineMany(compared: ComparedMany) {
    const done = await apply.run(async () =>
      (await loadCombine()).combineManyInto(
        session.gateway,
        framework,
        compared,
        engine.calendarDateOf(new Date()),
        { beforeWrite: changeLog.expectOwnWrites },
      ),
    );
    if (done.status === 'done' && done.value.status === 'combined') {
      announce(`Combined ${compared.copies.length} copies: ${done.value.written} cells written.`);
      compare.reset();
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

  return { compare, apply, state, dispatch, onFiles, onRule, onCombine, onCombineMany };
}
