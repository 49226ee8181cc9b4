/**
 * Lifts flow documents written by older versions of Recflow to the current
 * version, one step at a time, so every old export still opens.
 */
import type { ParseResult } from './errors.ts';

type Json = Record<string, unknown>;

/** `steps[v]` turns a version-v document into a version-(v+1) one. */
const flowSteps: Record<number, (doc: Json) => Json> = {
  // v1 named the node kind `type` and an edge's port `sourceHandle` (React Flow's words);
  // v2 uses the domain's words `kind` and `sourcePort`.
  1: (doc) => ({
    ...doc,
    version: 2,
    nodes: Array.isArray(doc.nodes)
      ? doc.nodes.map((n) => {
          if (!isObject(n) || !('type' in n)) return n;
          const { type, ...rest } = n;
          return { ...rest, kind: type };
        })
      : doc.nodes,
    edges: Array.isArray(doc.edges)
      ? doc.edges.map((e) => {
          if (!isObject(e) || !('sourceHandle' in e)) return e;
          const { sourceHandle, ...rest } = e;
          return { ...rest, sourcePort: sourceHandle };
        })
      : doc.edges,
  }),
};

export const CURRENT_FLOW_VERSION = 2;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function migrateFlow(value: unknown): ParseResult<unknown> {
  if (!isObject(value)) return { ok: true, value };
  let doc = value;
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: true, value };
  if (version > CURRENT_FLOW_VERSION) {
    return {
      ok: false,
      errors: [{ path: '$.version', message: `version ${version} is newer than this Recflow understands (${CURRENT_FLOW_VERSION}); update Recflow` }],
    };
  }
  for (let v = version; v < CURRENT_FLOW_VERSION; v++) {
    const step = flowSteps[v];
    if (!step) return { ok: false, errors: [{ path: '$.version', message: `no migration from version ${v}` }] };
    doc = step(doc);
  }
  return { ok: true, value: doc };
}
