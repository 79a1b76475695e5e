/** The Set up form's checks: each field's message, and the settings handed to buildPlan. */
import leadershipJson from '../../framework/eqfsh-leadership-revision.json';
import { bundledFrameworks, loadFramework } from '../../src/domain/index';
import {
  chosenFramework,
  parsePercent,
  validateSetup,
  type SetupValues,
} from '../../src/taskpane/views/setupForm';

const bundled = bundledFrameworks;

const VALID: SetupValues = {
  organisation: '  Riverside Homes ',
  period: '2026/27',
  choice: 'draft2009',
  ownFile: null,
  threshold: '3',
  sharePercent: '80',
};

function validate(values: Partial<SetupValues>) {
  const all = { ...VALID, ...values };
  return validateSetup(all, chosenFramework(all, bundled));
}

describe('parsePercent', () => {
  it.each([
    ['80', 80],
    [' 87.5 ', 87.5],
    ['100%', 100],
    ['1', 1],
  ])('reads %j as %d', (text, expected) => expect(parsePercent(text)).toBe(expected));

  it.each(['', 'abc', '-5', '1e2', '80 percent', '.5'])('rejects %j', (text) =>
    expect(parsePercent(text)).toBeNaN(),
  );
});

describe('validateSetup', () => {
  it('turns valid values into plan settings, trimmed, with the share as a fraction', () => {
    expect(validate({})).toEqual({
      errors: {},
      settings: { organisation: 'Riverside Homes', period: '2026/27', metThreshold: 3, requiredShare: 0.8 },
    });
  });

  it('asks for the organisation and the period', () => {
    const { errors, settings } = validate({ organisation: ' ', period: '' });
    expect(settings).toBeNull();
    expect(errors.organisation).toMatch(/organisation’s name/);
    expect(errors.period).toMatch(/for example 2026\/27/);
  });

  it.each(['0', '0.5', '101', 'all', ''])(
    'refuses a required share of %j with the range it expects',
    (share) => {
      const { errors, settings } = validate({ sharePercent: share });
      expect(settings).toBeNull();
      expect(errors.sharePercent).toMatch(/from 1 to 100/);
      expect(errors.sharePercent).toContain(`"${share}"`);
    },
  );

  it('accepts the edges 1 and 100', () => {
    expect(validate({ sharePercent: '1' }).settings?.requiredShare).toBe(0.01);
    expect(validate({ sharePercent: '100' }).settings?.requiredShare).toBe(1);
  });

  it('refuses a threshold that is not on the framework’s scale, listing the scale', () => {
    const { errors } = validate({ threshold: '7' });
    expect(errors.threshold).toBe('Choose one of the ratings 1, 2, 3, 4.');
  });

  it('asks for a file when "own file" is chosen and none is loaded', () => {
    const { errors, settings } = validate({ choice: 'own', ownFile: null });
    expect(settings).toBeNull();
    expect(errors.framework).toMatch(/Choose your framework file/);
  });

  it('refuses an own file that has problems, and uses one that loaded', () => {
    const broken = { fileName: 'ours.json', result: loadFramework('{', 'ours.json') };
    expect(validate({ choice: 'own', ownFile: broken }).errors.framework).toMatch(/has problems/);

    const good = {
      fileName: 'ours.json',
      result: loadFramework(leadershipJson, 'ours.json'),
    };
    const all = { ...VALID, choice: 'own' as const, ownFile: good };
    expect(chosenFramework(all, bundled)?.version).toBe('leadership-revision');
    expect(validate({ choice: 'own', ownFile: good }).settings).not.toBeNull();
  });

  it('offers the 2009 draft with the revised Leadership area as a bundled choice', () => {
    const combined = chosenFramework({ choice: 'draftWithRevisedLeadership', ownFile: null }, bundled);
    expect(combined?.version).toBe('2009-draft-revised-leadership');
    expect(validate({ choice: 'draftWithRevisedLeadership' }).settings).not.toBeNull();
  });
});
