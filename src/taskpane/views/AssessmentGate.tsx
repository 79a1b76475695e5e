/**
 * What Check and Results share: they can read an assessment only when the workbook holds one
 * the pane understands and the framework it was made from is known. Otherwise this says why,
 * and for an assessment made from the organisation's own file, asks for that file.
 */
import { Body1, Button, Spinner } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Framework } from '../../domain/index';
import type { StoredMeta } from '../../excel/inspect';
import type { ViewProps } from '../App';
import { FrameworkFileInput } from '../components/FrameworkFileInput';
import type { Engine } from '../loadEngine';
import { describeFrameworkMeta } from '../session/opening';

interface Props extends ViewProps {
  /** What the view does, for its sentences: "check", "show results for". */
  readonly doing: string;
  readonly children: (framework: Framework, engine: Engine) => ReactNode;
}

export function AssessmentGate({ session, navigate, doing, children }: Props) {
  const { known, engine, framework } = session;
  if (engine.status === 'failed' || session.workbook.status === 'failed') return null;
  if (engine.status !== 'done' || known === undefined) {
    return <Spinner size="small" label="Reading the workbook…" />;
  }
  switch (known.kind) {
    case 'none':
      return (
        <>
          <Body1 as="p">There is no assessment in this workbook to {doing} yet.</Body1>
          <div>
            <Button onClick={() => navigate('setup')}>Go to Set up</Button>
          </div>
        </>
      );
    case 'newer':
      return (
        <Body1 as="p">
          This workbook was made by a newer version of the add-in, so this version does not read it. Ask your
          IT team to update the add-in.
        </Body1>
      );
    case 'damaged':
      return (
        <Body1 as="p">
          The assessment in this workbook is damaged (see the message above), so the add-in cannot {doing} it.
        </Body1>
      );
    case 'assessment':
      if (framework) return <>{children(framework, engine.value)}</>;
      return <OpenOwnFramework meta={known.meta} engine={engine.value} onFound={session.addFramework} />;
  }
}

function OpenOwnFramework({
  meta,
  engine,
  onFound,
}: {
  meta: StoredMeta;
  engine: Engine;
  onFound: (framework: Framework) => void;
}) {
  const [mismatch, setMismatch] = useState<string | undefined>();
  return (
    <FrameworkFileInput
      engine={engine}
      label="The framework file this assessment was made from"
      hint={
        `The workbook uses ${describeFrameworkMeta(meta)}, id "${meta.frameworkId}", and was made before the add-in ` +
        'kept the framework in the workbook. Choose the file (.xlsx or .json) it was made from; regenerating it then keeps the framework in the workbook.'
      }
      validationMessage={mismatch}
      onLoaded={(file) => {
        setMismatch(undefined);
        if (!file?.result.ok) return;
        const f = file.result.framework;
        if (f.id === meta.frameworkId && f.version === meta.frameworkVersion) {
          onFound(f);
        } else {
          setMismatch(
            `${file.fileName} holds framework "${f.id}" version ${f.version}, but this workbook was made from ` +
              `"${meta.frameworkId}" version ${meta.frameworkVersion}. Choose that file instead.`,
          );
        }
      }}
    />
  );
}
