/**
 * Scenarios that cover a flow: `xstate/graph` walks what may happen to a call
 * (key presses, choices, timers running out, answers, an outside number answering) as
 * the call machine allows it at each point, and the shortest calls that
 * together pass every reachable node and leave by every connected port
 * become scenarios whose current results are their expectations.
 *
 * States are told apart by what the call machine's state and the flow
 * position say (time and history aside), so a flow with loops is explored
 * once per distinct situation and the walk ends.
 */
import { fromTransition, type AnyActorLogic } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { isEntry, referencesOf } from '../../nodes/index.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import type { Expectation } from './scenario.ts';
import { startCall } from './session.ts';
import type { CallAction, CallResult, CallSession, CallStart, PortRef, TimedAction } from './types.ts';

/** How a flow's nodes and ports are covered by the generated scenarios. */
export interface Coverage<T> {
  /** Reachable from the flow's Start through its connections. */
  reachable: T[];
  covered: T[];
  /** Reachable, but no generated call got there (a finding: a node or port the simulation cannot take). */
  missed: T[];
  /** Not reachable from Start: listed, not counted. */
  unreachable: T[];
}

export interface CoverScenario {
  name: string;
  call: CallStart;
  actions: TimedAction[];
  /** The result the call gives today: the scenario's expectation. */
  result: CallResult;
  /** What this scenario covers that no earlier one did. */
  covers: { nodes: string[]; ports: PortRef[] };
}

export interface CoverReport {
  call: CallStart;
  nodes: Coverage<string>;
  ports: Coverage<PortRef>;
  scenarios: CoverScenario[];
  /** Distinct call situations the walk explored. */
  explored: number;
}

export interface CoverOptions {
  /** Stop exploring after this many distinct situations (a safety net for very large flows). */
  maxStates?: number;
}

/** The actions a call's flow position depends on; agent-side actions (hold, pause, transfers) do not move the flow. */
const FLOW_ACTIONS = new Set<CallAction['type']>(['press', 'choose', 'answer', 'outsideAnswer', 'contactAnswer', 'wait']);

const portKey = (p: PortRef) => `${p.nodeId}\u0000${p.port}`;

interface Explored {
  actions: TimedAction[];
  session: CallSession;
}

function replay(ws: WorkspaceDoc, flow: FlowDoc, call: CallStart, actions: readonly TimedAction[]): CallSession {
  const session = startCall(ws, flow, call);
  for (const { at, ...action } of actions) session.apply(action as CallAction, at);
  return session;
}

/** The next moves worth exploring from where the call is: every key, the timer, one answer. */
function moves(session: CallSession): TimedAction[] {
  // An ended call offers nothing (available() is empty), so the walk stops there.
  const now = session.time;
  const timer = session.nextTimerAt();
  // Act before the running timer falls due (a timer due at the moment of an action fires first).
  const at = timer === null ? now + 1 : now + Math.min(1, (timer - now) / 2);
  const out: TimedAction[] = [];
  for (const offer of session.available()) {
    if (!FLOW_ACTIONS.has(offer.type)) continue;
    switch (offer.type) {
      case 'press':
        // Every key offered: keys leading the same way end in the same situation and are explored once.
        for (const d of offer.digits) out.push({ type: 'press', digit: d.value, at });
        break;
      case 'choose':
        // R26/R27: every outcome a decision has, a step's error and a queue being full or closed.
        for (const o of offer.options) out.push({ type: 'choose', option: o.value, at });
        break;
      case 'answer':
        // Answering is offered only while at least one agent rings, and the first one answering is enough.
        out.push({ type: 'answer', agentId: offer.agents[0]!.value, at });
        break;
      case 'wait':
        if (timer !== null) out.push({ type: 'wait', at: timer });
        break;
      default:
        out.push({ type: offer.type, at } as TimedAction);
    }
  }
  return out;
}

/** What tells two call situations apart for coverage: the machine's state and the flow position, not the time. */
function situation(session: CallSession): string {
  // Stryker disable next-line StringLiteral: any fixed key tells an ended call apart from the JSON arrays below
  if (session.ended) return 'ended';
  return JSON.stringify([session.state, session.currentNodeId, session.parties.map((p) => p.id)]);
}

/** Nodes and connected ports reachable from the flow's entry (its Start) through its connections. */
function reachability(flow: FlowDoc): { nodes: Set<string>; ports: Map<string, PortRef> } {
  const out = new Map<string, PortRef[]>();
  for (const e of flow.edges) {
    // Stryker disable next-line ArrayDeclaration: an extra element is not a port; its target (undefined) is never listed
    const list = out.get(e.source) ?? [];
    list.push({ nodeId: e.source, port: e.sourcePort });
    out.set(e.source, list);
  }
  const target = new Map(flow.edges.map((e) => [portKey({ nodeId: e.source, port: e.sourcePort }), e.target]));
  const nodes = new Set<string>();
  const ports = new Map<string, PortRef>();
  const queue = flow.nodes.filter((n) => isEntry(n)).map((n) => n.id);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (nodes.has(id)) continue;
    nodes.add(id);
    // Stryker disable next-line ArrayDeclaration: an extra element is not a port; its target (undefined) is never listed
    for (const p of out.get(id) ?? []) {
      ports.set(portKey(p), p);
      queue.push(target.get(portKey(p))!);
    }
  }
  return { nodes, ports };
}

/** The call a flow is covered with: inbound, to the first number its Start lists (or any number of the workspace). */
export function coverCall(ws: WorkspaceDoc, flow: FlowDoc): CallStart {
  const start = flow.nodes.find((n) => isEntry(n));
  const listed = start ? referencesOf(start).flatMap((r) => (r.type === 'number' ? [r.id] : [])) : [];
  const numberId = listed.find((id) => ws.numbers.some((n) => n.id === id)) ?? ws.numbers[0]?.id ?? listed[0] ?? 'cover';
  return { direction: 'inbound', numberId, callerNumber: '+15550199' };
}

/**
 * Generates scenarios that together reach every node and leave by every
 * connected port reachable from the flow's Start, and reports the coverage.
 *
 * @example
 * const report = coverFlow(workspace, flow);
 * report.nodes.missed;     // [] when every reachable node was reached
 * report.scenarios.length; // a few calls, each ending with the contact hanging up
 */
export function coverFlow(ws: WorkspaceDoc, flow: FlowDoc, options: CoverOptions = {}): CoverReport {
  const call = coverCall(ws, flow);
  // Stryker disable next-line ArrayDeclaration: scenarios take their actions from the path's events; an extra initial action is refused by the call and changes no situation
  const initial: Explored = { actions: [], session: startCall(ws, flow, call) };
  const logic = fromTransition((state: Explored, event: TimedAction) => {
    const actions = [...state.actions, event];
    return { actions, session: replay(ws, flow, call, actions) };
  }, initial) as unknown as AnyActorLogic;
  const traversal = {
    events: (snapshot: { context: Explored }) => moves(snapshot.context.session),
    serializeState: (snapshot: { context: Explored }) => situation(snapshot.context.session),
    serializeEvent: (event: TimedAction) => JSON.stringify({ ...event, at: undefined }),
    limit: options.maxStates ?? 20_000,
  };
  const shortest = getShortestPaths(logic, traversal as never);
  const adjacency = getAdjacencyMap(logic, traversal as never) as unknown as Record<string, { transitions: Record<string, { event: TimedAction }> }>;

  // Each way out of each situation, reached by the shortest call to that situation.
  // Stryker disable next-line ArrayDeclaration: an extra element replays as refused actions to the first situation, which every call of length 1 covers as well and sorts before
  const candidates: TimedAction[][] = [];
  for (const path of shortest) {
    const prefix = path.steps.slice(1).map((s) => s.event as unknown as TimedAction);
    const key = situation((path.state as unknown as { context: Explored }).context.session);
    // Both walks run the same logic with the same traversal, so every situation a shortest path ends in has its entry.
    const entry = adjacency[key]!;
    if (Object.keys(entry.transitions).length === 0) candidates.push(prefix);
    for (const t of Object.values(entry.transitions)) candidates.push([...prefix, t.event]);
  }
  // getShortestPaths lists situations breadth first, so the candidates already come shortest first (a situation the
  // call ends in repeats the move into it, listed earlier); the sort keeps ties to the shorter call whatever xstate's order.
  // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: equivalent with xstate's breadth-first order (above)
  candidates.sort((a, b) => a.length - b.length);

  const { nodes: reachableNodes, ports: reachablePorts } = reachability(flow);
  const coveredNodes = new Set<string>();
  const coveredPorts = new Set<string>();
  const scenarios: CoverScenario[] = [];
  const replays = candidates.map((actions) => ({ actions, session: replay(ws, flow, call, actions) }));
  // Greedy: the call covering the most not-yet-covered nodes and ports first; ties go to the shorter call.
  for (;;) {
    let best: { actions: TimedAction[]; session: CallSession; nodes: string[]; ports: PortRef[] } | null = null;
    for (const r of replays) {
      const nodes = [...new Set(r.session.path)].filter((n) => reachableNodes.has(n) && !coveredNodes.has(n));
      const ports = dedupe(r.session.traversed).filter((p) => reachablePorts.has(portKey(p)) && !coveredPorts.has(portKey(p)));
      const gain = nodes.length + ports.length;
      if (gain > 0 && (!best || gain > best.nodes.length + best.ports.length)) best = { ...r, nodes, ports };
    }
    if (!best) break;
    for (const n of best.nodes) coveredNodes.add(n);
    for (const p of best.ports) coveredPorts.add(portKey(p));
    scenarios.push(finish(ws, flow, call, best.actions, best.session, { nodes: best.nodes, ports: best.ports }, scenarios.length + 1));
  }

  const allPorts = new Map(flow.edges.map((e) => [portKey({ nodeId: e.source, port: e.sourcePort }), { nodeId: e.source, port: e.sourcePort }]));
  return {
    call,
    nodes: split(flow.nodes.map((n) => n.id), (n) => reachableNodes.has(n), (n) => coveredNodes.has(n)),
    ports: split([...allPorts.values()], (p) => reachablePorts.has(portKey(p)), (p) => coveredPorts.has(portKey(p))),
    scenarios,
    explored: Object.keys(adjacency).length,
  };
}

function dedupe(ports: readonly PortRef[]): PortRef[] {
  const seen = new Map<string, PortRef>();
  for (const p of ports) seen.set(portKey(p), p);
  return [...seen.values()];
}

function split<T>(all: T[], reachable: (x: T) => boolean, covered: (x: T) => boolean): Coverage<T> {
  const r = all.filter(reachable);
  return { reachable: r, covered: r.filter(covered), missed: r.filter((x) => !covered(x)), unreachable: all.filter((x) => !reachable(x)) };
}

/** The call as a complete scenario: the contact hangs up a second after the last move if the call still runs. */
function finish(
  ws: WorkspaceDoc,
  flow: FlowDoc,
  call: CallStart,
  moved: TimedAction[],
  session: CallSession,
  covers: CoverScenario['covers'],
  n: number,
): CoverScenario {
  const actions = session.ended ? moved : [...moved, { type: 'hangUp' as const, party: 'contact', at: session.time + 1 }];
  const final = session.ended ? session : replay(ws, flow, call, actions);
  const labels = (p: PortRef) => `${p.nodeId}:${p.port}`;
  const name = `Cover ${String(n).padStart(2, '0')}: ${covers.ports.length > 0 ? covers.ports.map(labels).join(', ') : covers.nodes.join(', ')}`;
  return { name, call, actions, result: final.result(), covers };
}

/** What a generated scenario expects: the result it gives today, on the fields a reviewer reads. */
export function expectationOf(result: CallResult): Expectation {
  return {
    recorded: result.recorded,
    channels: result.channels,
    segments: result.segments.map((s) => ({ start: s.start, end: s.end, channelA: s.channelA, channelB: s.channelB, endReason: s.endReason, sides: s.sides })),
    totalRecordedSeconds: result.totalRecordedSeconds,
    recordingSeconds: result.recordingSeconds,
    silences: result.silences,
    voicemails: result.voicemails.map((v) => ({ nodeId: v.nodeId, start: v.start, end: v.end, endReason: v.endReason })),
    path: result.path,
    externalPortionAt: result.externalPortionAt,
  };
}
