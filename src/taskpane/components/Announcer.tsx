/**
 * Live regions for screen readers: views call `announce()` when a result, a progress step or an
 * error arrives, so someone who cannot see the pane hears what changed without moving focus.
 * Errors go to an assertive region, everything else to a polite one.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type Announce = (message: string, politeness?: 'polite' | 'assertive') => void;

const AnnouncerContext = createContext<Announce>(() => undefined);

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}

/** Hidden from sight but not from screen readers (the usual "visually hidden" recipe). */
const HIDDEN: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  const announce = useCallback<Announce>((message, politeness = 'polite') => {
    const set = politeness === 'assertive' ? setAssertive : setPolite;
    // A screen reader speaks a region when its text changes; a repeat of the same message
    // (checking twice with the same result) gets a trailing non-breaking space to differ.
    set((previous) => (previous === message ? `${message}\u00a0` : message));
  }, []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      <div aria-live="polite" aria-atomic="true" style={HIDDEN} data-testid="announce-polite">
        {polite}
      </div>
      <div aria-live="assertive" aria-atomic="true" style={HIDDEN} data-testid="announce-assertive">
        {assertive}
      </div>
    </AnnouncerContext.Provider>
  );
}
