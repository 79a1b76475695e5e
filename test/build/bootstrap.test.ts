/**
 * The bootstrap (src/taskpane/bootstrap.js and the message it loads, bootstrapMessage.js) must run
 * in every webview Office uses, Internet Explorer 11 included: ES5 syntax and no API that Internet
 * Explorer 11 lacks. The built, minified copies are checked the same way in build.test.ts; what
 * they show is checked in Chromium (test/browser/unsupported.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ie11MissingApis, ROOT, syntaxProblem } from './syntax';

describe.each(['bootstrap.js', 'bootstrapMessage.js'])('the bootstrap source %s', (file) => {
  const source = readFileSync(join(ROOT, 'src', 'taskpane', file), 'utf8');

  it('parses as ES5', () => {
    expect(syntaxProblem(source, 5)).toBeNull();
  });

  it('uses no API that Internet Explorer 11 lacks (feature checks under typeof aside)', () => {
    expect(ie11MissingApis(source)).toEqual([]);
  });

  it('does not turn text into HTML', () => {
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});

describe('the Internet Explorer 11 API check', () => {
  it.each([
    ['Promise.resolve(1);', 'Promise'],
    ['fetch("x");', 'fetch'],
    ['var a = new Map();', 'Map'],
    ['"abc".includes("b");', '.includes'],
    ['Array.from(list);', '.from'],
    ['Object.assign({}, x);', '.assign'],
    ['node.remove();', '.remove'],
    ['document.currentScript.src;', '.currentScript'],
  ])('finds %s', (code, name) => {
    expect(ie11MissingApis(code).map((f) => f.split(' at ')[0])).toContain(name);
  });

  it('allows feature checks and property names that only share a name', () => {
    expect(
      ie11MissingApis(
        'var ok = typeof Promise !== "undefined" && typeof Promise.any === "function" && ' +
          'typeof String.prototype.replaceAll === "function"; var o = { Promise: 1 }; o.Promise = 2;',
      ),
    ).toEqual([]);
  });
});
