/**
 * The mappings between framework versions shipped with the add-in, loaded through the same checks
 * as any other mapping file, against the bundled frameworks at both ends. A bundled mapping that
 * fails them is a mistake in this repository, so it throws (the engine chunk then fails to load
 * and the pane says so) rather than offering an upgrade that would misplace responses.
 *
 * The mappings onto the combined framework (the draft with the revised Leadership area) are
 * derived from the draft-to-revision file, not written out again (combinedMapping.ts).
 */
import draftToRevision from '../../framework/mapping-draft-to-leadership-revision.json';
import {
  baseToCombined,
  bundledFrameworks,
  describeProblem,
  DRAFT_WITH_REVISED_LEADERSHIP,
  loadMapping,
  revisionToCombined,
  type Framework,
  type Mapping,
} from '../domain/index';

const FILE = 'framework/mapping-draft-to-leadership-revision.json';

function load(input: unknown, name: string, from: Framework, to: Framework): Mapping {
  const result = loadMapping(input, name, { from, to });
  if (!result.ok) {
    throw new Error(
      `The bundled mapping ${name} is broken:\n${result.problems.map(describeProblem).join('\n')}`,
    );
  }
  return result.mapping;
}

const { draft2009, leadershipRevision, draftWithRevisedLeadership: combined } = bundledFrameworks;
const area = DRAFT_WITH_REVISED_LEADERSHIP.area;
const draftToLeadership = load(draftToRevision, FILE, draft2009, leadershipRevision);

export const bundledMappings: readonly Mapping[] = [
  draftToLeadership,
  load(
    baseToCombined(draft2009, combined, area, draftToLeadership),
    `the draft-to-combined mapping (derived from ${FILE})`,
    draft2009,
    combined,
  ),
  load(
    revisionToCombined(leadershipRevision, combined, area),
    'the revision-to-combined mapping',
    leadershipRevision,
    combined,
  ),
];
