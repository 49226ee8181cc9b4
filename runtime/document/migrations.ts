/**
 * Lifts documents written by older versions of Recflow to the current
 * version, one step at a time, so every old export still opens. A document
 * newer than this build is refused rather than guessed at.
 *
 * To change the flow format: bump `FLOW_VERSION` in `flow.ts` and
 * `CURRENT_FLOW_VERSION` here, add `flowSteps[old]` turning an old document
 * into the new shape, and add a fixture of the old shape under `fixtures/`.
 */
import type { ParseResult } from './errors.ts';

type Json = Record<string, unknown>;
type Step = (doc: Json) => Json;

/** `flowSteps[v]` turns a version-v flow into a version-(v+1) one. */
const flowSteps: Record<number, Step> = {
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

const workspaceSteps: Record<number, Step> = {
  // v2 added `versions`, the published versions of each flow. A v1 workspace has published none: the field's
  // default (no versions) fills it in, and a `versions` a v1 document should not have is still checked.
  1: (doc) => ({ ...doc, version: 2 }),
  // v3 added the platform (R30) and the account's recording dimensions it fixes or offers (recorded parties, what
  // a pause leaves, IVR recording, the outside parties' channel). A v2 workspace models Talkdesk: the defaults.
  2: (doc) => ({ ...doc, version: 3 }),
  // v4 added `scenarios`, the flows' saved scenarios (until then kept only in the browser that saved them). An
  // older workspace carries none: the field's default fills it in.
  3: (doc) => ({ ...doc, version: 4 }),
};

export const CURRENT_FLOW_VERSION = 2;
export const CURRENT_WORKSPACE_VERSION = 4;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Runs the steps from the document's version up to `current`. Anything that
 * is not an object with a whole-number version, or that names another
 * document format (a workspace read as a flow), is passed on untouched, for
 * the schema to refuse with a precise path: its version says nothing about
 * this format's.
 */
function migrate(value: unknown, what: string, format: string, current: number, steps: Record<number, Step>): ParseResult<unknown> {
  if (!isObject(value)) return { ok: true, value };
  if (typeof value.format === 'string' && value.format !== format) return { ok: true, value };
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: true, value };
  if (version > current) {
    return {
      ok: false,
      errors: [
        {
          path: '$.version',
          message: `this ${what} is version ${version}, newer than this Recflow understands (up to ${current}); update Recflow to open it`,
        },
      ],
    };
  }
  if (version < 1) {
    return { ok: false, errors: [{ path: '$.version', message: `version ${version} is not a ${what} version Recflow has ever written` }] };
  }
  let doc = value;
  for (let v = version; v < current; v++) {
    const step = steps[v];
    if (!step) return { ok: false, errors: [{ path: '$.version', message: `no migration from ${what} version ${v}` }] };
    doc = step(doc);
  }
  return { ok: true, value: doc };
}

export function migrateFlow(value: unknown): ParseResult<unknown> {
  return migrate(value, 'flow', 'recflow.flow', CURRENT_FLOW_VERSION, flowSteps);
}

export function migrateWorkspace(value: unknown): ParseResult<unknown> {
  return migrate(value, 'workspace', 'recflow.workspace', CURRENT_WORKSPACE_VERSION, workspaceSteps);
}
