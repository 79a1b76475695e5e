/**
 * Board report: refresh the Board summary and Action plan sheets, save a snapshot to the history,
 * and get the results out without the clipboard (blocked in Excel on the web): select the summary
 * to copy, download it as CSV, download the chart as a picture, place that picture on the sheet
 * (to paste into Word or PowerPoint where a live chart does not survive), or copy the narrative by
 * hand from a text box. Each path says why when this host or workbook cannot do it.
 *
 * Self-contained: mount it with the pane's gateway and the workbook's framework.
 */
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { calendarDateOf, formatDate, type CalendarDate, type Framework } from '../../domain';
import type { ExcelGateway } from '../../excel/api';
import { refreshBoard, type ReportOutcome } from '../../excel/boardRefresh';
import { saveSnapshot } from '../../excel/historySnapshot';
import { ProblemMessage } from '../components/ProblemMessage';
import { CompareGroup } from './CompareGroup';
import { ComparePeriods } from './ComparePeriods';
import { SignOffSection } from './SignOffSection';
import { latestValue, useTask } from '../components/useTask';
import {
  downloadChart,
  downloadCsv,
  downloadPaper,
  placePicture,
  selectSummary,
  type Note,
  type Refreshed,
} from './reportActions';

export interface ReportViewProps {
  readonly gateway: ExcelGateway;
  readonly framework: Framework;
  /** Today, for tests; the officer's local date otherwise. */
  readonly today?: () => Date;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function ReportView({ gateway, framework, today = () => new Date() }: ReportViewProps) {
  const styles = useStyles();
  const report = useTask<ReportOutcome>('refresh the board report');
  const copy = useTask<Note>('get the board summary out');
  const [note, setNote] = useState<Note>(null);
  const outcome = latestValue(report.state);
  const busy = report.state.status === 'running' || copy.state.status === 'running';

  // Whatever the officer does next, what an earlier action said no longer describes the workbook:
  // a "no Board summary yet" from before a refresh, or a failure before a later success.
  const refresh = (snapshot: boolean) => {
    setNote(null);
    copy.reset();
    const day = calendarDateOf(today());
    return report.run(() =>
      snapshot ? saveSnapshot(gateway, framework, day) : refreshBoard(gateway, framework, { today: day }),
    );
  };

  // A copy action's result replaces any note from the CSV download, which would otherwise hide it.
  const runCopy = (work: () => Promise<Note>) => {
    setNote(null);
    if (report.state.status === 'failed') report.reset();
    return copy.run(work);
  };

  const asAt = () => calendarDateOf(today());
  const refreshed = outcome?.status === 'refreshed' ? outcome : undefined;
  const buttons: CopyButtonsProps = {
    busy,
    refreshed: refreshed !== undefined,
    canDownload: gateway.files.canDownload,
    select: () => void runCopy(() => selectSummary(gateway, framework)),
    csv: () => {
      if (refreshed) setNote(downloadCsv(refreshed, framework, asAt()));
    },
    chart: () => void runCopy(() => downloadChart(gateway)),
    paper: () =>
      void runCopy(async () => (refreshed ? downloadPaper(gateway, framework, refreshed, asAt()) : null)),
    picture: () => void runCopy(() => placePicture(gateway, framework)),
  };

  const copied = latestValue(copy.state) ?? null;
  const shown = note ?? copied;

  return (
    <section className={styles.root} aria-labelledby="report-heading">
      <Subtitle2 as="h2" id="report-heading">
        Board report
      </Subtitle2>
      <Body1>
        Refresh writes the Board summary (one A4 page) and the Action plan from the ratings. Owners, dates and
        notes you type on the Action plan are kept.
      </Body1>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void refresh(false)}>
          Refresh board summary
        </Button>
        <Button disabled={busy} onClick={() => void refresh(true)}>
          Save snapshot
        </Button>
        {report.state.status === 'running' && <Spinner size="tiny" label="Working…" />}
      </div>

      {report.state.status === 'failed' && (
        <ProblemMessage problem={report.state.problem} title="The board report was not refreshed" />
      )}
      {outcome?.status === 'refused' && <Refused message={outcome.message} problems={outcome.details} />}
      {refreshed && <Wrote outcome={refreshed} today={asAt()} />}

      <CopyButtons {...buttons} />
      {copy.state.status === 'failed' && (
        <ProblemMessage problem={copy.state.problem} title="That did not work" />
      )}
      {shown && (
        <MessageBar intent={shown.intent} layout="multiline" role="status">
          <MessageBarBody>{shown.text}</MessageBarBody>
        </MessageBar>
      )}
      <ComparePeriods gateway={gateway} framework={framework} today={today} />
      <CompareGroup files={gateway.files} framework={framework} today={today} />
      <SignOffSection gateway={gateway} framework={framework} today={today} />
    </section>
  );
}

function Refused({ message, problems }: { message: string; problems: readonly string[] }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Nothing was changed</MessageBarTitle>
        {message}
        <ul className={styles.list}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** What a refresh wrote, and the narrative in a box to copy by hand. */
function Wrote({ outcome, today }: { outcome: Refreshed; today: CalendarDate }) {
  const { sheets, actions, history } = outcome;
  const last = history[history.length - 1];
  const latest = last?.date;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const covers = last?.coverage ? ` (it covers ${plural(last.coverage.changes, 'logged change')})` : '';
  return (
    <>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          {`Wrote ${sheets.join(', ')}. ${plural(actions.length, 'action')} on the plan; ${plural(history.length, 'snapshot')} saved${
            history.length > 0 ? `, the latest on ${formatDate(latest ?? today)}${covers}` : ''
          }.`}
        </MessageBarBody>
      </MessageBar>
      <Field label="The narrative, to copy by hand (select it, then Ctrl+C)">
        <Textarea readOnly resize="vertical" rows={6} value={outcome.narrative.join(' ')} />
      </Field>
    </>
  );
}

interface CopyButtonsProps {
  readonly busy: boolean;
  /** Whether the board has been refreshed in this view (the CSV and the paper are made from it). */
  readonly refreshed: boolean;
  readonly canDownload: boolean;
  readonly select: () => void;
  readonly csv: () => void;
  readonly chart: () => void;
  readonly paper: () => void;
  readonly picture: () => void;
}

function CopyButtons({ busy, refreshed, canDownload, select, csv, chart, paper, picture }: CopyButtonsProps) {
  const styles = useStyles();
  return (
    <>
      <Subtitle2 as="h3">Copy or download</Subtitle2>
      <div className={styles.row}>
        <Button disabled={busy} onClick={select}>
          Select summary to copy
        </Button>
        {/* Excel for Mac ignores downloads from the pane, silently: offer no button that cannot work. */}
        {canDownload && (
          <>
            <Button disabled={busy || !refreshed} onClick={csv}>
              Download CSV
            </Button>
            <Button disabled={busy} onClick={chart}>
              Download chart picture
            </Button>
            <Button disabled={busy || !refreshed} onClick={paper}>
              Download board paper (.docx)
            </Button>
          </>
        )}
        <Button disabled={busy} onClick={picture}>
          Place chart picture on the sheet
        </Button>
      </div>
      {canDownload ? (
        !refreshed && <Caption1>Refresh the board summary to download its CSV or the board paper.</Caption1>
      ) : (
        <Caption1 data-testid="no-downloads">
          This version of Excel cannot save files from the task pane. To take the figures elsewhere, use
          Select summary to copy; for the chart, use Place chart picture on the sheet, then copy the picture.
        </Caption1>
      )}
    </>
  );
}
