/** The Set up form's reducer: each row is the state before, what happened, and the state after. */
import leadershipJson from '../../framework/eqfsh-leadership-revision.json';
import { bundledFrameworks, loadFramework, type Framework } from '../../src/domain/index';
import type { OwnFile } from '../../src/taskpane/views/setupForm';
import {
  initialSetupState,
  setupReducer,
  type SetupAction,
  type SetupState,
} from '../../src/taskpane/views/setupReducer';

const bundled = bundledFrameworks;
const START = initialSetupState(bundled);

/** A framework whose scale runs 0 to 2 with 2 as its met threshold, so a threshold of 3 or 4 is off it. */
const SHORT_SCALE: Framework = {
  ...bundled.draft2009,
  ratingScale: {
    ...bundled.draft2009.ratingScale,
    points: [
      { value: 0, label: 'Not started' },
      { value: 1, label: 'Partly' },
      { value: 2, label: 'Done' },
    ],
  },
  levelRule: { ...bundled.draft2009.levelRule, metThreshold: 2 },
};
const shortChoices = { ...bundled, leadershipRevision: SHORT_SCALE };

const leadershipLoad = loadFramework(leadershipJson, 'leadership.json');
const GOOD_FILE: OwnFile = { fileName: 'ours.json', result: leadershipLoad };
const SHORT_FILE: OwnFile = { fileName: 'short.json', result: { ok: true, framework: SHORT_SCALE } };
const BAD_FILE: OwnFile = {
  fileName: 'bad.json',
  result: { ok: false, problems: [] },
};

function withValues(patch: Partial<SetupState['values']>, rest: Partial<SetupState> = {}): SetupState {
  return { ...START, ...rest, values: { ...START.values, ...patch } };
}

describe('initialSetupState', () => {
  it('is an empty form on the 2009 draft with its own level rule, nothing checked, Generate not begun', () => {
    const rule = bundled.draft2009.levelRule;
    expect(START).toEqual({
      values: {
        organisation: '',
        period: '',
        choice: 'draft2009',
        ownFile: null,
        threshold: String(rule.metThreshold),
        sharePercent: String(rule.requiredShare * 100),
      },
      errors: {},
      planProblems: [],
      step: 'building',
    });
  });
});

describe('setupReducer', () => {
  const rows: [string, SetupState, SetupAction, SetupState][] = [
    [
      'typing the organisation keeps it as typed, spaces and all',
      START,
      { type: 'typed', field: 'organisation', value: ' Riverside Homes ' },
      withValues({ organisation: ' Riverside Homes ' }),
    ],
    [
      'typing the period',
      START,
      { type: 'typed', field: 'period', value: '2026/27' },
      withValues({ period: '2026/27' }),
    ],
    [
      'picking a threshold',
      START,
      { type: 'typed', field: 'threshold', value: '2' },
      withValues({ threshold: '2' }),
    ],
    [
      'typing a share that is not a number keeps it, for the check to name',
      START,
      { type: 'typed', field: 'sharePercent', value: 'eighty' },
      withValues({ sharePercent: 'eighty' }),
    ],
    [
      'typing leaves the last check’s messages until the next check',
      withValues({}, { errors: { period: 'Enter the period.' } }),
      { type: 'typed', field: 'period', value: '2026' },
      withValues({ period: '2026' }, { errors: { period: 'Enter the period.' } }),
    ],
    [
      'choosing another bundled framework on the same scale keeps the chosen threshold',
      withValues({ threshold: '2' }),
      { type: 'frameworkChosen', choice: 'leadershipRevision', bundled },
      withValues({ threshold: '2', choice: 'leadershipRevision' }),
    ],
    [
      'choosing a framework whose scale lacks the threshold takes its default threshold',
      withValues({ threshold: '4' }),
      { type: 'frameworkChosen', choice: 'leadershipRevision', bundled: shortChoices },
      withValues({ threshold: '2', choice: 'leadershipRevision' }),
    ],
    [
      'choosing a threshold that is on the new scale keeps it',
      withValues({ threshold: '1' }),
      { type: 'frameworkChosen', choice: 'leadershipRevision', bundled: shortChoices },
      withValues({ threshold: '1', choice: 'leadershipRevision' }),
    ],
    [
      'choosing own file with no file yet leaves the threshold alone',
      withValues({ threshold: '4' }),
      { type: 'frameworkChosen', choice: 'own', bundled },
      withValues({ threshold: '4', choice: 'own' }),
    ],
    [
      'choosing own file again keeps the file already read',
      withValues({ choice: 'own', ownFile: GOOD_FILE }),
      { type: 'frameworkChosen', choice: 'own', bundled },
      withValues({ choice: 'own', ownFile: GOOD_FILE }),
    ],
    [
      'going back to a bundled framework drops the file read',
      withValues({ choice: 'own', ownFile: GOOD_FILE }),
      { type: 'frameworkChosen', choice: 'draft2009', bundled },
      withValues({ choice: 'draft2009', ownFile: null }),
    ],
    [
      'reading a good file on the same scale keeps the threshold',
      withValues({ choice: 'own', threshold: '2' }),
      { type: 'ownFileRead', file: GOOD_FILE },
      withValues({ choice: 'own', threshold: '2', ownFile: GOOD_FILE }),
    ],
    [
      'reading a good file whose scale lacks the threshold takes its default',
      withValues({ choice: 'own', threshold: '3' }),
      { type: 'ownFileRead', file: SHORT_FILE },
      withValues({ choice: 'own', threshold: '2', ownFile: SHORT_FILE }),
    ],
    [
      'reading a file with problems keeps it (for its messages) and leaves the threshold',
      withValues({ choice: 'own', threshold: '4' }),
      { type: 'ownFileRead', file: BAD_FILE },
      withValues({ choice: 'own', threshold: '4', ownFile: BAD_FILE }),
    ],
    [
      'clearing the file',
      withValues({ choice: 'own', ownFile: GOOD_FILE }),
      { type: 'ownFileRead', file: null },
      withValues({ choice: 'own', ownFile: null }),
    ],
    [
      'a check replaces the last messages and clears the plan’s problems',
      withValues({}, { errors: { period: 'old' }, planProblems: ['Too many rows'] }),
      { type: 'checked', errors: { organisation: 'Enter your organisation’s name.' } },
      withValues({}, { errors: { organisation: 'Enter your organisation’s name.' }, planProblems: [] }),
    ],
    [
      'a clean check clears every message',
      withValues({}, { errors: { period: 'old' } }),
      { type: 'checked', errors: {} },
      withValues({}, { errors: {} }),
    ],
    [
      'a refused plan lists its problems',
      START,
      { type: 'planRefused', problems: ['Sheet name too long'] },
      withValues({}, { planProblems: ['Sheet name too long'] }),
    ],
    [
      'Generate starting goes back to preparing',
      withValues({}, { step: 'done' }),
      { type: 'generateStarted' },
      withValues({}, { step: 'building' }),
    ],
    [
      'Generate reporting a step',
      START,
      { type: 'generateProgressed', step: 'writing' },
      withValues({}, { step: 'writing' }),
    ],
  ];

  it.each(rows)('%s', (_, before, action, after) => {
    const frozen = JSON.stringify(before);
    expect(setupReducer(before, action)).toEqual(after);
    // The state before is never changed: React compares states by identity.
    expect(JSON.stringify(before)).toBe(frozen);
  });
});
