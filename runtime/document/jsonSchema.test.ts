import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kindNames } from '../../nodes/index.ts';
import { buildSchemas, SCHEMA_BASE_URL, schemaFiles } from './jsonSchema.ts';

const schemaDir = new URL('../../schema/', import.meta.url);

type Json = Record<string, unknown>;
const at = (v: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((o, k) => (o as Json | undefined)?.[k], v);

describe('JSON Schemas', () => {
  // Built inside the test, not at the file's load: a schema that cannot be built then fails this test (and counts
  // for StrykerJS) instead of failing the file's collection.
  it('schema/*.schema.json match the code (run `npm run schema` if this fails)', () => {
    for (const [file, text] of Object.entries(schemaFiles())) {
      const url = new URL(file, schemaDir);
      expect(existsSync(url), `schema/${file} is missing: run \`npm run schema\` and commit it`).toBe(true);
      expect(readFileSync(url, 'utf8') === text, `schema/${file} is out of date with the code: run \`npm run schema\` and commit it`).toBe(true);
    }
  });

  it('each schema has an $id, a title, a description of its limits, and draft 2020-12', () => {
    for (const [name, schema] of Object.entries(buildSchemas())) {
      expect(schema).toMatchObject({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `${SCHEMA_BASE_URL}${name}.schema.json`,
        title: expect.stringContaining('Recflow'),
        description: expect.stringContaining('5 MB'),
        'x-recflow-limits': { maxBytes: 5 * 1024 * 1024 },
      });
    }
  });

  it('the flow schema lists every registered kind with its data, and the node limit', () => {
    const flow = buildSchemas().flow;
    const nodes = at(flow, 'properties', 'nodes') as Json;
    expect(nodes.maxItems).toBe(5000);
    const kinds = (at(nodes, 'items', 'oneOf') as Json[]).map((n) => at(n, 'properties', 'kind', 'const'));
    expect(kinds).toEqual(kindNames);
    expect(at(flow, 'properties', 'version', 'const')).toBe(2);
    expect(at(flow, 'additionalProperties')).toBe(false);
  });

  it('R1/R22: the workspace schema carries the defaults and refers to the flow schema for flows', () => {
    const ws = buildSchemas().workspace;
    expect(at(ws, 'properties', 'account', 'properties', 'dualChannel', 'default')).toBe(true);
    expect(at(ws, 'properties', 'account', 'properties', 'agentPause', 'default')).toBe(false);
    expect(at(ws, 'properties', 'roles', 'items', 'properties', 'download', 'default')).toEqual({ allowed: false, scope: 'all' });
    expect(at(ws, 'properties', 'flows', 'items')).toEqual({ $ref: `${SCHEMA_BASE_URL}flow.schema.json` });
  });
});
