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
import { calendarDateOf, formatDate, type Framework, boardCsv, topActions } from '../../domain';
import type { ExcelGateway } from '../../excel/api';
import { boardChartImage, placeBoardChartPicture, selectBoardSummary } from '../../excel/boardCopy';
import { refreshBoard, type ReportOutcome } from '../../excel/boardRefresh';
import { saveSnapshot } from '../../excel/historySnapshot';
import { TOP_ACTIONS } from '../../workbook/sheets/board';
import { ProblemMessage } from '../components/ProblemMessage';
import { latestValue, useTask } from '../components/useTask';
import { base64Bytes, handedOver, offerDownload } from './download';

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

type Note = { readonly intent: 'success' | 'warning'; readonly text: string } | null;

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

  const select = () =>
    runCopy(async () => {
      const selected = await selectBoardSummary(gateway, framework);
      return selected.status === 'done'
        ? { intent: 'success', text: `Selected ${selected.value}. Press Ctrl+C (Cmd+C on a Mac) to copy it.` }
        : { intent: 'warning', text: selected.message };
    });

  const downloadCsv = () => {
    if (outcome?.status !== 'refreshed') return;
    const csv = boardCsv(outcome.figures, {
      organisation: outcome.organisation,
      period: outcome.period,
      assessmentDate: calendarDateOf(today()),
      framework: `${framework.title}, version ${framework.version}`,
    });
    // A byte order mark so that Excel opens the file as UTF-8 (arrows, accents).
    const done = offerDownload(
      'board-summary.csv',
      new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }),
    );
    setNote(
      done.ok
        ? { intent: 'success', text: handedOver('board-summary.csv') }
        : { intent: 'warning', text: done.message },
    );
  };

  const downloadChart = () =>
    runCopy(async () => {
      const image = await boardChartImage(gateway);
      if (image.status !== 'done') return { intent: 'warning', text: image.message };
      const type = image.value.startsWith('/9j/') ? 'image/jpeg' : 'image/png';
      const name = type === 'image/png' ? 'board-chart.png' : 'board-chart.jpg';
      const done = offerDownload(name, new Blob([base64Bytes(image.value)], { type }));
      return done.ok
        ? { intent: 'success', text: handedOver(name) }
        : { intent: 'warning', text: done.message };
    });

  // The board paper: the .docx library is loaded only now, with the paper's own module.
  const downloadPaper = () =>
    runCopy(async () => {
      if (outcome?.status !== 'refreshed') return null;
      const image = await boardChartImage(gateway);
      const chart =
        image.status === 'done'
          ? {
              type: image.value.startsWith('/9j/') ? ('jpg' as const) : ('png' as const),
              data: base64Bytes(image.value),
            }
          : null;
      const { boardPaperDocx } = await import('./boardPaper');
      const bytes = await boardPaperDocx({
        organisation: outcome.organisation,
        period: outcome.period,
        asAt: calendarDateOf(today()),
        frameworkTitle: framework.title,
        frameworkVersion: framework.version,
        figures: outcome.figures,
        narrative: outcome.narrative,
        actions: topActions(outcome.actions, TOP_ACTIONS),
        settings: outcome.result.settings,
        chart,
      });
      const name = 'board-paper.docx';
      const done = offerDownload(
        name,
        new Blob([bytes], {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
      );
      if (!done.ok) return { intent: 'warning', text: done.message };
      const noPicture = chart
        ? ''
        : ` Excel could not give a picture of the chart here (${image.status === 'done' ? '' : image.message}), so the paper says where to copy it from.`;
      return { intent: 'success', text: `${handedOver(name)}${noPicture}` };
    });

  const placePicture = () =>
    runCopy(async () => {
      const placed = await placeBoardChartPicture(gateway, framework);
      if (placed.status !== 'done') return { intent: 'warning', text: placed.message };
      const { sheet, replaced, sheetProtected } = placed.value;
      const again = replaced > 0 ? ' It replaces the picture placed before.' : '';
      // A protected sheet lets no one click a picture (the add-in keeps its protection as it was).
      const unprotect = sheetProtected
        ? ` The sheet is protected, so first unprotect it (Review > Unprotect Sheet); refreshing the board protects it again.`
        : '';
      return {
        intent: 'success',
        text: `Placed a picture of the chart on the ${sheet} sheet, to the right of the printed page.${again} To paste it into Word or PowerPoint as a picture, click it and press Ctrl+C (Cmd+C on a Mac).${unprotect}`,
      };
    });

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
      {outcome?.status === 'refused' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Nothing was changed</MessageBarTitle>
            {outcome.message}
            <ul className={styles.list}>
              {outcome.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.status === 'refreshed' && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {`Wrote ${outcome.sheets.join(', ')}. ${outcome.actions.length} action${outcome.actions.length === 1 ? '' : 's'} on the plan; ${outcome.history.length} snapshot${outcome.history.length === 1 ? '' : 's'} saved${
                outcome.history.length > 0
                  ? `, the latest on ${formatDate(outcome.history[outcome.history.length - 1]?.date ?? calendarDateOf(today()))}`
                  : ''
              }.`}
            </MessageBarBody>
          </MessageBar>
          <Field label="The narrative, to copy by hand (select it, then Ctrl+C)">
            <Textarea readOnly resize="vertical" rows={6} value={outcome.narrative.join(' ')} />
          </Field>
        </>
      )}

      <Subtitle2 as="h3">Copy or download</Subtitle2>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void select()}>
          Select summary to copy
        </Button>
        {/* Excel for Mac ignores downloads from the pane, silently: offer no button that cannot work. */}
        {gateway.files.canDownload && (
          <>
            <Button disabled={busy || outcome?.status !== 'refreshed'} onClick={downloadCsv}>
              Download CSV
            </Button>
            <Button disabled={busy} onClick={() => void downloadChart()}>
              Download chart picture
            </Button>
            <Button disabled={busy || outcome?.status !== 'refreshed'} onClick={() => void downloadPaper()}>
              Download board paper (.docx)
            </Button>
          </>
        )}
        <Button disabled={busy} onClick={() => void placePicture()}>
          Place chart picture on the sheet
        </Button>
      </div>
      {gateway.files.canDownload ? (
        outcome?.status !== 'refreshed' && (
          <Caption1>Refresh the board summary to download its CSV or the board paper.</Caption1>
        )
      ) : (
        <Caption1 data-testid="no-downloads">
          This version of Excel cannot save files from the task pane. To take the figures elsewhere, use
          Select summary to copy; for the chart, use Place chart picture on the sheet, then copy the picture.
        </Caption1>
      )}
      {copy.state.status === 'failed' && (
        <ProblemMessage problem={copy.state.problem} title="That did not work" />
      )}
      {shown && (
        <MessageBar intent={shown.intent} layout="multiline" role="status">
          <MessageBarBody>{shown.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
