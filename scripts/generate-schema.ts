/**
 * Writes framework/framework.schema.json from the zod schema, so editors can check and complete
 * a framework file as it is typed. Run: npx ts-node -O '{"module":"commonjs"}' scripts/generate-schema.ts
 * A test compares the committed file with `frameworkJsonSchemaText()`, so they cannot drift.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { FrameworkSchema } from '../src/domain/framework/schema';

export const SCHEMA_FILE = resolve(__dirname, '..', 'framework', 'framework.schema.json');

/** The JSON Schema text, exactly as committed (two-space indent, final newline). */
export function frameworkJsonSchemaText(): string {
  // "input": a file may leave out fields the schema fills in with defaults (such as questions).
  const schema = z.toJSONSchema(FrameworkSchema, {
    io: 'input',
    target: 'draft-2020-12',
  });
  const documented = {
    ...schema,
    title: 'Equality framework file',
    description:
      "A self-assessment framework for the equality assessment add-in. Generated from src/domain/framework/schema.ts by scripts/generate-schema.ts; do not edit by hand. The add-in's loader also checks rules this schema cannot express: see framework/README.md.",
  };
  return `${JSON.stringify(documented, null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, frameworkJsonSchemaText(), 'utf8');
  process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
}
