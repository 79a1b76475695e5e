/**
 * The ExcelApi requirement set of each member the fake models, from the `[Api set: ...]` tags of
 * @types/office-js (apiSets.generated.json, written by `npm run api-sets`; a test keeps it equal
 * to the installed typings). The context refuses a queued operation whose member is newer than the
 * simulated host with ApiNotFound, as Excel does, so a call the product makes without a
 * requirement-set gate fails in the tests at the manifest's minimum set.
 */
import generated from './apiSets.generated.json';
import { versionAtLeast } from './versions';

interface MemberSet {
  readonly since: string;
  readonly write?: string;
}

const TABLE = generated as unknown as Readonly<Record<string, Readonly<Record<string, MemberSet>>>>;

/** The set a member needs, for reading (or calling) or for writing; undefined when the table has no entry. */
export function memberSet(
  type: string,
  member: string,
  access: 'read' | 'write' = 'read',
): string | undefined {
  const entry = TABLE[type]?.[member];
  if (!entry) return undefined;
  return access === 'write' ? (entry.write ?? entry.since) : entry.since;
}

/** The newest of several sets (undefined ones ignored). */
export function newestSet(...sets: (string | undefined)[]): string | undefined {
  return sets.reduce<string | undefined>(
    (newest, set) =>
      set === undefined || (newest !== undefined && versionAtLeast(newest, set)) ? newest : set,
    undefined,
  );
}

/**
 * What a queued operation on an object of Excel type `type` needs: 'set name' writes a property,
 * 'load' reads each named property (the first step of a path), anything else calls a method
 * ('getCount(true)' is the method getCount).
 */
export function operationSet(type: string, action: string, args: unknown): string | undefined {
  if (action.startsWith('set ')) return memberSet(type, action.slice(4), 'write');
  if (action === 'load') {
    const names = Array.isArray(args) ? args.filter((a): a is string => typeof a === 'string') : [];
    return newestSet(...names.map((name) => memberSet(type, name.split('/')[0] ?? name)));
  }
  return memberSet(type, action.split('(')[0]?.trim() ?? action);
}

/** The newest set among the options passed in an options object (WorksheetProtectionOptions and the like). */
export function optionsSet(type: string, options: object | undefined): string | undefined {
  return newestSet(...Object.keys(options ?? {}).map((key) => memberSet(type, key)));
}
