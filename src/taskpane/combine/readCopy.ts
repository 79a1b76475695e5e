/**
 * A colleague's copy read from its .xlsx and placed on this workbook's framework: through the
 * bundled mapping where it was made from another version, refused by name where no mapping joins
 * the two or the file is not an assessment (src/xlsx/assessmentFile.ts says which).
 */
import {
  bundledFrameworks,
  describeProblem,
  loadFramework,
  matchCriteria,
  refuse,
  rowsThroughMapping,
  type Framework,
  type Mapping,
  type Refusal,
  type ResponseRow,
} from '../../domain/index';
import {
  readAssessmentFile,
  type AssessmentFile,
  type AssessmentFileRefusal,
} from '../../xlsx/assessmentFile';

/** A copy read and placed on this workbook's framework (through a mapping where it was made from another version). */
export interface ReadCopy {
  readonly status: 'read';
  readonly fileName: string;
  readonly organisation: string;
  readonly period: string;
  readonly responses: readonly ResponseRow[];
  readonly warnings: readonly string[];
  readonly mappedFrom: { readonly title: string; readonly version: string } | null;
}

export function readCopy(
  bytes: Uint8Array,
  fileName: string,
  framework: Framework,
  mappings: readonly Mapping[],
): ReadCopy | Refusal<AssessmentFileRefusal | 'other-framework'> {
  const read = readAssessmentFile(bytes, fileName, knownBeside(framework), {
    loadFramework,
    describeProblem,
  });
  if (read.status === 'refused') return read;
  return placeCopy(read, framework, mappings);
}

/** The frameworks a copy may name: this workbook's, then every bundled one. */
export function knownBeside(framework: Framework): readonly Framework[] {
  return [framework, ...Object.values(bundledFrameworks)];
}

/** A copy already read (by whichever reader) placed on this workbook's framework. */
export function placeCopy(
  read: AssessmentFile,
  framework: Framework,
  mappings: readonly Mapping[],
): ReadCopy | Refusal<'other-framework'> {
  const fileName = read.fileName;
  const theirs = read.framework;
  const mapped = matchCriteria(theirs, framework, mappings);
  if ('reason' in mapped) {
    return refuse(
      'other-framework',
      `${fileName} was made from ${theirs.title} (version ${theirs.version}); this workbook uses ${framework.title} (version ${framework.version}), and ${mapped.reason} ` +
        'Upgrade one of the two (Maintain) so both use the same version, then combine.',
      [fileName],
    );
  }
  return {
    status: 'read',
    fileName,
    organisation: String(read.assessment.organisation),
    period: String(read.assessment.period),
    responses: mapped.mapping
      ? rowsThroughMapping(theirs, framework, read.assessment.responses, mapped.pairs)
      : read.assessment.responses,
    warnings: read.warnings,
    mappedFrom: mapped.mapping ? { title: theirs.title, version: theirs.version } : null,
  };
}
