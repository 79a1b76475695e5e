/**
 * What the full Check found that finalising needs the officer to accept: each error with its own
 * tick (or one tick for all of them, listed), the unanswered criteria and the met criteria without
 * evidence or difference made, each list with one tick. What is ticked is recorded.
 */
import { Checkbox, makeStyles, tokens, Body1Strong, Caption1 } from '@fluentui/react-components';
import type { CriterionNote, Readiness } from '../../workbook/signOff/readiness';
import type { SignOffFormAction, SignOffFormState } from './signOffForm';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** How many criteria each list names before "and N more". */
const SHOWN = 12;

function names(notes: readonly CriterionNote[]): string {
  const shown = notes.slice(0, SHOWN).map((n) => `${n.areaName} ${n.criterionId}`);
  const more = notes.length > SHOWN ? ` and ${notes.length - SHOWN} more` : '';
  return `${shown.join(', ')}${more}.`;
}

export function AcceptanceLists({
  readiness,
  form,
  dispatch,
}: {
  readiness: Readiness;
  form: SignOffFormState;
  dispatch: (action: SignOffFormAction) => void;
}) {
  const styles = useStyles();
  const { errors, unanswered, withoutEvidence } = readiness;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (errors.length + unanswered.length + withoutEvidence.length === 0) {
    return <Body1Strong>The Check found nothing to fix or accept.</Body1Strong>;
  }
  return (
    <div className={styles.root}>
      {errors.length > 0 && (
        <fieldset>
          <legend>{`${plural(errors.length, 'error', 'errors')} found by the Check: fix them, or accept each one`}</legend>
          {errors.map((p) => (
            <Checkbox
              key={p.key}
              label={p.message}
              checked={form.acceptAllErrors || form.acceptedErrors.includes(p.key)}
              disabled={form.acceptAllErrors}
              onChange={() => dispatch({ type: 'errorToggled', key: p.key })}
            />
          ))}
          {errors.length > 1 && (
            <Checkbox
              label={`I accept these ${errors.length} errors`}
              checked={form.acceptAllErrors}
              onChange={() => dispatch({ type: 'allErrorsToggled' })}
            />
          )}
        </fieldset>
      )}
      {unanswered.length > 0 && (
        <fieldset>
          <legend>{`${plural(unanswered.length, 'criterion is', 'criteria are')} unanswered`}</legend>
          <Caption1>{names(unanswered)}</Caption1>
          <Checkbox
            label={`Finalise with ${plural(unanswered.length, 'criterion', 'criteria')} unanswered`}
            checked={form.acceptUnanswered}
            onChange={() => dispatch({ type: 'unansweredToggled' })}
          />
        </fieldset>
      )}
      {withoutEvidence.length > 0 && (
        <fieldset>
          <legend>{`${plural(withoutEvidence.length, 'met criterion has', 'met criteria have')} no evidence or difference made recorded`}</legend>
          <Caption1>{names(withoutEvidence)}</Caption1>
          <Checkbox
            label={`Finalise with ${plural(withoutEvidence.length, 'met criterion', 'met criteria')} lacking evidence`}
            checked={form.acceptWithoutEvidence}
            onChange={() => dispatch({ type: 'withoutEvidenceToggled' })}
          />
        </fieldset>
      )}
    </div>
  );
}
