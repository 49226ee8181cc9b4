/**
 * JSON Schemas for the documents, generated from the same zod schemas the
 * parsers use (never written by hand), and committed under `schema/` by
 * `npm run schema`. A test fails when the committed files drift.
 *
 * Adding a document type is one line in `schemaSources`.
 */
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from './errors.ts';
import { FLOW_VERSION, flowJsonSchemaSource, MAX_NODES } from './flow.ts';
import { WORKSPACE_VERSION, workspaceJsonSchemaSource } from './workspace.ts';
import { SCENARIO_VERSION, scenarioJsonSchemaSource } from '../call/scenario.ts';

/** Base of every schema's `$id`; the file name is `<name>.schema.json`. */
export const SCHEMA_BASE_URL = 'https://recflow.dev/schema/';

export interface SchemaSource {
  /** The zod schema the document's parser uses. */
  source: () => z.ZodType;
  title: string;
  /** What the document is, and the limits and rules the parser enforces beyond what JSON Schema can say. */
  description: string;
  /** Adjusts the generated schema, e.g. to point at another schema instead of repeating it. */
  patch?: (schema: Record<string, unknown>) => void;
}

const LIMITS = `Limits enforced by the parser: at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB of UTF-8 JSON, nesting at most 64 levels, and no "__proto__", "constructor" or "prototype" keys anywhere.`;

type JsonObject = Record<string, unknown>;

/** The workspace's flows are flow documents: point at the flow schema rather than repeating it. */
function linkFlows(schema: JsonObject): void {
  // zod always writes the workspace envelope's fields under `properties` (flows and versions among them), and an
  // array of objects as `items` with its fields under `items.properties`.
  const properties = schema.properties as JsonObject;
  properties.flows = {
    ...(properties.flows as JsonObject),
    items: { $ref: `${SCHEMA_BASE_URL}flow.schema.json` },
    description: 'Flow documents (see flow.schema.json); older flow versions are migrated on import.',
  };
  const versions = properties.versions as JsonObject & { items: { properties: JsonObject } };
  versions.items.properties.flow = {
    $ref: `${SCHEMA_BASE_URL}flow.schema.json`,
    description: 'The flow document as published (see flow.schema.json); its id is the version\'s flowId.',
  };
  versions.description = 'The published versions of the flows, oldest first: immutable numbered copies (see the Publish command).';
  const scenarios = properties.scenarios as JsonObject & { items: { properties: JsonObject } };
  scenarios.items.properties.scenario = {
    $ref: `${SCHEMA_BASE_URL}scenario.schema.json`,
    description: 'The scenario document (see scenario.schema.json), without `workspace` or `flow` paths: it runs on this workspace.',
  };
  scenarios.description = 'The flows\' saved scenarios with their expectations, as the simulator saved them (`recflow test` runs them).';
}

/** Every published document schema, by file name stem. */
export const schemaSources: Record<string, SchemaSource> = {
  flow: {
    source: flowJsonSchemaSource,
    title: 'Recflow flow',
    description: `A call flow: nodes (id, kind, position, data) and edges from a node's output port to another node. Format "recflow.flow", version ${FLOW_VERSION}. ${LIMITS} At most ${MAX_NODES} nodes. Beyond this schema the parser also refuses duplicate node or edge ids, edges from or to missing nodes or ports, edges into Start or into their own source, and more than one edge leaving one port.`,
  },
  workspace: {
    source: workspaceJsonSchemaSource,
    title: 'Recflow workspace',
    description: `Account recording settings (R1, defaults filled in when left out), phone numbers with per-number overrides (R2), agents, ring groups, roles with listen/download scopes (R22), the flows, their published versions and their saved scenarios. Format "recflow.workspace", version ${WORKSPACE_VERSION}. ${LIMITS} Beyond this schema the parser also refuses duplicate ids in each list, agents whose role does not exist and ring group members who are not agents, versions of a flow the workspace does not hold or holding another flow, two versions of one flow with the same number, and saved scenarios of a flow the workspace does not hold or with file paths.`,
    patch: linkFlows,
  },
  scenario: {
    source: scenarioJsonSchemaSource,
    title: 'Recflow scenario',
    description: `A simulated call: how it starts (inbound to a number, or outbound by an agent from a number), the timed actions (seconds from the call's start, never decreasing), and optionally the expected result, compared field by field (only the fields given). \`workspace\` and \`flow\` are paths relative to the scenario file. Format "recflow.scenario", version ${SCENARIO_VERSION}. ${LIMITS}`,
  },
};

/**
 * Builds every published JSON Schema (draft 2020-12), keyed by name. Input
 * shapes: fields with defaults are optional, as the parser accepts them.
 *
 * @example
 * const { flow } = buildSchemas();
 * flow.$id; // 'https://recflow.dev/schema/flow.schema.json'
 */
export function buildSchemas(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [name, src] of Object.entries(schemaSources)) {
    const { $schema, ...body } = z.toJSONSchema(src.source(), { io: 'input', unrepresentable: 'any' }) as JsonObject;
    const schema: JsonObject = {
      $schema,
      $id: `${SCHEMA_BASE_URL}${name}.schema.json`,
      title: src.title,
      description: src.description,
      'x-recflow-limits': { maxBytes: MAX_DOCUMENT_BYTES, maxDepth: 64, forbiddenKeys: ['__proto__', 'constructor', 'prototype'] },
      ...body,
    };
    src.patch?.(schema);
    out[name] = schema;
  }
  return out;
}

/** The files `npm run schema` writes: `<name>.schema.json` → its text. */
export function schemaFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(buildSchemas()).map(([name, schema]) => [`${name}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`]));
}
