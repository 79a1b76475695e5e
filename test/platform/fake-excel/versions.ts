/** Requirement-set versions compare by number: '1.10' is newer than '1.9'. */
export function versionAtLeast(have: string, need: string): boolean {
  const [hMajor = 0, hMinor = 0] = have.split('.').map(Number);
  const [nMajor = 0, nMinor = 0] = need.split('.').map(Number);
  return hMajor > nMajor || (hMajor === nMajor && hMinor >= nMinor);
}
