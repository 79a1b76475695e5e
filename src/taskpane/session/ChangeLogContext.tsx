/**
 * The change log belongs to the pane, not to a view: it runs whenever the pane is open on an
 * assessment it understands (issue 22), so a change typed while the officer reads Results or the
 * Report is logged too. Views read its state and switch, and the add-in's own writes (fixes,
 * combining a copy) announce the cells they are about to write, through this context.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useAnnounce } from '../components/Announcer';
import { useChangeLog, type ChangeLogControls } from './useChangeLog';
import type { Session } from './useSession';

const IDLE: ChangeLogControls = {
  state: { status: 'starting' },
  setLogging: () => Promise.resolve(),
  expectOwnWrites: () => undefined,
};

const ChangeLogContext = createContext<ChangeLogControls>(IDLE);

export function ChangeLogProvider({ session, children }: { session: Session; children: ReactNode }) {
  const announce = useAnnounce();
  const ready = session.engine.status === 'done' && session.known?.kind === 'assessment';
  const controls = useChangeLog(
    session.gateway,
    ready && session.engine.status === 'done' ? session.engine.value : null,
    ready ? session.framework : null,
    announce,
  );
  return <ChangeLogContext.Provider value={controls}>{children}</ChangeLogContext.Provider>;
}

/** The pane's change log: its state, the switch, and the hook for the add-in's own writes. */
export function useChangeLogControls(): ChangeLogControls {
  return useContext(ChangeLogContext);
}
