/** The rules for the production URL that the build writes into the manifest. */
import {
  DEV_URL,
  PLACEHOLDER_URL,
  productionUrl,
  PublicUrlError,
  rewriteManifest,
} from '../../scripts/build/publicUrl.cjs';

describe('productionUrl', () => {
  it('uses the documented placeholder when ADDIN_PUBLIC_URL is unset or blank', () => {
    expect(productionUrl(undefined)).toBe(PLACEHOLDER_URL);
    expect(productionUrl('   ')).toBe(PLACEHOLDER_URL);
    expect(PLACEHOLDER_URL.startsWith('https://')).toBe(true);
  });

  it('accepts an HTTPS base URL and makes it end in a slash', () => {
    expect(productionUrl('https://addins.housing.example/equality')).toBe(
      'https://addins.housing.example/equality/',
    );
    expect(productionUrl(' https://addins.housing.example/ ')).toBe('https://addins.housing.example/');
  });

  it.each(['http://addins.housing.example/', 'ftp://addins.housing.example/', 'file:///srv/addin/'])(
    'refuses %s because Office loads add-ins only over HTTPS',
    (url) => {
      expect(() => productionUrl(url)).toThrow(PublicUrlError);
      expect(() => productionUrl(url)).toThrow(/only over HTTPS/);
    },
  );

  it('refuses text that is not a URL, quoting it', () => {
    expect(() => productionUrl('addins.housing.example')).toThrow(
      /"addins\.housing\.example", which is not a URL/,
    );
  });

  it('refuses a URL with a query or fragment, which relative file URLs cannot follow', () => {
    expect(() => productionUrl('https://addins.housing.example/?v=1')).toThrow(PublicUrlError);
    expect(() => productionUrl('https://addins.housing.example/#x')).toThrow(PublicUrlError);
  });
});

describe('rewriteManifest', () => {
  it('replaces every development URL prefix and leaves other text alone', () => {
    const xml = `<a href="${DEV_URL}one.html"/><b>${DEV_URL}assets/two.png</b><c>https://localhost:30000/</c>`;
    const rewritten = rewriteManifest(xml, 'https://prod.example/x/');
    expect(rewritten).toBe(
      '<a href="https://prod.example/x/one.html"/><b>https://prod.example/x/assets/two.png</b><c>https://localhost:30000/</c>',
    );
  });
});
