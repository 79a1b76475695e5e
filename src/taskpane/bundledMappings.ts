/**
 * The mappings between framework versions shipped with the add-in, loaded through the same checks
 * as any other mapping file, against the bundled frameworks at both ends. A bundled mapping that
 * fails them is a mistake in this repository, so it throws (the engine chunk then fails to load
 * and the pane says so) rather than offering an upgrade that would misplace responses.
 */
import draftToRevision from '../../framework/mapping-draft-to-leadership-revision.json';
import { bundledFrameworks, describeProblem, loadMapping, type Mapping } from '../domain/index';

const FILE = 'framework/mapping-draft-to-leadership-revision.json';

function load(): Mapping {
  const result = loadMapping(draftToRevision, FILE, {
    from: bundledFrameworks.draft2009,
    to: bundledFrameworks.leadershipRevision,
  });
  if (!result.ok) {
    throw new Error(
      `The bundled mapping ${FILE} is broken:\n${result.problems.map(describeProblem).join('\n')}`,
    );
  }
  return result.mapping;
}

export const bundledMappings: readonly Mapping[] = [load()];
