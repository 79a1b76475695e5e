/**
 * A criterion as the pane shows it beside a problem (Check) or a level's blockers (Results): its
 * wording for this workbook (the source's, or the organisation's own where the source lacks it)
 * and, folded under it, the framework's questions to ask for its level. A framework without
 * guidance shows none: nothing is made up in its place.
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { guidanceOf, type Criterion, type Framework } from '../../domain';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  text: { margin: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  summary: { cursor: 'pointer', fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/** The criterion's wording for this workbook, in words for the pane. */
export function wordingShown(criterion: Criterion): string {
  if (criterion.ownWording) return `${criterion.text} (your organisation’s wording)`;
  if (criterion.textStatus === 'absent')
    return 'No wording yet: the source does not have it. Type it in the criterion’s Criterion cell.';
  if (criterion.textStatus === 'fragment')
    return `…${criterion.text.trim()} (only these last words are in the source: type the full wording in the Criterion cell)`;
  return criterion.text;
}

export function findCriterion(
  framework: Framework,
  area: number | undefined,
  id: string,
): Criterion | undefined {
  return framework.criteria.find((c) => c.id === id && (area === undefined || c.area === area));
}

export function CriterionShown({ framework, criterion }: { framework: Framework; criterion: Criterion }) {
  const styles = useStyles();
  const questions = guidanceOf(framework, criterion);
  const level =
    framework.levels.find((l) => l.number === criterion.level)?.name ?? `level ${criterion.level}`;
  return (
    <div className={styles.box} data-testid={`criterion-${criterion.area}-${criterion.id}`}>
      <Caption1 as="p" className={styles.text}>
        <span className={styles.muted}>Criterion {criterion.id}: </span>
        {wordingShown(criterion)}
      </Caption1>
      {questions.length > 0 ? (
        <details>
          <summary className={styles.summary}>
            Questions to ask in self assessment, {level} ({questions.length})
          </summary>
          <ul className={styles.list}>
            {questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
