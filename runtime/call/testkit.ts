/**
 * Small builders for runtime tests and benches: a workspace with three
 * agents, a ring group and two numbers, and a compact way to write flows.
 */
import { getModel, type NodeKindName } from '../../nodes/index.ts';
import { FLOW_FORMAT, FLOW_VERSION, type FlowDoc, type FlowNode } from '../document/flow.ts';
import { type AccountSettings, createWorkspace, defaultAccountSettings, defaultRole, type PhoneNumber, type WorkspaceDoc } from '../document/workspace.ts';
import { startCall } from './session.ts';
import type { CallAction, CallResult, CallSession, CallStart } from './types.ts';

export interface TestWorkspaceOptions {
  account?: Partial<AccountSettings>;
  /** Override of the `main` number (R2). */
  mainOverride?: Partial<PhoneNumber['override']>;
}

/**
 * Agents `ana`, `ben`, `cy` (role `agent`), ring group `support` = ana + ben,
 * numbers `main` and `sales` (no overrides unless given).
 */
export function testWorkspace(opts: TestWorkspaceOptions = {}): WorkspaceDoc {
  const ws = createWorkspace('Test');
  ws.account = { ...defaultAccountSettings(), ...opts.account };
  ws.roles = [defaultRole('agent', 'Agent')];
  ws.agents = [
    { id: 'ana', name: 'Ana', roleId: 'agent' },
    { id: 'ben', name: 'Ben', roleId: 'agent' },
    { id: 'cy', name: 'Cy', roleId: 'agent' },
  ];
  ws.ringGroups = [{ id: 'support', name: 'Support', memberIds: ['ana', 'ben'] }];
  ws.numbers = [
    {
      id: 'main',
      number: '+15550001',
      label: 'Main',
      flowId: null,
      override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit', ...opts.mainOverride },
    },
    {
      id: 'sales',
      number: '+15550002',
      label: 'Sales',
      flowId: null,
      override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' },
    },
  ];
  return ws;
}

export type NodeSpec = [id: string, kind: NodeKindName, data?: Record<string, unknown>];
export type EdgeSpec = [source: string, port: string, target: string];

/**
 * A flow from compact specs; each node's data is its kind's defaults with `data` on top.
 *
 * @example
 * buildFlow([['s', 'start'], ['r', 'recording'], ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' } }]],
 *           [['s', 'next', 'r'], ['r', 'next', 'a']]);
 */
export function buildFlow(nodes: NodeSpec[], edges: EdgeSpec[], id = 'f'): FlowDoc {
  return {
    format: FLOW_FORMAT,
    version: FLOW_VERSION,
    id,
    name: id,
    nodes: nodes.map(([nodeId, kind, data], i) => {
      const model = getModel(kind)!;
      const merged = { ...(model.defaults() as Record<string, unknown>), ...data };
      const parsed = model.schema.parse(merged);
      return { id: nodeId, kind, position: { x: i * 200, y: 0 }, data: parsed } as FlowNode;
    }),
    edges: edges.map(([source, sourcePort, target], i) => ({ id: `e${i}`, source, sourcePort, target })),
  };
}

export const inbound = (numberId = 'main'): CallStart => ({ direction: 'inbound', numberId, callerNumber: '+15559999' });
export const outbound = (agentId = 'ana', fromNumberId = 'main'): CallStart => ({
  direction: 'outbound',
  agentId,
  fromNumberId,
  contactNumber: '+15558888',
});

/** Runs timed actions against a fresh call and returns the session (for inspection) and its result. */
export function run(
  ws: WorkspaceDoc,
  flow: FlowDoc | undefined,
  start: CallStart,
  steps: Array<[at: number, action: CallAction]>,
): { session: CallSession; result: CallResult } {
  const session = startCall(ws, flow, start);
  for (const [at, action] of steps) {
    const out = session.apply(action, at);
    if (!out.ok) throw new Error(out.error);
  }
  return { session, result: session.result() };
}

/** Segments as `[start, end, endReason]` triples, for compact assertions. */
export function spans(result: CallResult): Array<[number, number, string]> {
  return result.segments.map((s) => [s.start, s.end, s.endReason]);
}

/** A flow: Start → Assign(support, 30 s) with noAnswer → Voicemail. */
export function assignFlow(): FlowDoc {
  return buildFlow(
    [
      ['s', 'start', { numberIds: ['main'] }],
      ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 30 }],
      ['vm', 'voicemail', { maxLengthSeconds: 60 }],
    ],
    [
      ['s', 'next', 'a'],
      ['a', 'noAnswer', 'vm'],
    ],
  );
}
