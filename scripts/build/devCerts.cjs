/**
 * HTTPS certificates for the development server, without sudo.
 *
 * `office-addin-dev-certs install` generates a CA and a localhost certificate and then needs
 * administrator rights to trust the CA; `getHttpsServerOptions()` throws when that step failed.
 * Here we only GENERATE the files (into ~/.office-addin-dev-certs, where the Office tools look)
 * and serve with them directly. Trusting the CA is left to the developer (see trustInstructions).
 */
const fs = require('node:fs');
const { X509Certificate } = require('node:crypto');
const devCerts = require('office-addin-dev-certs');
const defaults = require('office-addin-dev-certs/lib/defaults');

const FILES = {
  ca: defaults.caCertificatePath,
  cert: defaults.localhostCertificatePath,
  key: defaults.localhostKeyPath,
};

/** Regenerate a day early so a long-running server does not cross the expiry date. */
const MINIMUM_REMAINING_MS = 24 * 60 * 60 * 1000;

function usable() {
  if (!Object.values(FILES).every((file) => fs.existsSync(file))) return false;
  try {
    const expires = Date.parse(new X509Certificate(fs.readFileSync(FILES.cert)).validTo);
    return expires - Date.now() > MINIMUM_REMAINING_MS;
  } catch {
    // An unreadable certificate is as good as a missing one: make new ones.
    return false;
  }
}

/**
 * Reads the certificates, generating them first if missing or about to expire.
 * Returns { ca, cert, key } as buffers and whether they were just generated.
 */
async function ensureDevCertificates() {
  let generated = false;
  if (!usable()) {
    // generateCertificates writes nothing if ca.crt already exists, so clear all three first.
    for (const file of Object.values(FILES)) fs.rmSync(file, { force: true });
    await devCerts.generateCertificates();
    generated = true;
  }
  return {
    generated,
    files: FILES,
    ca: fs.readFileSync(FILES.ca),
    cert: fs.readFileSync(FILES.cert),
    key: fs.readFileSync(FILES.key),
  };
}

function trustInstructions() {
  return [
    `The development server uses a certificate signed by a local CA: ${FILES.ca}`,
    'Excel on the web (and your browser) will refuse https://localhost:3000 until that CA is trusted:',
    '  - Chrome/Edge: Settings > Privacy and security > Security > Manage certificates >',
    '    Authorities (or Trusted Root Certification Authorities) > Import, choose the ca.crt above.',
    '  - Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import.',
    '  - Or with administrator rights: npx office-addin-dev-certs install',
    '  - Quick check without installing: open https://localhost:3000/taskpane.html in the same browser',
    '    and accept the warning once (works for the current browser session only).',
  ].join('\n');
}

module.exports = { ensureDevCertificates, trustInstructions, CERTIFICATE_FILES: FILES };
