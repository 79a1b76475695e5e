/**
 * The Report tab: the assessment gate (which framework the workbook was built from) and the board
 * report behind it, in one chunk loaded when the tab opens. Neither the gate nor the framework
 * file input it offers is then in the JavaScript the first view waits for (issue 25), and opening
 * the tab costs one request, as before.
 */
import type { ViewProps } from '../App';
import { AssessmentGate } from '../views/AssessmentGate';
import { ReportView } from './ReportView';

export function ReportGate(props: ViewProps) {
  return (
    <AssessmentGate {...props} doing="report on">
      {(framework) => <ReportView gateway={props.session.gateway} framework={framework} />}
    </AssessmentGate>
  );
}
