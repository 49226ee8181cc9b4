/**
 * More of what documents tell their readers: a retention period must be whole
 * months (R20), and the published JSON Schemas (`npm run schema`) as files.
 * (A file of its own: StrykerJS retests every mutant a changed test file
 * killed, so new tests go in new files.)
 */
import { describe, expect, it } from 'vitest';
import { buildSchemas, schemaFiles } from './jsonSchema.ts';
import { parseWorkspace } from './workspace.ts';

describe('workspace documents', () => {
  it('R20: a retention in fractions of a month says it must be a whole number', () => {
    const r = parseWorkspace({ format: 'recflow.workspace', version: 1, account: { autoDelete: { months: 1.5 } } });
    expect(r).toEqual({ ok: false, errors: [{ path: '$.account.autoDelete.months', message: 'must be a whole number, not a number' }] });
  });
});

describe('the published JSON Schemas (npm run schema)', () => {
  it('one file per document, each a draft 2020-12 schema with its $id; the workspace refers to the flow schema for flows', () => {
    const files = schemaFiles();
    expect(Object.keys(files)).toEqual(['flow.schema.json', 'workspace.schema.json', 'scenario.schema.json']);
    for (const [file, text] of Object.entries(files)) {
      const schema = JSON.parse(text) as Record<string, unknown>;
      expect(schema.$id).toBe(`https://recflow.dev/schema/${file}`);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(text.endsWith('}\n')).toBe(true);
    }
    const flows = (JSON.parse(files['workspace.schema.json']!) as { properties: { flows: Record<string, unknown> } }).properties.flows;
    expect(flows.items).toEqual({ $ref: 'https://recflow.dev/schema/flow.schema.json' });
    expect(flows.description).toBe('Flow documents (see flow.schema.json); older flow versions are migrated on import.');
    expect(buildSchemas().flow).toMatchObject({ title: 'Recflow flow' });
  });
});
