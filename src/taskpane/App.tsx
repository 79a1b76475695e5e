/** The task pane's shell: a header and a status line. Views are added here as they are built. */
import { makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ExcelGateway } from '../excel/api';
import { apiStatus } from './apiStatus';

export const PRODUCT_NAME = 'Equality Self-Assessment';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  header: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
});

export interface AppProps {
  readonly gateway: ExcelGateway;
}

export function App({ gateway }: AppProps) {
  const styles = useStyles();
  const status = useMemo(() => apiStatus((v) => gateway.isSetSupported(v)), [gateway]);
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Subtitle1 as="h1">{PRODUCT_NAME}</Subtitle1>
      </header>
      <main>
        <Text as="p" role="status" data-testid="api-status">
          {status.message}
        </Text>
      </main>
    </div>
  );
}
