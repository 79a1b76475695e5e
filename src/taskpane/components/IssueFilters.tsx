/** The Check list's filters: one severity or one area (or the problems in no area). */
import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { Framework } from '../../domain/index';
import type { WorkbookProblem } from '../../workbook/audit';
import { NO_AREA_TITLE, SEVERITY_WORDS, type IssueFilter } from './issueGroups';
import { capitalise } from './capitalise';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, minWidth: 0 },
  // Side by side from 320 px, so the first screen reaches the errors: Fluent's Select keeps a
  // minimum width that would stack them.
  filter: { minWidth: 0, flexGrow: 1, flexBasis: '120px' },
  select: { minWidth: 0, maxWidth: '100%' },
});

interface Props {
  readonly problems: readonly WorkbookProblem[];
  readonly framework: Framework;
  readonly filter: IssueFilter;
  readonly onChange: (filter: IssueFilter) => void;
}

export function IssueFilters({ problems, framework, filter, onChange }: Props) {
  const styles = useStyles();
  const hasNoArea = problems.some(
    (p) => p.area === undefined || !framework.areas.some((a) => a.number === p.area),
  );
  return (
    <div className={styles.filters}>
      <Field label="Show" className={styles.filter}>
        <Select
          className={styles.select}
          value={filter.severity}
          onChange={(_, data) => onChange({ ...filter, severity: data.value as IssueFilter['severity'] })}
        >
          <option value="all">Everything ({problems.length})</option>
          {(['error', 'warning', 'info'] as const).map((severity) => {
            const n = problems.filter((p) => p.severity === severity).length;
            return n > 0 ? (
              <option key={severity} value={severity}>
                {capitalise(SEVERITY_WORDS[severity].many)} only ({n})
              </option>
            ) : null;
          })}
        </Select>
      </Field>
      <Field label="Area" className={styles.filter}>
        <Select
          className={styles.select}
          value={String(filter.area)}
          onChange={(_, data) =>
            onChange({
              ...filter,
              area: data.value === 'all' || data.value === 'none' ? data.value : Number(data.value),
            })
          }
        >
          <option value="all">All areas</option>
          {framework.areas.map((a) => (
            <option key={a.number} value={String(a.number)}>
              {a.number}. {a.shortName}
            </option>
          ))}
          {hasNoArea ? <option value="none">{NO_AREA_TITLE}</option> : null}
        </Select>
      </Field>
    </div>
  );
}
