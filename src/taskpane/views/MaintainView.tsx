/**
 * Maintain: regenerate the assessment (same framework) or upgrade it (another version, through a
 * mapping), always previewed first (src/excel/regenerate.ts: two syncs, changes nothing), then
 * confirmed with its progress. Refusals are shown in words. After an Excel failure the view
 * explains that nothing is lost and that running it again finishes the job (regeneration keeps
 * a backup sheet for exactly that). Also: combining a colleague's copy (maintain/CombineCopy.tsx),
 * starting the next period in a new workbook (maintain/StartNextPeriod.tsx), and the workbook as an
 * .xlsx file, with its responses or blank.
 */
import { Body1, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Framework } from '../../domain/index';
import type { ViewProps } from '../App';
import { DownloadButton } from '../components/DownloadButton';
import type { Engine } from '../loadEngine';
import { regenerationStopped } from '../session/opening';
import { AssessmentGate } from './AssessmentGate';
import { CombineCopy } from './maintain/CombineCopy';
import { Regenerate } from './maintain/Regenerate';
import { StartNextPeriod } from './maintain/StartNextPeriod';
import { planSettingsOf } from './workbookSettings';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground3 },
});

export function MaintainView(props: ViewProps) {
  const { session } = props;
  const { engine, known } = session;
  // A regeneration that stopped half-way may have left no recognisable assessment (its sheets
  // renamed aside): the officer must still be able to finish it, so the gate does not apply.
  if (engine.status === 'done' && known && known.kind !== 'assessment' && regenerationStopped(known)) {
    return <MaintainRunner {...props} engine={engine.value} current={null} />;
  }
  return (
    <AssessmentGate {...props} doing="regenerate or upgrade">
      {(framework, loaded) => <MaintainRunner {...props} engine={loaded} current={framework} />}
    </AssessmentGate>
  );
}

function MaintainRunner({
  session,
  engine,
  current,
}: ViewProps & { engine: Engine; current: Framework | null }) {
  const styles = useStyles();
  return (
    <>
      <Subtitle2 as="h2">Maintain the assessment</Subtitle2>
      <Body1 as="p">
        Regenerate rebuilds the sheets from the framework and puts every response back: to repair damaged
        sheets, pick up a corrected framework file or finish a regeneration that stopped. Upgrade moves the
        assessment to another version of the framework. You see what will happen before anything changes.
      </Body1>
      <Regenerate session={session} engine={engine} current={current} />
      {current ? (
        <>
          <CombineCopy session={session} engine={engine} framework={current} />
          <StartNextPeriod session={session} engine={engine} framework={current} />
          <Subtitle2 as="h3">Download as a file</Subtitle2>
          <Caption1 as="p" className={styles.note}>
            With responses: this assessment as it stands (its settings, every rating, evidence, difference,
            owner, review date and notes, and the wording you typed for criteria the source lacks) as an .xlsx
            file, for colleagues who do not have the add-in. Not in the file: rows or columns you added, and
            History snapshots.
          </Caption1>
          <DownloadButton
            engine={engine}
            files={session.gateway.files}
            contents="responses"
            prepare={async () => {
              const read = await engine.readAssessment(session.gateway, current);
              return {
                framework: current,
                settings: planSettingsOf(current, read).settings,
                responses: read.responses,
              };
            }}
          />
          <Caption1 as="p" className={styles.note}>
            A blank copy: the same framework and settings with no responses, to start afresh.
          </Caption1>
          <DownloadButton
            engine={engine}
            files={session.gateway.files}
            contents="blank"
            prepare={async () => {
              const read = await engine.readAssessment(session.gateway, current);
              return { framework: current, settings: planSettingsOf(current, read).settings };
            }}
          />
        </>
      ) : null}
    </>
  );
}
