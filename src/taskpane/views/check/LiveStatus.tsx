/** One line saying whether the list follows the officer's edits, and if not, why and what to do. */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { LiveState } from './useLiveChecks';

const useStyles = makeStyles({ note: { color: tokens.colorNeutralForeground3 } });

export function LiveStatus({ live }: { live: LiveState }) {
  const styles = useStyles();
  switch (live.status) {
    case 'starting':
      return null;
    case 'on':
      return (
        <Caption1 as="p" className={styles.note} data-testid="live-status">
          Live checks are on: the list updates as you type or paste in the area sheets and the Start sheet.
        </Caption1>
      );
    case 'failed':
      return (
        <ProblemMessage problem={live.problem} title="Live checks are off: press Check again after editing" />
      );
  }
}
