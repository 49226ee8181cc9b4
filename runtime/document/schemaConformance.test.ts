/**
 * The published JSON Schemas agree with the parser: what the parser accepts
 * validates against the schema, and a document the schema refuses is refused
 * by the parser too. Checked with Ajv, an independent JSON Schema validator.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../examples/index.ts';
import { generateFlow } from '../checks/generateFlow.ts';
import { parseFlow, serializeFlow } from './flow.ts';
import { validFlowArbitrary } from './flowArbitrary.ts';
import { buildSchemas } from './jsonSchema.ts';
import { serializeWorkspace } from './workspace.ts';

const schemas = buildSchemas();
const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  keywords: ['x-recflow-limits'],
  // The formats zod emits; Ajv knows none by itself.
  formats: {
    date: /^\d{4}-\d\d-\d\d$/,
    'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/,
  },
});
for (const schema of Object.values(schemas)) ajv.addSchema(schema);
const validate = (name: string, doc: unknown) => {
  const v = ajv.getSchema(`https://recflow.dev/schema/${name}.schema.json`)!;
  return v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};
const json = (text: string): unknown => JSON.parse(text);

describe('JSON Schemas agree with the parser', () => {
  it('the schemas compile under Ajv strict mode', () => {
    expect(Object.keys(schemas).every((name) => ajv.getSchema(`https://recflow.dev/schema/${name}.schema.json`))).toBe(true);
  });

  it('the example workspace (with its flows) and each example flow file validate', () => {
    expect(validate('workspace', json(serializeWorkspace(loadExampleWorkspace())))).toEqual([]);
    expect(validate('workspace', json(readFileSync(new URL('../../examples/workspace.json', import.meta.url), 'utf8')))).toEqual([]);
    for (const flow of loadExampleWorkspace().flows) expect(validate('flow', json(serializeFlow(flow)))).toEqual([]);
  });

  it('a generated 1000-node flow validates', () => {
    expect(validate('flow', json(serializeFlow(generateFlow(1000, 4))))).toEqual([]);
  });

  it('any flow the parser accepts validates against the flow schema', () => {
    fc.assert(
      fc.property(validFlowArbitrary, (flow) => {
        expect(validate('flow', json(serializeFlow(flow)))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('documents the schema refuses are refused by the parser too', () => {
    const base = json(serializeFlow(generateFlow(6, 1))) as { nodes: Array<Record<string, unknown>>; version: number };
    const broken = [
      { ...base, version: 3 },
      { ...base, nodes: [...base.nodes, { ...base.nodes[1], id: 'x', kind: 'fax' }] },
      { ...base, nodes: [{ ...base.nodes[0], data: { label: 1, numberIds: [] } }, ...base.nodes.slice(1)] },
      { ...base, extra: true },
    ];
    for (const doc of broken) {
      expect(validate('flow', doc).length).toBeGreaterThan(0);
      expect(parseFlow(doc).ok).toBe(false);
    }
  });
});
