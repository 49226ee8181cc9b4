/**
 * What a reader of the published JSON Schemas (schema/*.schema.json, `npm run schema`) relies on: each schema's
 * title, $id and description name its document, format and version as the parser accepts them, and the workspace's
 * published versions point at the flow schema instead of repeating it. Built inside the tests (see TESTING.md).
 */
import { describe, expect, it } from 'vitest';
import { SCENARIO_VERSION } from '../call/scenario.ts';
import { FLOW_VERSION, MAX_NODES } from './flow.ts';
import { buildSchemas } from './jsonSchema.ts';
import { WORKSPACE_VERSION } from './workspace.ts';

type Json = Record<string, unknown>;
const at = (v: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((o, k) => (o as Json | undefined)?.[k], v);

const FLOW_SCHEMA = 'https://recflow.dev/schema/flow.schema.json';
const LIMITS =
  'Limits enforced by the parser: at most 5 MB of UTF-8 JSON, nesting at most 64 levels, and no "__proto__", "constructor" or "prototype" keys anywhere.';

describe('the published JSON Schemas, as their readers see them', () => {
  it('each names its document in its title, is published at its $id, and states the format and version the parser accepts', () => {
    const schemas = buildSchemas() as Record<string, Json>;
    const expected = [
      ['flow', 'Recflow flow', 'recflow.flow', FLOW_VERSION],
      ['workspace', 'Recflow workspace', 'recflow.workspace', WORKSPACE_VERSION],
      ['scenario', 'Recflow scenario', 'recflow.scenario', SCENARIO_VERSION],
    ] as const;
    expect(Object.keys(schemas)).toEqual(expected.map(([name]) => name));
    for (const [name, title, format, version] of expected) {
      const schema = schemas[name];
      expect(schema?.$id, name).toBe(`https://recflow.dev/schema/${name}.schema.json`);
      expect(schema?.title, name).toBe(title);
      expect(at(schema, 'properties', 'format', 'const'), name).toBe(format);
      expect(at(schema, 'properties', 'version', 'const'), name).toBe(version);
      expect(schema?.description, name).toContain(`Format "${format}", version ${version}. ${LIMITS}`);
    }
  });

  it('each description says what the document holds and what the parser refuses beyond the schema', () => {
    const { flow, workspace, scenario } = buildSchemas() as Record<string, Json>;
    expect(flow?.description).toBe(
      `A call flow: nodes (id, kind, position, data) and edges from a node's output port to another node. Format "recflow.flow", version ${FLOW_VERSION}. ${LIMITS} At most ${MAX_NODES} nodes. Beyond this schema the parser also refuses duplicate node or edge ids, edges from or to missing nodes or ports, edges into Start or into their own source, and more than one edge leaving one port.`,
    );
    // R1 (account defaults), R2 (per-number overrides), R22 (listen/download scopes).
    expect(workspace?.description).toMatch(/^Account recording settings \(R1, defaults filled in when left out\), phone numbers with per-number overrides \(R2\), agents, ring groups, roles with listen\/download scopes \(R22\)/);
    expect(workspace?.description).toMatch(/refuses duplicate ids in each list, .* two versions of one flow with the same number, and saved scenarios of a flow the workspace does not hold or with file paths\.$/);
    expect(scenario?.description).toMatch(/^A simulated call: how it starts/);
    expect(scenario?.description).toContain('`workspace` and `flow` are paths relative to the scenario file.');
  });

  it('the workspace’s published versions hold flow documents: they point at the flow schema and say how they are kept', () => {
    const versions = at(buildSchemas().workspace, 'properties', 'versions') as Json;
    expect(versions.type).toBe('array');
    expect(versions.description).toBe('The published versions of the flows, oldest first: immutable numbered copies (see the Publish command).');
    expect(at(versions, 'items', 'properties', 'flow')).toEqual({
      $ref: FLOW_SCHEMA,
      description: "The flow document as published (see flow.schema.json); its id is the version's flowId.",
    });
    // The rest of a version is described in place, not replaced.
    expect(at(versions, 'items', 'properties', 'flowId', 'description')).toBe('The id of the flow this is a version of.');
  });
});
