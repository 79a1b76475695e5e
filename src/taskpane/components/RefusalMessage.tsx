/**
 * Any refusal (src/domain/refusal.ts), shown the same way whatever the operation: that nothing
 * was changed, the message, then the cells, sheets or files concerned.
 */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { Refusal } from '../../domain/index';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

export function RefusalMessage({
  refusal,
  title = 'Nothing was changed',
  testId,
}: {
  refusal: Refusal;
  title?: string;
  testId: string;
}) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {refusal.message}
        {refusal.details.length > 0 ? (
          <ul className={styles.list}>
            {refusal.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
