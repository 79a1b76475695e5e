/**
 * The browsers the bundle is built for (package.json's browserslist) and the language level it is
 * checked at (package.json's config.ecma_version) agree: every browser on the list parses that
 * level. test/build/build.test.ts then parses every built chunk at the level.
 */
import { browserQueries, browsersBelow, declaredLevel, resolvedBrowsers, syntaxProblem } from './syntax';

describe('the declared browser targets', () => {
  it('are the webviews that can run React 18 and Fluent UI v9, down to Safari 14', () => {
    expect(browserQueries().length).toBeGreaterThan(0);
    const browsers = resolvedBrowsers();
    // Excel for Mac on macOS 11 (Safari 14) is the oldest webview the pane supports.
    expect(browsers).toContain('safari 14');
    expect(browsers.filter((b) => b.startsWith('ios_saf 14.'))).not.toEqual([]);
    expect(browsers.filter((b) => b.startsWith('chrome '))).not.toEqual([]);
    expect(browsers.filter((b) => b.startsWith('edge '))).not.toEqual([]);
    // Internet Explorer and EdgeHTML cannot run React 18 or Fluent UI v9: the bootstrap's message covers them.
    expect(browsers.filter((b) => /^ie |^edge (1[2-8])$/.test(b))).toEqual([]);
  });

  it('all parse the language level declared beside them', () => {
    const level = declaredLevel();
    expect(browsersBelow(level, resolvedBrowsers())).toEqual([]);
  });

  it('would be refused if a browser below the level were added', () => {
    expect(browsersBelow(2021, ['safari 13.1', 'chrome 90', 'ie 11'])).toEqual(['safari 13.1', 'ie 11']);
    expect(browsersBelow(2022, ['safari 14', 'ios_saf 16.4-16.7'])).toEqual(['safari 14']);
  });
});

describe('the syntax check', () => {
  it('accepts code at the level', () => {
    expect(syntaxProblem('var a = b?.c ?? d; a ||= 1;', 2021)).toBeNull();
  });

  it.each([
    ['a class static block', 'class A { static { init(); } }'],
    ['a class field', 'class A { x = 1; }'],
    ['a private method', 'class A { #m() {} }'],
  ])('refuses %s above ES2021', (_name, code) => {
    expect(syntaxProblem(code, 2021)).toMatch(/Unexpected|Unterminated|Class fields/);
  });

  it('refuses optional chaining at ES5 and ES2019', () => {
    expect(syntaxProblem('a?.b', 5)).not.toBeNull();
    expect(syntaxProblem('a?.b', 2019)).not.toBeNull();
  });

  it('refuses regular expression lookbehind, which Safari before 16.4 cannot parse', () => {
    expect(syntaxProblem('var r = /(?<=\\$)\\d+/;', 2021)).toMatch(/lookbehind/);
    expect(syntaxProblem('var r = /(?<!x)y/g;', 2021)).toMatch(/lookbehind/);
    expect(syntaxProblem('var r = /(?<name>x)/;', 2021)).toBeNull();
  });
});
