/**
 * Writes the generated JSON Schemas to `schema/`. Run with `npm run schema`
 * after changing any document or node-kind schema, and commit the result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaFiles } from './jsonSchema.ts';

const dir = fileURLToPath(new URL('../../schema/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(schemaFiles())) {
  writeFileSync(join(dir, file), text);
  console.log(`wrote schema/${file}`);
}
