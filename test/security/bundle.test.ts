/**
 * The production build, inspected for anything that could reach outside the pane: remote URLs
 * not on an explicit allow-list, code that evaluates strings, network and storage APIs,
 * analytics, web fonts; and the pages' Content-Security-Policy, read from the built HTML and then
 * enforced by Chromium on the built page (with Office.js stubbed) and on the help page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser/harness';
import { serveFolder, type StaticServer } from '../browser/staticServer';
import { parseManifest, descendants } from '../manifest/manifestXml';
import {
  allowedBy,
  forbiddenCode,
  forbiddenNames,
  hashSource,
  metaPolicy,
  pageParts,
  unexpectedUrls,
  webFonts,
  withoutMetaPolicy,
  type Policy,
} from './bundleScan';
import {
  SHARED_PUBLIC_URL,
  sharedProductionBuild,
  WAIT_FOR_BUILD_MS,
  type SharedBuild,
} from '../setup/sharedBuild';
import { allFiles, webpackBuild } from './productionBuild';

// A development build and a headless Chromium (the production build is waited for in beforeAll).
jest.setTimeout(180_000);

const PUBLIC_URL = SHARED_PUBLIC_URL;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The task pane's policy, directive by directive; SECURITY.md explains each. */
const TASKPANE_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': [
    "'self'",
    'https://appsforoffice.microsoft.com',
    'https://officeapis.public.onecdn.static.microsoft',
    'https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js',
  ],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

let build: SharedBuild;
const text = (file: string) => readFileSync(join(build.out, file), 'utf8');
/**
 * The files a browser may load and run or show: everything but the manifest, which only Office
 * reads, the icons and the assessment workbook (.xlsx, a zip file offered for download).
 */
const served = () =>
  allFiles(build.out).filter((f) => f !== 'manifest.xml' && !f.endsWith('.png') && !f.endsWith('.xlsx'));

// The production build is shared with the other files that read it (test/setup/sharedBuild.ts).
beforeAll(async () => {
  build = await sharedProductionBuild();
}, WAIT_FOR_BUILD_MS);

describe('the production bundle and pages', () => {
  it('hold no remote URL that is not on the allow-list', () => {
    const files = served();
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(0);
    // The hosts in the pages' policies are checked by the exact-policy tests below.
    const scanned = (f: string) => (f.endsWith('.html') ? withoutMetaPolicy(text(f)) : text(f));
    expect(files.flatMap((f) => unexpectedUrls(f, scanned(f)))).toEqual([]);
  });

  it('name no remote address in the manifest but the production URL (namespace names aside)', () => {
    const root = parseManifest(text('manifest.xml'));
    const values = descendants(root).flatMap((e) => [
      ...Object.entries(e.attributes)
        // xmlns and xsi:type values are XML names, not addresses; Office never fetches them.
        .filter(([name]) => name !== 'xmlns' && !name.startsWith('xmlns:') && name !== 'xsi:type')
        .map(([, value]) => value),
      e.text,
    ]);
    const urls = values.flatMap((v) => v.match(/[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi) ?? []);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith(PUBLIC_URL))).toEqual([]);
  });

  it('evaluate no strings as code and start no workers (known, explained cases aside)', () => {
    expect(served().flatMap((f) => forbiddenCode(f, text(f)))).toEqual([]);
  });

  it('use no network or storage API and no analytics', () => {
    expect(served().flatMap((f) => forbiddenNames(f, text(f)))).toEqual([]);
  });

  it('load no web fonts', () => {
    expect(allFiles(build.out).filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f))).toEqual([]);
    expect(served().flatMap((f) => webFonts(f, text(f)))).toEqual([]);
  });
});

describe("taskpane.html's Content-Security-Policy", () => {
  const page = () => text('taskpane.html');
  const policy = (): Policy => {
    const found = metaPolicy(page());
    if (!found) throw new Error('taskpane.html has no <meta http-equiv="Content-Security-Policy">');
    return found.policy;
  };

  it('is exactly the documented policy', () => {
    expect(Object.fromEntries(policy())).toEqual(TASKPANE_POLICY);
  });

  it('comes before every script, style and stylesheet, so it governs them all', () => {
    const html = page();
    const at = metaPolicy(html)?.index ?? Infinity;
    const parts = pageParts(html);
    const firstResource = Math.min(
      ...parts.scripts.map((s) => s.index),
      ...parts.inlineStyles.map((s) => s.index),
      html.search(/<link\b/i) === -1 ? Infinity : html.search(/<link\b/i),
    );
    expect(at).toBeLessThan(firstResource);
  });

  it('allows every script the page loads, and the page has no inline script or handler', () => {
    const parts = pageParts(page());
    const sources = policy().get('script-src') ?? [];
    const srcs = parts.scripts.map((s) => s.src);
    expect(srcs).toContain(OFFICE_JS);
    expect(srcs.filter((src) => src === null)).toEqual([]);
    expect(srcs.filter((src) => src !== null && !allowedBy(sources, src, 'https://example.test'))).toEqual(
      [],
    );
    expect(parts.inlineAttributes).toEqual([]);
  });

  it('allows no eval, no inline script and no wildcard host anywhere', () => {
    const all = [...policy().values()].flat();
    expect(all.filter((s) => s === "'unsafe-eval'" || s === "'wasm-unsafe-eval'")).toEqual([]);
    expect(all.filter((s) => s.includes('*') || s === 'https:' || s === 'data:' || s === 'blob:')).toEqual(
      [],
    );
    expect(policy().get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('has no development-server socket in a build (only `webpack serve` adds one)', () => {
    expect(page()).not.toMatch(/wss?:\/\//);
  });
});

describe("help.html's Content-Security-Policy", () => {
  it('allows nothing but its own style element, by hash', () => {
    const html = text('help.html');
    const found = metaPolicy(html);
    expect(found?.policy.get('default-src')).toEqual(["'none'"]);
    const parts = pageParts(html);
    expect(parts.scripts).toEqual([]);
    expect(parts.inlineStyles.length).toBeGreaterThan(0);
    const styleSources = found?.policy.get('style-src') ?? [];
    // If this fails after editing the page's style, put the hash it names into help.html's policy.
    expect(
      parts.inlineStyles.map((s) => hashSource(s.text)).filter((h) => !styleSources.includes(h)),
    ).toEqual([]);
  });
});

describe('the development build', () => {
  // Slow: a whole development build of its own (about a minute on two cores from a fresh clone,
  // with Babel's cache empty and Griffel's loader compiling every style); the production build is
  // shared between files, this one is needed by this test alone.
  it('evaluates no strings either, so `npm run dev-server` works under the same policy', () => {
    const dev = webpackBuild('development');
    try {
      const scripts = allFiles(dev.out).filter((f) => f.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(0);
      const evals = scripts.flatMap((f) =>
        forbiddenCode(f, readFileSync(join(dev.out, f), 'utf8')).filter((x) => /^eval\b/.test(x.found)),
      );
      expect(evals).toEqual([]);
    } finally {
      dev.remove();
    }
  });
});

/** Stands in for Office.js: enough for index.tsx to render the pane (ExcelApi 1.9, light theme). */
const OFFICE_STUB = `
window.Office = {
  HostType: { Excel: 'Excel' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS' },
  context: {
    platform: 'PC',
    requirements: { isSetSupported: function () { return true; } },
    officeTheme: { bodyBackgroundColor: '#ffffff' },
  },
  onReady: function (callback) {
    var info = { host: 'Excel', platform: 'PC' };
    return Promise.resolve().then(function () { if (callback) callback(info); return info; });
  },
};
window.Excel = { run: function () { return Promise.reject(new Error('Excel is stubbed in this test')); } };
`;

describe('in Chromium, under the built policies', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveFolder(build.out);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Opens a page, recording the policy violations it reports, the scripts it runs and every
   * request that would leave the add-in's server (Office.js is answered by the stub instead).
   */
  async function open(
    file: string,
  ): Promise<{ page: Page; violations: string[]; remote: string[]; scripts: string[] }> {
    const page = await browser.newPage();
    const violations: string[] = [];
    const remote: string[] = [];
    const scripts: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.route(
      (url) => !url.href.startsWith(server.url),
      async (route) => {
        const url = route.request().url();
        if (url === OFFICE_JS) {
          await route.fulfill({ contentType: 'text/javascript', body: OFFICE_STUB });
          return;
        }
        remote.push(url);
        await route.abort();
      },
    );
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
        void report(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
    });
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(new URL(response.url()).pathname.slice(1));
    });
    await page.goto(`${server.url}${file}`);
    return { page, violations, remote, scripts };
  }

  it('every script of the production pane runs, styled, with no violation and no remote request but Office.js', async () => {
    const { page, violations, remote, scripts } = await open('taskpane.html');
    try {
      await page.getByRole('heading', { name: 'Equality Self-Assessment' }).waitFor();
      // The engine (zod, the bundled frameworks) loads after the first view: wait until it has.
      await page.waitForLoadState('networkidle');
      const built = allFiles(build.out).filter((f) => f.endsWith('.js'));
      // Chunks loaded only on demand (the report, the .xlsx writer) are loaded here the way
      // webpack loads them, a script element from the pane's own origin, so the policy is
      // proved to let each of them run too.
      const lazy = built.filter((f) => !scripts.includes(f));
      for (const file of lazy) {
        await page.evaluate(
          (src) =>
            new Promise<void>((resolve, reject) => {
              const script = document.createElement('script');
              script.src = src;
              script.onload = () => resolve();
              script.onerror = () => reject(new Error(`${src} did not load`));
              document.head.appendChild(script);
            }),
          file,
        );
      }
      await page.waitForLoadState('networkidle');
      expect(built.filter((f) => !scripts.includes(f))).toEqual([]);
      // Griffel's styles arrived: the header has the border the pane's makeStyles gives it.
      const border = await page.locator('header').evaluate((el) => getComputedStyle(el).borderBottomStyle);
      expect(border).toBe('solid');
      expect(violations).toEqual([]);
      expect(remote).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the help page shows its style, with no violation and no remote request', async () => {
    const { page, violations, remote } = await open('help.html');
    try {
      await page.getByRole('heading', { level: 1 }).waitFor();
      const maxWidth = await page.locator('body').evaluate((el) => getComputedStyle(el).maxWidth);
      expect(maxWidth).toBe('640px');
      expect(violations).toEqual([]);
      expect(remote).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
