/**
 * The task pane: a header, what the workbook holds (with the next step), a tab per view, and the
 * Excel version line. Each view sits in its own error boundary so one failing view never blanks
 * the pane.
 */
import { Caption1, makeStyles, Spinner, Subtitle1, Tab, TabList, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { ExcelGateway } from '../excel/api';
import { apiStatus } from './apiStatus';
import { AnnouncerProvider, useAnnounce } from './components/Announcer';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ProblemMessage } from './components/ProblemMessage';
import { useSession, type Session } from './session/useSession';
import { VIEWS, viewLabel, type ViewId } from './session/views';
import { WorkbookBanner } from './views/WorkbookBanner';
import { SetupView } from './views/SetupView';
import { CheckView } from './views/CheckView';
import { ResultsView } from './views/ResultsView';
import { NotYetView } from './views/NotYetView';

export const PRODUCT_NAME = 'Equality Self-Assessment';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    minWidth: 0,
  },
  header: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  tabs: { flexWrap: 'wrap', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    // The gap spaces the parts; browser margins on headings and paragraphs would double it.
    '& h2, & h3, & p': { marginTop: 0, marginBottom: 0 },
  },
  footer: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground3,
  },
});

export interface AppProps {
  readonly gateway: ExcelGateway;
}

export function App({ gateway }: AppProps) {
  return (
    <AnnouncerProvider>
      <Pane gateway={gateway} />
    </AnnouncerProvider>
  );
}

function Pane({ gateway }: AppProps) {
  const styles = useStyles();
  const status = useMemo(() => apiStatus((v) => gateway.isSetSupported(v)), [gateway]);
  const session = useSession(gateway);
  const announce = useAnnounce();
  const [view, setView] = useState<ViewId | null>(null);

  // Open the view the workbook calls for, once; after that the officer decides.
  const { opening } = session;
  useEffect(() => {
    if (opening && view === null) {
      setView(opening.view);
      announce(`${opening.title}. ${opening.message}`);
    }
  }, [opening, view, announce]);

  const current = view ?? 'setup';
  // Without the workbook's state or the engine the pane cannot pick a view: say so, never spin.
  const stuck = session.workbook.status === 'failed' || session.engine.status === 'failed';
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Subtitle1 as="h1">{PRODUCT_NAME}</Subtitle1>
      </header>
      <main className={styles.panel}>
        <WorkbookBanner session={session} />
        {session.engine.status === 'failed' ? (
          <ProblemMessage problem={session.engine.problem} title="The add-in could not finish loading" />
        ) : null}
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={current}
          onTabSelect={(_, data) => setView(data.value as ViewId)}
          aria-label="Views"
        >
          {VIEWS.map((v) => (
            <Tab key={v.id} value={v.id} id={`tab-${v.id}`} aria-controls="view-panel">
              {v.label}
            </Tab>
          ))}
        </TabList>
        <section
          role="tabpanel"
          id="view-panel"
          aria-labelledby={`tab-${current}`}
          className={styles.panel}
          data-testid={`view-${current}`}
        >
          <ErrorBoundary key={current} what={`the ${viewLabel(current)} view`}>
            {view === null && !stuck ? <Spinner size="small" label="Looking at the workbook…" /> : null}
            {view === null && stuck ? (
              <Caption1 as="p">The views open once the problem above is solved.</Caption1>
            ) : null}
            {view !== null ? <ViewFor view={current} session={session} navigate={setView} /> : null}
          </ErrorBoundary>
        </section>
      </main>
      <footer className={styles.footer}>
        <Caption1 as="p" data-testid="api-status">
          {status.message}
        </Caption1>
      </footer>
    </div>
  );
}

export interface ViewProps {
  readonly session: Session;
  readonly navigate: (view: ViewId) => void;
}

function ViewFor({ view, ...props }: ViewProps & { view: ViewId }) {
  switch (view) {
    case 'setup':
      return <SetupView {...props} />;
    case 'check':
      return <CheckView {...props} />;
    case 'results':
      return <ResultsView {...props} />;
    case 'report':
      return (
        <NotYetView
          title="Board report"
          note="Board report: not yet available in this version."
          meanwhile="The Summary sheet in the workbook shows each area’s level and can be printed."
        />
      );
    case 'maintain':
      return (
        <NotYetView
          title="Maintain"
          note="Regenerate, upgrade to another framework version and repair: not yet available in this version."
          meanwhile="Your ratings and notes stay in the area sheets; nothing here changes them."
        />
      );
  }
}
