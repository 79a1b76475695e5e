/**
 * The framework files shipped with the add-in, loaded through the same checks as any other file.
 * A bundled file that fails them is a mistake in this repository, not in the user's hands, so it
 * throws at start-up (and in the tests) instead of being offered to the user.
 */
import draft2009 from '../../../framework/eqfsh-2009-draft.json';
import leadershipRevision from '../../../framework/eqfsh-leadership-revision.json';
import { loadFramework } from './loader';
import { describeProblem } from './problems';
import type { Framework } from './types';

export class BundledFrameworkError extends Error {
  override readonly name = 'BundledFrameworkError';
  constructor(fileName: string, details: readonly string[]) {
    super(`The bundled framework file ${fileName} is broken:\n${details.join('\n')}`);
  }
}

function loadBundled(json: unknown, fileName: string): Framework {
  const result = loadFramework(json, fileName);
  if (!result.ok) throw new BundledFrameworkError(fileName, result.problems.map(describeProblem));
  return result.framework;
}

export const BUNDLED_FRAMEWORK_FILES = {
  draft2009: 'framework/eqfsh-2009-draft.json',
  leadershipRevision: 'framework/eqfsh-leadership-revision.json',
} as const;

export const bundledFrameworks: {
  /** The 2009 consultation draft: all five areas, with the text the source lacks marked absent. */
  readonly draft2009: Framework;
  /** The later revision of the Leadership area only. */
  readonly leadershipRevision: Framework;
} = {
  draft2009: loadBundled(draft2009, BUNDLED_FRAMEWORK_FILES.draft2009),
  leadershipRevision: loadBundled(leadershipRevision, BUNDLED_FRAMEWORK_FILES.leadershipRevision),
};
