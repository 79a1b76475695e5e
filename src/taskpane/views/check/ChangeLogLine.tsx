/**
 * One short line saying whether the change log is being kept, with the switch (short, so that in a
 * 320-pixel pane the first errors still show on the first screen); where the log was found edited
 * or deleted, what was found, and that a new section starts with the next change.
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { ChangeLogState } from '../../session/useChangeLog';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

interface Props {
  readonly state: ChangeLogState;
  readonly busy: boolean;
  readonly onSwitch: (on: boolean) => void;
}

export function ChangeLogLine({ state, busy, onSwitch }: Props) {
  const styles = useStyles();
  switch (state.status) {
    case 'starting':
      return null;
    case 'unavailable':
      return (
        <Caption1 as="p" className={styles.note} data-testid="change-log-status">
          Change log not kept: {state.reason}
        </Caption1>
      );
    case 'failed':
      return (
        <ProblemMessage
          problem={state.problem}
          title="The change log stopped: changes are not being logged"
        />
      );
    case 'on':
    case 'off':
      return (
        <>
          <div className={styles.row}>
            <Caption1 as="p" className={styles.note} data-testid="change-log-status">
              {state.status === 'on'
                ? `Change log: on${state.logged > 0 ? ` (${state.logged} logged since the pane opened)` : ''}.`
                : 'Change log: off. Changes are not being recorded.'}
            </Caption1>
            <Button size="small" disabled={busy} onClick={() => onSwitch(state.status !== 'on')}>
              {state.status === 'on' ? 'Turn log off' : 'Turn log on'}
            </Button>
          </div>
          {state.damage.length > 0 ? (
            <div role="status" className={styles.warning} data-testid="change-log-damage">
              <Caption1 as="p">
                The change log was edited or deleted. The add-in does not write over it: the next change
                starts a new section below what is there.
              </Caption1>
              <ul>
                {state.damage.map((d) => (
                  <li key={d}>
                    <Caption1>{d}</Caption1>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      );
  }
}
