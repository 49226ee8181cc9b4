/**
 * The flow document: a versioned JSON format holding nodes (id, kind,
 * position, data) and edges (from a node's output port to a node).
 */
import { z } from 'zod';
import { entryKind, getModel, isKindName, kindNames, type NodeDataOf, type NodeKindName } from '../../nodes/index.ts';
import { idSchema, labelSchema } from '../../nodes/kit/fields.ts';
import { type DocError, type ParseResult, parseWithSchema, readJson, scanHostile, toJsonPath, zodIssues } from './errors.ts';
import { migrateFlow } from './migrations.ts';

export const FLOW_FORMAT = 'recflow.flow';
/** Bumped whenever the shape changes; `migrations.ts` lifts older documents. */
export const FLOW_VERSION = 2;
export const MAX_NODES = 5000;

export { zodIssues };

const positionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

/** A node before its data is checked against its kind. */
const rawNodeSchema = z.strictObject({
  id: idSchema,
  kind: z.string(),
  position: positionSchema,
  data: z.unknown(),
  /** Output ports deliberately left unconnected: the call ends there (C1). */
  endsCall: z.array(z.string().max(64)).max(32).optional(),
  /** Where an imported node came from: the platform action as it was, so an unedited node exports back unchanged. */
  origin: z
    .strictObject({
      format: z.string().min(1).max(64),
      /** The platform's action (a Connect action, a Twilio state), verbatim; absent when the node's data keeps it (an imported Step's `original`). */
      action: z.json().optional(),
      /** The platform's own layout data for the action (a Connect `ActionMetadata` entry), verbatim. */
      metadata: z.json().optional(),
      /** Further platform actions the node stands for, read with `action` as one node (a Studio split on a gather's digits), verbatim. */
      absorbed: z.array(z.json()).max(8).optional(),
    })
    .optional(),
});

export const edgeSchema = z.strictObject({
  id: idSchema,
  source: idSchema,
  sourcePort: z.string().min(1).max(64),
  target: idSchema,
});

const flowEnvelopeSchema = z.strictObject({
  format: z.literal(FLOW_FORMAT),
  version: z.literal(FLOW_VERSION),
  id: idSchema,
  name: labelSchema.min(1, 'must not be empty'),
  description: z.string().max(2000).optional(),
  nodes: z.array(rawNodeSchema).max(MAX_NODES, `a flow may have at most ${MAX_NODES} nodes`),
  edges: z.array(edgeSchema).max(MAX_NODES * 16),
});

/** The envelope without its refusal of unknown top-level fields. */
const lenientFlowEnvelope = z.object(flowEnvelopeSchema.shape);

export type FlowNodeOf<K extends NodeKindName> = {
  id: string;
  kind: K;
  position: { x: number; y: number };
  data: NodeDataOf<K>;
  endsCall?: string[];
  origin?: NodeOrigin;
};
export type NodeOrigin = NonNullable<z.infer<typeof rawNodeSchema>['origin']>;
export type FlowNode = { [K in NodeKindName]: FlowNodeOf<K> }[NodeKindName];
export type FlowEdge = z.infer<typeof edgeSchema>;

export interface FlowDoc {
  format: typeof FLOW_FORMAT;
  version: typeof FLOW_VERSION;
  id: string;
  name: string;
  description?: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/**
 * Reads a flow document from JSON text or a parsed value. Never throws:
 * a refused document comes back as `{ ok: false, errors }`, each error with
 * the JSON path it is about.
 */
export function parseFlow(input: unknown): ParseResult<FlowDoc> {
  const read = readJson(input);
  if (!read.ok) return read;
  const hostile = scanHostile(read.value);
  if (hostile.length > 0) return { ok: false, errors: hostile };
  const migrated = migrateFlow(read.value);
  if (!migrated.ok) return migrated;
  const value = migrated.value;

  if (typeof value === 'object' && value !== null && Array.isArray((value as { nodes?: unknown }).nodes)) {
    const count = (value as { nodes: unknown[] }).nodes.length;
    if (count > MAX_NODES) {
      return { ok: false, errors: [{ path: '$.nodes', message: `the flow has ${count} nodes; at most ${MAX_NODES} are allowed` }] };
    }
  }
  const errors: DocError[] = [];
  const envelope = parseWithSchema(flowEnvelopeSchema, value);
  let doc: z.infer<typeof flowEnvelopeSchema>;
  if (envelope.ok) doc = envelope.value;
  else {
    // An unknown top-level field must not hide the rest: read on without it, so every problem is listed at once.
    const rest = parseWithSchema(lenientFlowEnvelope, value);
    if (!rest.ok) return envelope;
    errors.push(...envelope.errors);
    doc = rest.value;
  }
  const nodes: FlowNode[] = [];
  const portsById = new Map<string, Set<string>>();
  const hasInputById = new Map<string, boolean>();
  doc.nodes.forEach((node, i) => {
    if (portsById.has(node.id)) {
      errors.push({ path: toJsonPath(['nodes', i, 'id']), message: `duplicate node id "${node.id}"` });
      return;
    }
    if (!isKindName(node.kind)) {
      errors.push({ path: toJsonPath(['nodes', i, 'kind']), message: `unknown node kind "${node.kind}"` });
      portsById.set(node.id, new Set());
      return;
    }
    const model = getModel(node.kind)!;
    const data = parseWithSchema(model.schema, node.data, ['nodes', i, 'data']);
    if (!data.ok) {
      errors.push(...data.errors);
      portsById.set(node.id, new Set());
      return;
    }
    const ports = new Set(model.ports(data.value).map((p) => p.id));
    portsById.set(node.id, ports);
    hasInputById.set(node.id, model.hasInput);
    (node.endsCall ?? []).forEach((port, j) => {
      if (!ports.has(port)) {
        errors.push({ path: toJsonPath(['nodes', i, 'endsCall', j]), message: `a ${node.kind} node has no port "${port}"` });
      }
    });
    const typed = { id: node.id, kind: node.kind, position: node.position, data: data.value } as FlowNode;
    if (node.endsCall !== undefined) typed.endsCall = node.endsCall;
    if (node.origin !== undefined) typed.origin = node.origin;
    nodes.push(typed);
  });

  const edgeIds = new Set<string>();
  const usedPorts = new Set<string>();
  doc.edges.forEach((edge, i) => {
    const at = (field: string) => toJsonPath(['edges', i, field]);
    if (edgeIds.has(edge.id)) errors.push({ path: at('id'), message: `duplicate edge id "${edge.id}"` });
    edgeIds.add(edge.id);
    const sourcePorts = portsById.get(edge.source);
    if (!sourcePorts) errors.push({ path: at('source'), message: `no node "${edge.source}"` });
    // A node whose data was refused has no known ports; its own error already says why.
    else if (hasInputById.has(edge.source) && !sourcePorts.has(edge.sourcePort)) {
      errors.push({ path: at('sourcePort'), message: `node "${edge.source}" has no port "${edge.sourcePort}"` });
    }
    if (!portsById.has(edge.target)) errors.push({ path: at('target'), message: `no node "${edge.target}"` });
    else if (hasInputById.get(edge.target) === false) {
      errors.push({ path: at('target'), message: `node "${edge.target}" takes no incoming connections` });
    }
    if (edge.source === edge.target) errors.push({ path: at('target'), message: 'an edge may not lead from a node back into itself' });
    const portKey = `${edge.source}\u0000${edge.sourcePort}`;
    if (usedPorts.has(portKey)) {
      errors.push({ path: at('sourcePort'), message: `port "${edge.sourcePort}" of node "${edge.source}" already has an edge` });
    }
    usedPorts.add(portKey);
  });

  if (errors.length > 0) return { ok: false, errors };
  const flow: FlowDoc = {
    format: FLOW_FORMAT,
    version: FLOW_VERSION,
    id: doc.id,
    name: doc.name,
    nodes,
    edges: doc.edges,
  };
  if (doc.description !== undefined) flow.description = doc.description;
  return { ok: true, value: flow };
}

/** The production JSON of a flow: stable key order, two-space indent. */
export function serializeFlow(flow: FlowDoc): string {
  return `${JSON.stringify(flow, null, 2)}\n`;
}

/** A new, empty flow holding only its entry node (Start), whose id is the kind's name. */
export function createFlow(id: string, name: string): FlowDoc {
  const entry = { id: entryKind.kind, kind: entryKind.kind, position: { x: 0, y: 0 }, data: entryKind.model.defaults() } as FlowNode;
  return { format: FLOW_FORMAT, version: FLOW_VERSION, id, name, nodes: [entry], edges: [] };
}

/**
 * The JSON Schema source: the envelope with each kind's data schema, from the
 * same zod schemas the parser uses, with descriptions for readers of the schema.
 */
export function flowJsonSchemaSource() {
  const kindNodes = kindNames.map((kind) => {
    const model = getModel(kind)!;
    return rawNodeSchema
      .extend({
        kind: z.literal(kind),
        data: model.schema,
        endsCall: rawNodeSchema.shape.endsCall.describe(
          'Output ports deliberately left unconnected: the call ends there (C1). Each must be a port of this node.',
        ),
      })
      .describe(`${model.title}: ${model.description}`);
  });
  return flowEnvelopeSchema.extend({
    format: flowEnvelopeSchema.shape.format.describe('Always "recflow.flow".'),
    version: flowEnvelopeSchema.shape.version.describe(
      `The format version. Older versions are migrated on import; newer ones are refused. This schema describes version ${FLOW_VERSION}.`,
    ),
    nodes: z
      .array(z.discriminatedUnion('kind', kindNodes as unknown as [typeof rawNodeSchema]))
      .max(MAX_NODES)
      .describe(`At most ${MAX_NODES} nodes with unique ids, exactly one of kind "${entryKind.kind}" (C1).`),
    edges: flowEnvelopeSchema.shape.edges.describe(
      'Each edge leads from one output port of its source node to a node other than Start and other than itself; at most one edge leaves a port.',
    ),
  });
}
