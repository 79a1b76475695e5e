/**
 * What came of writing a file (downloadWorkbook.ts): offered, opened or blocked by the host, in
 * words. Shared by every download button, so each reports in the same way.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { downloadMessage, type WorkbookDownload } from './downloadWorkbook';

interface Props {
  readonly result: WorkbookDownload;
  /** Words before the message when the file was written ("A blank copy …"), or ''. */
  readonly lead?: string;
  readonly testId: string;
}

export function DownloadResult({ result, lead = '', testId }: Props) {
  return (
    <MessageBar
      intent={result.status === 'refused' ? 'warning' : 'success'}
      layout="multiline"
      data-testid={testId}
    >
      <MessageBarBody>
        {result.status !== 'refused' && lead ? `${lead} ` : ''}
        {downloadMessage(result)}
      </MessageBarBody>
    </MessageBar>
  );
}
