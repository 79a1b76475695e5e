/**
 * What the whole pane knows: the workbook's state (inspectWorkbook), the engine (loaded lazily),
 * the frameworks it can read (bundled ones plus any file the officer opened in this session), and
 * the opening message. Views get it from App and call `refresh()` after they change the workbook.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Framework } from '../../domain/index';
import type { ExcelGateway } from '../../excel/api';
import { inspectWorkbook, type WorkbookState } from '../../excel/inspect';
import { latestValue, useTask, type TaskState } from '../components/useTask';
import { afterNextPaint } from '../afterPaint';
import { loadEngine, type Engine } from '../loadEngine';
import { openingFor, type Opening } from './opening';
import { workbookFramework, type WorkbookFramework } from './workbookFramework';

export interface Session {
  readonly gateway: ExcelGateway;
  readonly workbook: TaskState<WorkbookState>;
  /** The workbook's state as last read (kept while it is read again). */
  readonly known: WorkbookState | undefined;
  readonly engine: TaskState<Engine>;
  /** The opening message, once both the workbook and the engine are known. */
  readonly opening: Opening | null;
  /** The framework of the assessment in the workbook, when the pane knows it. */
  readonly framework: Framework | null;
  /** Where that framework came from (the workbook itself, a bundled one) and any problem with the stored copy. */
  readonly workbookFramework: WorkbookFramework | null;
  /** Every framework the pane can read: the workbook's own, the bundled ones and files opened in this session. */
  readonly frameworks: readonly Framework[];
  /** Remember a framework file the officer opened (for an assessment made from it). */
  readonly addFramework: (framework: Framework) => void;
  readonly refresh: () => Promise<void>;
}

export function useSession(gateway: ExcelGateway): Session {
  const workbookTask = useTask<WorkbookState>('read the workbook');
  const engineTask = useTask<Engine>('load the add-in’s framework and scoring engine');
  const [own, setOwn] = useState<readonly Framework[]>([]);
  const { run: runWorkbook } = workbookTask;
  const { run: runEngine } = engineTask;

  const refresh = useCallback(async () => {
    await runWorkbook(() => inspectWorkbook(gateway));
  }, [gateway, runWorkbook]);

  // The workbook is read at once (Excel does the work); the engine, which is script to run here,
  // loads once the first view is painted.
  useEffect(() => {
    void refresh();
    return afterNextPaint(() => void runEngine(loadEngine));
  }, [refresh, runEngine]);

  const engine = engineTask.state.status === 'done' ? engineTask.state.value : null;
  const outside = useMemo(
    () => (engine ? [...Object.values(engine.bundledFrameworks), ...own] : own),
    [engine, own],
  );
  const workbook = workbookTask.state;
  // While the workbook is read again, the pane keeps showing what it knew.
  const known = latestValue(workbook);
  const fromWorkbook = useMemo(
    () =>
      known && engine && (known.kind === 'assessment' || known.kind === 'newer')
        ? workbookFramework(known.meta, known.stored, outside, engine)
        : null,
    [known, engine, outside],
  );
  // The workbook's own copy first, so that regeneration finds it before a bundled one of the same version.
  const frameworks = useMemo(() => {
    const stored = fromWorkbook?.kind === 'stored' ? [fromWorkbook.framework] : [];
    const same = (a: Framework, b: Framework) => a.id === b.id && a.version === b.version;
    return [...stored, ...outside.filter((f) => !stored.some((s) => same(s, f)))];
  }, [fromWorkbook, outside]);
  const opening = useMemo(
    () => (known && engine ? openingFor(known, frameworks, fromWorkbook) : null),
    [known, engine, frameworks, fromWorkbook],
  );
  const framework =
    known?.kind === 'assessment' && fromWorkbook && fromWorkbook.kind !== 'missing'
      ? fromWorkbook.framework
      : null;
  const addFramework = useCallback((f: Framework) => {
    setOwn((list) => [f, ...list.filter((x) => !(x.id === f.id && x.version === f.version))]);
  }, []);

  return {
    gateway,
    workbook,
    known,
    engine: engineTask.state,
    opening,
    framework,
    workbookFramework: fromWorkbook,
    frameworks,
    addFramework,
    refresh,
  };
}
