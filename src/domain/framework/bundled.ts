/**
 * The framework files shipped with the add-in, loaded through the same checks as any other file.
 * A bundled file that fails them is a mistake in this repository, not in the user's hands, so it
 * throws at start-up (and in the tests) instead of being offered to the user.
 */
import draft2009 from '../../../framework/eqfsh-2009-draft.json';
import leadershipRevision from '../../../framework/eqfsh-leadership-revision.json';
import { combineFrameworks, type CombinedIdentity } from './combined';
import { loadFramework, type LoadResult } from './loader';
import { describeProblem } from './problems';
import type { Framework } from './types';

export const BUNDLED_FRAMEWORK_FILES = {
  draft2009: 'framework/eqfsh-2009-draft.json',
  leadershipRevision: 'framework/eqfsh-leadership-revision.json',
} as const;

export class BundledFrameworkError extends Error {
  override readonly name = 'BundledFrameworkError';
  constructor(fileName: string, details: readonly string[]) {
    super(`The bundled framework file ${fileName} is broken:\n${details.join('\n')}`);
  }
}

function loadBundled(json: unknown, fileName: string): Framework {
  return checked(loadFramework(json, fileName), fileName);
}

function checked(result: LoadResult, fileName: string): Framework {
  if (!result.ok) throw new BundledFrameworkError(fileName, result.problems.map(describeProblem));
  return result.framework;
}

/** The draft's four other areas with the revision's Leadership area (combined.ts). */
export const DRAFT_WITH_REVISED_LEADERSHIP: CombinedIdentity & { readonly area: number } = {
  version: '2009-draft-revised-leadership',
  title: 'Equality Framework for Social Housing: 2009 draft with the revised Leadership area',
  area: 2,
};

const draft = loadBundled(draft2009, BUNDLED_FRAMEWORK_FILES.draft2009);
const revision = loadBundled(leadershipRevision, BUNDLED_FRAMEWORK_FILES.leadershipRevision);

export const bundledFrameworks: {
  /** The 2009 consultation draft: all five areas, with the text the source lacks marked absent. */
  readonly draft2009: Framework;
  /** The later revision of the Leadership area only. */
  readonly leadershipRevision: Framework;
  /** The draft's areas 1, 3, 4 and 5 with the revision's Leadership area, composed from the two files. */
  readonly draftWithRevisedLeadership: Framework;
} = {
  draft2009: draft,
  leadershipRevision: revision,
  draftWithRevisedLeadership: checked(
    combineFrameworks(draft, revision, DRAFT_WITH_REVISED_LEADERSHIP.area, DRAFT_WITH_REVISED_LEADERSHIP),
    `${BUNDLED_FRAMEWORK_FILES.draft2009} with area ${DRAFT_WITH_REVISED_LEADERSHIP.area} of ${BUNDLED_FRAMEWORK_FILES.leadershipRevision}`,
  ),
};
