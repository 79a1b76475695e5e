/**
 * The task pane: a header, what the workbook holds (with the next step), a tab per view, and the
 * Excel version line. Each view sits in its own error boundary so one failing view never blanks
 * the pane.
 */
import {
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ExcelGateway } from '../excel/api';
import { afterNextPaint } from './afterPaint';
import { apiStatus, type ApiStatus } from './apiStatus';
import { AnnouncerProvider, useAnnounce } from './components/Announcer';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ProblemMessage } from './components/ProblemMessage';
import { tabElementId, ViewTabs } from './components/ViewTabs';
import { ChangeLogProvider } from './session/ChangeLogContext';
import { useSession, type Session } from './session/useSession';
import { VIEWS, viewLabel, type ViewId } from './session/views';
import { WorkbookBanner } from './views/WorkbookBanner';

// The board report brings its own Excel and report code: loaded when the Report tab opens, so it
// stays out of the JavaScript the first view needs (the budget is checked in test/build).
// Check and Maintain bring the audit, the fixes and the regeneration preview: loaded when first
// opened, like the Report, so the first view (Set up or Results) loads only what it needs.
// Set up and Results, too, are not on the first screen: it shows "Looking at the workbook…" until
// the workbook is read. Their code (forms, file input, level chart) loads beside the workbook's
// reading and the engine (preloadOpeningViews, on mount), out of the JavaScript before first paint.
const loadSetupView = () => import(/* webpackChunkName: "setup" */ './views/SetupView');
const loadResultsView = () => import(/* webpackChunkName: "results" */ './views/ResultsView');
const SetupView = lazy(() => loadSetupView().then((m) => ({ default: m.SetupView })));
const ResultsView = lazy(() => loadResultsView().then((m) => ({ default: m.ResultsView })));
function preloadOpeningViews(): () => void {
  // After the first view is painted (afterPaint.ts). A failed preload is only ignored here:
  // opening the view loads it again, and says so if it fails.
  return afterNextPaint(() => {
    loadSetupView().catch(() => undefined);
    loadResultsView().catch(() => undefined);
  });
}
const CheckView = lazy(() =>
  import(/* webpackChunkName: "check" */ './views/CheckView').then((m) => ({ default: m.CheckView })),
);
const MaintainView = lazy(() =>
  import(/* webpackChunkName: "maintain" */ './views/MaintainView').then((m) => ({
    default: m.MaintainView,
  })),
);
// The Report tab loads its gate (which framework) with the report: report/ReportGate.tsx.
const ReportGate = lazy(() =>
  import(/* webpackChunkName: "report" */ './report/ReportGate').then((m) => ({
    default: m.ReportGate,
  })),
);

export const PRODUCT_NAME = 'Equality Self-Assessment';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    minWidth: 0,
    // At Office's narrowest pane (320 px) every pixel of width counts: the five tabs need 290.
    '@media (max-width: 360px)': {
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    },
  },
  header: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  // Pulled left by the tabs' own padding, so that the first label lines up with the title above.
  tabs: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})`,
  },
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
  const status = useMemo(() => apiStatus((v) => gateway.isSetSupported(v)), [gateway]);
  return (
    <AnnouncerProvider>
      {status.supported ? <Pane gateway={gateway} status={status} /> : <TooOld status={status} />}
    </AnnouncerProvider>
  );
}

/**
 * A host below the manifest's minimum (which Office should not have opened the pane in at all):
 * no views, since each would fail on a member the host lacks; what to use instead, in words.
 */
function TooOld({ status }: { status: ApiStatus }) {
  return (
    <Frame>
      <MessageBar intent="warning" layout="multiline" data-testid="too-old">
        <MessageBarBody>
          <MessageBarTitle>This version of Excel cannot run the add-in</MessageBarTitle>
          <span data-testid="api-status">{status.message}</span>
        </MessageBarBody>
      </MessageBar>
    </Frame>
  );
}

/** The pane's page: the product's name, the content, and an optional footer. */
function Frame({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Subtitle1 as="h1">{PRODUCT_NAME}</Subtitle1>
      </header>
      <main className={styles.panel}>{children}</main>
      {footer !== undefined ? <footer className={styles.footer}>{footer}</footer> : null}
    </div>
  );
}

function Pane({ gateway, status }: AppProps & { status: ApiStatus }) {
  const styles = useStyles();
  const session = useSession(gateway);
  const announce = useAnnounce();
  const [view, setView] = useState<ViewId | null>(null);
  // After the first view the banner shrinks to one line: the officer has read it.
  const [movedOn, setMovedOn] = useState(false);
  const navigate = useCallback((next: ViewId) => {
    setView(next);
    setMovedOn(true);
  }, []);

  useEffect(preloadOpeningViews, []);

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
    <ChangeLogProvider session={session}>
      <Frame
        footer={
          <Caption1 as="p" data-testid="api-status">
            {status.message}
          </Caption1>
        }
      >
        <WorkbookBanner session={session} compact={movedOn} />
        {session.engine.status === 'failed' ? (
          <ProblemMessage problem={session.engine.problem} title="The add-in could not finish loading" />
        ) : null}
        <ViewTabs
          className={styles.tabs}
          tabs={VIEWS}
          selected={current}
          onSelect={navigate}
          aria-label="Views"
          controls="view-panel"
        />
        <section
          role="tabpanel"
          id="view-panel"
          aria-labelledby={tabElementId(current)}
          className={styles.panel}
          data-testid={`view-${current}`}
        >
          <ErrorBoundary key={current} what={`the ${viewLabel(current)} view`}>
            {view === null && !stuck ? <Spinner size="small" label="Looking at the workbook…" /> : null}
            {view === null && stuck ? (
              <Caption1 as="p">The views open once the problem above is solved.</Caption1>
            ) : null}
            {view !== null ? (
              <Suspense fallback={<Spinner size="small" label={`Opening ${viewLabel(current)}…`} />}>
                <ViewFor view={current} session={session} navigate={navigate} />
              </Suspense>
            ) : null}
          </ErrorBoundary>
        </section>
      </Frame>
    </ChangeLogProvider>
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
      return <ReportGate {...props} />;
    case 'maintain':
      return <MaintainView {...props} />;
  }
}
