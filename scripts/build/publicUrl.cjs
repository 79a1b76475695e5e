/**
 * The add-in's URLs. manifest.xml is written against the development URL only; a production
 * build rewrites that prefix to ADDIN_PUBLIC_URL, so the URLs have one source.
 */
const DEV_URL = 'https://localhost:3000/';

/** Used when ADDIN_PUBLIC_URL is not set, so a trial build works; not a real host. */
const PLACEHOLDER_URL = 'https://addin.example.org/equality/';

class PublicUrlError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PublicUrlError';
  }
}

/**
 * The production base URL from ADDIN_PUBLIC_URL (or the placeholder), always ending in '/'.
 * Office only loads add-ins over HTTPS, so anything else stops the build.
 */
function productionUrl(value) {
  const raw = value === undefined || value.trim() === '' ? PLACEHOLDER_URL : value.trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new PublicUrlError(
      `ADDIN_PUBLIC_URL is "${raw}", which is not a URL. Expected the HTTPS address the dist/ folder ` +
        `will be served from, for example ${PLACEHOLDER_URL}`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new PublicUrlError(
      `ADDIN_PUBLIC_URL is "${raw}", but Office loads add-ins only over HTTPS. ` +
        `Expected an https:// address, for example ${PLACEHOLDER_URL}`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new PublicUrlError(`ADDIN_PUBLIC_URL is "${raw}": expected a base address without ? or #.`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest with every development URL replaced by the production base URL. */
function rewriteManifest(xml, baseUrl) {
  return xml.split(DEV_URL).join(baseUrl);
}

module.exports = { DEV_URL, PLACEHOLDER_URL, PublicUrlError, productionUrl, rewriteManifest };
