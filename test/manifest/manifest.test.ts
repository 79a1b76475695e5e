/**
 * Offline checks of manifest.xml: the things Office rejects a manifest for, or that would break
 * the add-in after deployment, which can be seen without Microsoft's online validator.
 */
import { MINIMUM_API_SET } from '../../src/excel/requirements';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_URL } from '../../scripts/build/publicUrl.cjs';
import { child, descendants, pngSize, readManifest, urlsIn, type XmlElement } from './manifestXml';

const ROOT = join(__dirname, '..', '..');
const manifest = readManifest(join(ROOT, 'manifest.xml'));
const all = descendants(manifest);

function named(name: string): XmlElement[] {
  return all.filter((e) => e.name === name);
}

/** Resource id -> its element and the resource group it sits in (bt:Images, bt:Urls, ...). */
function resources(): Map<string, { group: string; element: XmlElement }> {
  const map = new Map<string, { group: string; element: XmlElement }>();
  const resourcesElement = child(child(manifest, 'VersionOverrides'), 'Resources');
  for (const group of resourcesElement.children) {
    for (const element of group.children) {
      const id = element.attributes.id;
      if (id === undefined) throw new Error(`A <${element.name}> in <${group.name}> has no id.`);
      if (map.has(id)) throw new Error(`Resource id "${id}" is defined twice.`);
      map.set(id, { group: group.name, element });
    }
  }
  return map;
}

/** The file in assets/ that a development URL points at. */
function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return join(ROOT, url.slice(DEV_URL.length));
}

function iconSize(url: string): number {
  const file = assetFile(url);
  expect(existsSync(file)).toBe(true);
  const { width, height } = pngSize(readFileSync(file));
  expect(width).toBe(height);
  return width;
}

describe('manifest.xml', () => {
  it('is a task pane add-in for Excel workbooks', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    const hosts = child(manifest, 'Hosts').children.map((h) => h.attributes.Name);
    expect(hosts).toEqual(['Workbook']);
    const overrideHosts = child(child(manifest, 'VersionOverrides'), 'Hosts').children.map(
      (h) => h.attributes['xsi:type'],
    );
    expect(overrideHosts).toEqual(['Workbook']);
  });

  it('has a GUID id and a four-part version', () => {
    expect(child(manifest, 'Id').text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(child(manifest, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('is British English with the product name and a description', () => {
    expect(child(manifest, 'DefaultLocale').text).toBe('en-GB');
    expect(child(manifest, 'DisplayName').attributes.DefaultValue).toBe('Equality Self-Assessment');
    const description = child(manifest, 'Description').attributes.DefaultValue ?? '';
    expect(description.length).toBeGreaterThan(0);
    // Office's limits: display name 125 characters, description 250.
    expect(description.length).toBeLessThanOrEqual(250);
  });

  it('asks for the ExcelApi set the code needs (requirements.ts), and read/write access to the document', () => {
    const sets = child(child(manifest, 'Requirements'), 'Sets').children;
    expect(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([
      ['ExcelApi', MINIMUM_API_SET],
    ]);
    expect(child(manifest, 'Permissions').text).toBe('ReadWriteDocument');
  });

  it('uses HTTPS for every URL, all under the one development URL that production rewrites', () => {
    const urls = urlsIn(manifest);
    expect(urls.length).toBeGreaterThan(5);
    const wrong = urls
      .filter(({ url }) => !url.startsWith(DEV_URL))
      .map(({ where, url }) => `${where}: ${url}`);
    expect(wrong).toEqual([]);
    expect(DEV_URL.startsWith('https://')).toBe(true);
  });

  it('resolves every resid to a resource of the right kind', () => {
    const defined = resources();
    const referencing = all.filter((e) => e.attributes.resid !== undefined);
    expect(referencing.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const element of referencing) {
      const resid = element.attributes.resid ?? '';
      const resource = defined.get(resid);
      const expectedGroups =
        element.name === 'bt:Image'
          ? ['bt:Images']
          : ['SourceLocation', 'LearnMoreUrl', 'FunctionFile'].includes(element.name)
            ? ['bt:Urls']
            : ['bt:ShortStrings', 'bt:LongStrings'];
      if (!resource) problems.push(`<${element.name} resid="${resid}"> refers to no resource`);
      else if (!expectedGroups.includes(resource.group)) {
        problems.push(
          `<${element.name} resid="${resid}"> needs one of ${expectedGroups.join(', ')}, found ${resource.group}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps resource strings within Office limits (short 125, long 250 characters)', () => {
    const problems: string[] = [];
    for (const [id, { group, element }] of resources()) {
      const limit = group === 'bt:ShortStrings' ? 125 : group === 'bt:LongStrings' ? 250 : undefined;
      const length = (element.attributes.DefaultValue ?? '').length;
      if (limit !== undefined && (length === 0 || length > limit)) {
        problems.push(`${id} has ${length} characters; expected 1 to ${limit}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has icon files in assets/ of the sizes the manifest declares', () => {
    expect(iconSize(child(manifest, 'IconUrl').attributes.DefaultValue ?? '')).toBe(32);
    expect(iconSize(child(manifest, 'HighResolutionIconUrl').attributes.DefaultValue ?? '')).toBe(64);
    const defined = resources();
    const sized = named('bt:Image').filter((e) => e.attributes.size !== undefined);
    expect(sized.length).toBeGreaterThan(0);
    for (const reference of sized) {
      const url = defined.get(reference.attributes.resid ?? '')?.element.attributes.DefaultValue ?? '';
      expect({ resid: reference.attributes.resid, size: iconSize(url) }).toEqual({
        resid: reference.attributes.resid,
        size: Number(reference.attributes.size),
      });
    }
  });

  it('opens the task pane from a button on the Home tab', () => {
    const tabs = named('OfficeTab');
    expect(tabs.map((t) => t.attributes.id)).toEqual(['TabHome']);
    const actions = named('Action');
    expect(actions.map((a) => a.attributes['xsi:type'])).toEqual(['ShowTaskpane']);
    const taskpaneUrl = resources().get(child(actions[0]!, 'SourceLocation').attributes.resid ?? '');
    expect(taskpaneUrl?.element.attributes.DefaultValue).toBe(`${DEV_URL}taskpane.html`);
    expect(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attributes.DefaultValue).toBe(
      `${DEV_URL}taskpane.html`,
    );
  });
});
