/**
 * What the repository itself must never hold or do: keys, certificates and secrets in any file git
 * would commit; a manifest asking for more than the add-in needs; and task pane code that turns
 * text into HTML.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { descendants, readManifest } from '../manifest/manifestXml';

const ROOT = join(__dirname, '..', '..');

/** Tracked files, plus new files git would add (not ignored): a key must be caught before commit. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // A tracked file deleted in the working tree is listed but cannot be read: skip it.
  return [...new Set(out.split('\0').filter((f) => f !== ''))].filter(
    (f) => statSync(join(ROOT, f), { throwIfNoEntry: false })?.isFile() === true,
  );
}

/** File names that hold keys or certificates whatever their content. */
const SECRET_FILE =
  /\.(pem|key|crt|cer|der|pfx|p12|p7b|jks|keystore|snk|ppk|kdbx)$|(^|\/)(id_rsa|id_dsa|id_ecdsa|id_ed25519)(\.pub)?$|(^|\/)\.env(\.|$)|(^|\/)\.npmrc$/i;

/**
 * Content that is a secret. Written so that this file does not match itself: each pattern needs
 * more than the words here (a PEM header needs its dashes on both sides, a token its full length).
 */
const SECRET_CONTENT: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'PEM private key', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/ },
  { name: 'PEM certificate', pattern: /-----BEGIN (TRUSTED )?CERTIFICATE-----/ },
  { name: 'PuTTY private key', pattern: /^PuTTY-User-Key-File-\d+:/m },
  { name: 'AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: 'Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { name: 'Azure storage key', pattern: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/ },
  { name: 'Azure SAS signature', pattern: /[?&]sig=[A-Za-z0-9%]{30,}/ },
  { name: 'password in a URL', pattern: /[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'`]+:[^\s/@"'`]{3,}@/i },
];

/** The repository's one .npmrc holds settings only (legacy-peer-deps), which the test checks. */
const ALLOWED_SECRET_FILES = new Set(['.npmrc']);

/** Files too large to be hand-written config are skipped only when they are lock files. */
const LOCK_FILE = /(^|\/)package-lock\.json$/;

describe('the repository', () => {
  const files = repositoryFiles();

  it('is listed by git (the scan below sees every file a commit would take)', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('manifest.xml');
  });

  it('holds no key, certificate or secret-bearing file by name', () => {
    expect(files.filter((f) => SECRET_FILE.test(f) && !ALLOWED_SECRET_FILES.has(f))).toEqual([]);
  });

  it('has an .npmrc, if any, with no credentials', () => {
    for (const f of files.filter((name) => /(^|\/)\.npmrc$/.test(name))) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      expect({
        file: f,
        credentials: /_auth|_password|authToken|:_authToken|username|email/i.test(text),
      }).toEqual({
        file: f,
        credentials: false,
      });
    }
  });

  it('holds no private key, certificate, token or password in any file', () => {
    const findings: string[] = [];
    for (const f of files) {
      const bytes = readFileSync(join(ROOT, f));
      // Binary files (icons) cannot hold a PEM block or a token as text; a NUL byte marks them.
      if (bytes.subarray(0, 8000).includes(0)) continue;
      const text = bytes.toString('utf8');
      for (const { name, pattern } of SECRET_CONTENT) {
        if (LOCK_FILE.test(f) && name === 'password in a URL') continue;
        if (pattern.test(text)) findings.push(`${f}: ${name}`);
      }
    }
    expect(findings).toEqual([]);
  });

  it.each([
    ['-----BEGIN RSA ' + 'PRIVATE KEY-----\nMIIE...', 'PEM private key'],
    ['-----BEGIN ' + 'PRIVATE KEY-----', 'PEM private key'],
    ['-----BEGIN ' + 'CERTIFICATE-----', 'PEM certificate'],
    ['aws_access_key_id = AKIA' + 'ABCDEFGHIJKLMNOP', 'AWS access key id'],
    ['token: ghp_' + 'a'.repeat(36), 'GitHub token'],
    ['https://user:' + 'hunter2@example.org/', 'password in a URL'],
  ])('recognises a secret in %j', (text, name) => {
    expect(SECRET_CONTENT.filter((s) => s.pattern.test(text)).map((s) => s.name)).toContain(name);
  });

  it.each(['localhost.key', 'certs/ca.crt', 'deploy/addin.pfx', 'x/.env', '.env.local', 'id_rsa'])(
    'recognises %s as a secret-bearing file name',
    (name) => {
      expect(SECRET_FILE.test(name)).toBe(true);
    },
  );
});

describe('the manifest', () => {
  const manifest = readManifest(join(ROOT, 'manifest.xml'));
  const all = descendants(manifest);

  it('asks for ReadWriteDocument, which the Excel API needs, and nothing else', () => {
    // Restricted, ReadDocument and WriteDocument do not allow the Excel JavaScript API's
    // read-modify-write calls and events; SECURITY.md says why no lower level is enough.
    expect(all.filter((e) => e.name === 'Permissions').map((e) => e.text)).toEqual(['ReadWriteDocument']);
  });

  it('trusts no other domain (no AppDomains)', () => {
    expect(all.filter((e) => e.name === 'AppDomains' || e.name === 'AppDomain')).toEqual([]);
  });
});

describe('the task pane source', () => {
  /** Every source file of ours that a browser runs. */
  const sources = () =>
    repositoryFiles().filter((f) => /^src\/.*\.(ts|tsx|js|jsx|html)$/.test(f) && !f.endsWith('.d.ts'));

  it('never turns text into HTML or code', () => {
    const pattern =
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|(?<![\w$.])eval\s*\(|new\s+Function\s*\(/;
    const offending = sources().filter((f) => pattern.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(sources().length).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });

  it('stores nothing outside the workbook and calls no network API', () => {
    const pattern =
      /\b(localStorage|sessionStorage|indexedDB|document\.cookie|XMLHttpRequest|sendBeacon|WebSocket|EventSource|serviceWorker)\b|(?<![\w$.])fetch\s*\(/;
    expect(sources().filter((f) => pattern.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
