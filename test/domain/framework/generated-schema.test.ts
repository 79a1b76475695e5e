import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { frameworkJsonSchemaText, SCHEMA_FILE } from '../../../scripts/generate-schema';

const FRAMEWORK_DIR = resolve(__dirname, '../../../framework');
const FRAMEWORK_FILES = ['eqfsh-2009-draft.json', 'eqfsh-leadership-revision.json'];

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(resolve(FRAMEWORK_DIR, file), 'utf8')) as unknown;
}

describe('framework/framework.schema.json', () => {
  it('is exactly what scripts/generate-schema.ts writes from the zod schema (regenerate it if this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(frameworkJsonSchemaText());
  });

  it.each(FRAMEWORK_FILES)('is named by %s as its $schema', (file) => {
    expect(readJson(file)).toMatchObject({
      $schema: './framework.schema.json',
    });
  });

  it.each(FRAMEWORK_FILES)('accepts %s, as an editor using it would', (file) => {
    const validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object,
    );
    expect(validate(readJson(file)) ? [] : validate.errors).toEqual([]);
  });

  it('rejects a criterion with an unknown text status, as the loader does', () => {
    const validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object,
    );
    const file = readJson(FRAMEWORK_FILES[1] ?? '') as {
      criteria: { textStatus: string }[];
    };
    const first = file.criteria[0];
    if (!first) throw new Error('the revision has no criteria');
    first.textStatus = 'partial';
    expect(validate(file)).toBe(false);
  });
});
