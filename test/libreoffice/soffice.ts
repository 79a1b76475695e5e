/**
 * LibreOffice, headless, as a second spreadsheet engine for the files the writer produces. It
 * recalculates formulas on load only when its profile says so (platform-facts.md), so every run
 * gets a fresh profile with OOXMLRecalcMode 0 ("always").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const SOFFICE_CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'];

export const INSTALL_HINT =
  'LibreOffice is needed to check the .xlsx file in a real spreadsheet engine and was not found ' +
  `(looked for ${SOFFICE_CANDIDATES.join(', ')}). Install it, on Debian/Ubuntu: ` +
  'sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils ' +
  '(`npm test` and .ci/run install it themselves when run as root on Debian).';

/** The soffice binary, or an error saying how to install it: these tests must not pass without it. */
export function soffice(): string {
  const found = SOFFICE_CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Converts every input in ONE soffice process (starting LibreOffice is most of the cost) and
 * returns the output paths, in input order. `format` is soffice's --convert-to argument.
 */
export function convertAll(
  inputs: readonly string[],
  outDir: string,
  format: string,
  extension: string,
): string[] {
  const binary = soffice();
  const profile = mkdtempSync(join(tmpdir(), 'eq-lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  mkdirSync(outDir, { recursive: true });
  const result = spawnSync(
    binary,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      format,
      '--outdir',
      outDir,
      ...inputs,
    ],
    { encoding: 'utf8', timeout: 600_000 },
  );
  if (result.error) throw new Error(`soffice could not run: ${result.error.message}`);
  const outputs = inputs.map((input) => join(outDir, basename(input).replace(/\.[^.]+$/, `.${extension}`)));
  const missing = outputs.filter((path) => !existsSync(path));
  if (result.status !== 0 || missing.length > 0) {
    throw new Error(
      `soffice exited with ${result.status} and did not write ${missing.length} of ${outputs.length} files ` +
        `(${missing.slice(0, 3).join(', ')}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return outputs;
}
