/**
 * Flow checks C1–C4: what a flow gets told before it is exported. One pure
 * function over the document; errors block export to production, warnings
 * do not. Every pass is linear in nodes + edges so a 1000-node flow checks
 * in well under 10 ms.
 */
import { getKind, isEntry, referencesOf } from '../../nodes/index.ts';
import type { AnyKind, CheckContext, FlowProblem } from '../../nodes/kit/contract.ts';
import type { FlowDoc, FlowNode } from '../document/flow.ts';
import type { PhoneNumber, WorkspaceDoc } from '../document/workspace.ts';
import { presetOf } from '../platforms/presets.ts';

/** One thing wrong with a flow, placed on a node (and port or field) when it is about one. */
export type Problem = FlowProblem;

export interface FlowCheckContext {
  /** With a workspace, C2/C3 use its account and number settings and node checks resolve references. */
  workspace?: WorkspaceDoc;
}

/** True when any problem blocks export. */
export function hasErrors(problems: ReadonlyArray<Problem>): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** A node's outgoing edges, resolved once. */
interface Out {
  port: string;
  target: string;
  /** Index of the target node, or -1 when the edge points at nothing. */
  to: number;
}

/**
 * Checks a flow for C1–C4 and gathers each node's own checks (with its id).
 * Pure: it reads `flow` and `ctx` and returns a new list, errors first.
 *
 * @example
 * const problems = checkFlow(flow, { workspace });
 * if (hasErrors(problems)) refuseExport(problems);
 */
export function checkFlow(flow: FlowDoc, ctx: FlowCheckContext = {}): Problem[] {
  // Stryker disable next-line ArrayDeclaration: checkFlow keeps only problems with a severity (its closing filter), so an extra element is dropped
  const problems: Problem[] = [];
  const nodes = flow.nodes;
  const n = nodes.length;
  const indexById = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = nodes[i]!.id;
    if (indexById.has(id)) {
      problems.push({ severity: 'error', code: 'C1-duplicate-id', message: `Another node already has the id "${id}".`, nodeId: id });
      continue;
    }
    indexById.set(id, i);
  }

  // Each node's kind (looked up once: the passes below ask its traits), own checks and ports.
  const checkCtx: CheckContext = ctx.workspace ? { workspace: ctx.workspace } : {};
  // Stryker disable next-line ArrayDeclaration: every index is written below before any pass reads it; the length only presizes
  const kindOf: Array<AnyKind | undefined> = new Array(n);
  // Stryker disable next-line ArrayDeclaration: every index is written below before any pass reads it; the length only presizes
  const portsOf: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    kindOf[i] = getKind(node.kind);
    const model = kindOf[i]?.model;
    if (!model) {
      problems.push({ severity: 'error', code: 'C1-unknown-kind', message: `Unknown node kind "${node.kind}".`, nodeId: node.id });
      portsOf[i] = [];
      continue;
    }
    portsOf[i] = model.ports(node.data).map((p) => p.id);
    // Stryker disable next-line ArrayDeclaration: checkFlow keeps only problems with a severity (its closing filter), so an extra element is dropped
    for (const p of model.check?.(node.data, checkCtx) ?? []) problems.push({ ...p, nodeId: node.id });
  }

  // C1: no edge to or from a missing node; one edge per port; nothing enters Start.
  const outs: Out[][] = Array.from({ length: n }, () => []);
  const seenPort = new Set<string>();
  for (const edge of flow.edges) {
    const from = indexById.get(edge.source);
    const to = indexById.get(edge.target) ?? -1;
    if (from === undefined) {
      problems.push({ severity: 'error', code: 'C1-missing-source', message: `Edge "${edge.id}" starts at a node that does not exist ("${edge.source}").` });
      continue;
    }
    if (to === -1) {
      problems.push({
        severity: 'error',
        code: 'C1-missing-target',
        message: `The "${edge.sourcePort}" path leads to a node that does not exist ("${edge.target}").`,
        nodeId: edge.source,
        port: edge.sourcePort,
      });
    } else if (kindOf[to]?.traits.entry) {
      problems.push({ severity: 'error', code: 'C1-edge-into-start', message: 'Nothing may lead back into the Start node.', nodeId: edge.target });
    }
    if (kindOf[from] && !portsOf[from]!.includes(edge.sourcePort)) {
      // A port that no longer exists (a removed menu option): the parser would refuse the saved flow.
      problems.push({
        severity: 'error',
        code: 'C1-unknown-port',
        message: `There is no "${edge.sourcePort}" path on this node any more; remove the connection.`,
        nodeId: edge.source,
        port: edge.sourcePort,
      });
    }
    const key = `${edge.source}\u0000${edge.sourcePort}`;
    if (seenPort.has(key)) {
      problems.push({
        severity: 'error',
        code: 'C1-port-many-edges',
        message: `The "${edge.sourcePort}" path has more than one connection; a call can go only one way.`,
        nodeId: edge.source,
        port: edge.sourcePort,
      });
    }
    seenPort.add(key);
    outs[from]!.push({ port: edge.sourcePort, target: edge.target, to });
  }

  // C1: every output port connected or deliberately ending the call.
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    const ends = node.endsCall;
    for (const port of ends ?? []) {
      if (portsOf[i]!.includes(port) || !kindOf[i]) continue;
      problems.push({
        severity: 'error',
        code: 'C1-unknown-port',
        message: `The node is marked as ending the call on a "${port}" path it does not have.`,
        nodeId: node.id,
        port,
      });
    }
    for (const port of portsOf[i]!) {
      if (ends?.includes(port) || outs[i]!.some((o) => o.port === port)) continue;
      problems.push({
        severity: 'error',
        code: 'C1-port-unconnected',
        message: `The "${port}" path is not connected. Connect it, or mark it as ending the call.`,
        nodeId: node.id,
        port,
      });
    }
  }

  // C1: exactly one Start.
  const starts: number[] = [];
  for (let i = 0; i < n; i++) if (kindOf[i]?.traits.entry) starts.push(i);
  if (starts.length === 0) {
    problems.push({ severity: 'error', code: 'C1-no-start', message: 'The flow has no Start node, so no call can enter it.' });
  }
  for (const extra of starts.slice(1)) {
    problems.push({
      severity: 'error',
      code: 'C1-many-starts',
      message: 'The flow has more than one Start node; keep exactly one.',
      nodeId: nodes[extra]!.id,
    });
  }

  // C1: every node reachable from Start.
  if (starts.length > 0) {
    const reached = new Uint8Array(n);
    const queue: number[] = [];
    for (const s of starts) {
      reached[s] = 1;
      queue.push(s);
    }
    for (let head = 0; head < queue.length; head++) {
      for (const o of outs[queue[head]!]!) {
        if (o.to >= 0 && reached[o.to] === 0) {
          reached[o.to] = 1;
          queue.push(o.to);
        }
      }
    }
    for (let i = 0; i < n; i++) {
      if (reached[i] === 0) {
        problems.push({ severity: 'error', code: 'C1-unreachable', message: 'No call can reach this node from Start.', nodeId: nodes[i]!.id });
      }
    }
  }

  if (ctx.workspace) problems.push(...checkSharedNumbers(flow, starts, ctx.workspace), ...checkFlowLoops(flow, ctx.workspace));
  problems.push(...checkNotice(flow, kindOf, starts, outs, ctx.workspace));
  problems.push(...checkChannels(ctx.workspace));
  problems.push(...checkLoops(nodes, kindOf, outs, portsOf));
  problems.push(...checkMenuPaths(nodes, kindOf, outs));

  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')];
}

/** The ids of the numbers a flow's entry nodes list (R4: calls to them enter the flow there). */
function startNumbers(flow: FlowDoc): Set<string> {
  const ids = new Set<string>();
  for (const node of flow.nodes) {
    if (!isEntry(node)) continue;
    for (const ref of referencesOf(node)) if (ref.type === 'number') ids.add(ref.id);
  }
  return ids;
}

/**
 * C1 (workspace): an inbound call to a number enters exactly one flow (R4), so a
 * number served by two flows (listed by both Starts, or listed by one Start
 * while the number runs another flow) is an error on this flow's Start that
 * names every flow serving it.
 */
function checkSharedNumbers(flow: FlowDoc, starts: number[], ws: WorkspaceDoc): Problem[] {
  const start = starts[0] === undefined ? undefined : flow.nodes[starts[0]];
  if (!start) return [];
  const listed = ws.flows.map((f) => ({ flow: f.id === flow.id ? flow : f, numbers: startNumbers(f.id === flow.id ? flow : f) }));
  if (!ws.flows.some((f) => f.id === flow.id)) listed.push({ flow, numbers: startNumbers(flow) });
  // Stryker disable next-line ArrayDeclaration: checkFlow keeps only problems with a severity (its closing filter), so an extra element is dropped
  const problems: Problem[] = [];
  for (const number of ws.numbers) {
    const serving = listed.filter((l) => l.numbers.has(number.id) || l.flow.id === number.flowId).map((l) => l.flow);
    if (serving.length < 2 || !serving.some((f) => f.id === flow.id)) continue;
    const names = serving.map((f) => `“${f.name}”`);
    const list = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    problems.push({
      severity: 'error',
      code: 'C1-number-two-flows',
      message: `Phone number ${number.number}${number.label ? ` (${number.label})` : ''} is served by ${names.length} flows: ${list}. A call to it can enter only one (R4); take it out of all but one.`,
      nodeId: start.id,
      field: 'numberIds',
    });
  }
  return problems;
}

/** The flows a flow's nodes continue calls in (R28), each once, in node order. */
function enteredFlows(flow: FlowDoc): Array<{ nodeId: string; flowId: string }> {
  // Stryker disable next-line ArrayDeclaration: an extra entry has no flowId: it enters no flow byId knows and never closes a loop
  const out: Array<{ nodeId: string; flowId: string }> = [];
  for (const node of flow.nodes) for (const ref of referencesOf(node)) if (ref.type === 'flow') out.push({ nodeId: node.id, flowId: ref.id });
  return out;
}

/**
 * C1 (workspace, R28): flows that enter each other in a loop. A call following
 * them would come back to a flow it is still in, so the simulation ends it
 * there; each node of this flow that starts such a loop gets an error naming
 * the flows on it. Breadth-first over flows, so each flow is read once per node.
 */
function checkFlowLoops(flow: FlowDoc, ws: WorkspaceDoc): Problem[] {
  const byId = new Map(ws.flows.map((f) => [f.id, f]));
  byId.set(flow.id, flow);
  // Stryker disable next-line ArrayDeclaration: checkFlow keeps only problems with a severity (its closing filter), so an extra element is dropped
  const problems: Problem[] = [];
  for (const first of enteredFlows(flow)) {
    // The way back to this flow, if any: each flow reached remembers the flow it was reached from.
    const from = new Map<string, string | null>([[first.flowId, null]]);
    // A flow entering itself is the shortest loop: nothing to search.
    const queue = first.flowId === flow.id ? [] : [first.flowId];
    let closing: string | null = null;
    for (let i = 0; i < queue.length && closing === null; i++) {
      const here = byId.get(queue[i]!);
      if (!here) continue;
      for (const next of enteredFlows(here)) {
        if (next.flowId === flow.id) {
          closing = here.id;
          break;
        }
        if (!from.has(next.flowId)) {
          from.set(next.flowId, here.id);
          queue.push(next.flowId);
        }
      }
    }
    if (closing === null && first.flowId !== flow.id) continue;
    const loop: string[] = [];
    for (let at: string | null | undefined = closing; at; at = from.get(at)) loop.unshift(at);
    const names = [flow.id, ...loop, flow.id].map((id) => `“${byId.get(id)!.name}”`);
    problems.push({
      severity: 'error',
      code: 'C1-flow-loop',
      message: `The flows enter each other in a loop (${names.join(' → ')}): a call that follows it comes back to a flow it is still in, and the simulation ends it there (R28).`,
      nodeId: first.nodeId,
      field: 'flowId',
    });
  }
  return problems;
}

/**
 * R2 over R1: the inbound setting a number's calls get. A number with
 * overrides off, or set to `inherit`, takes the account's.
 */
function effectiveInbound(number: PhoneNumber | undefined, ws: WorkspaceDoc): boolean {
  const o = number?.override;
  if (o?.enabled && o.inbound !== 'inherit') return o.inbound === 'enabled';
  return ws.account.recordInbound;
}

/**
 * Whether an answering agent starts recording under R7 for calls entering
 * this flow, and the numbers that make it so. Without a workspace R1's
 * default (on) holds. The numbers served are those the Start lists plus
 * those whose `flowId` runs this flow.
 */
function inboundDefault(flow: FlowDoc, starts: number[], ws: WorkspaceDoc | undefined): { on: boolean; numbers: string[] } {
  if (!ws) return { on: true, numbers: [] };
  const served = new Set<string>();
  for (const s of starts) {
    for (const ref of referencesOf(flow.nodes[s]!)) if (ref.type === 'number') served.add(ref.id);
  }
  for (const num of ws.numbers) if (num.flowId === flow.id) served.add(num.id);
  if (served.size === 0) return { on: ws.account.recordInbound, numbers: [] };
  const on: string[] = [];
  for (const id of served) {
    const num = ws.numbers.find((x) => x.id === id);
    // An id the workspace does not know is reported by the Start's own check; its calls would get the account setting.
    if (effectiveInbound(num, ws)) on.push(num?.number ?? id);
  }
  return { on: on.length > 0, numbers: on };
}

/**
 * C2: walks every path from Start until the caller hears a recording
 * notice, tracking whether a Recording node has run (which ends R7's
 * default, R6). The walk visits each node at most twice (with and without
 * a Recording node behind it), so it is linear.
 */
function checkNotice(flow: FlowDoc, kindOf: Array<AnyKind | undefined>, starts: number[], outs: Out[][], ws: WorkspaceDoc | undefined): Problem[] {
  const nodes = flow.nodes;
  const inbound = inboundDefault(flow, starts, ws);
  // visited[i] bit 1: reached with no Recording node behind; bit 2: reached after one.
  const visited = new Uint8Array(nodes.length);
  const warned = new Uint8Array(nodes.length);
  // Stryker disable next-line ArrayDeclaration: checkFlow keeps only problems with a severity (its closing filter), so an extra element is dropped
  const problems: Problem[] = [];
  const stack: Array<[number, boolean]> = [];
  for (const s of starts) stack.push([s, false]);
  while (stack.length > 0) {
    const [i, recordingNodeRan] = stack.pop()!;
    const bit = recordingNodeRan ? 2 : 1;
    if ((visited[i]! & bit) !== 0) continue;
    visited[i]! |= bit;
    const node = nodes[i]!;
    const traits = kindOf[i]?.traits;
    if (traits?.recordingNotice?.(node.data)) continue;
    const recording = traits?.recording?.(node.data);
    if (warned[i] === 0) {
      if (recording?.record === 'on') {
        warned[i] = 1;
        problems.push({
          severity: 'warning',
          code: 'C2-no-notice',
          message:
            'Recording starts here (R5) before the caller has heard a recording notice. Put a Play node marked as the recording notice before it: all-party-consent jurisdictions require one.',
          nodeId: node.id,
        });
      } else if (!recordingNodeRan && inbound.on && traits?.agentAnswers?.(node.data)) {
        // R7 (R13: internal targets only): an agent answering here starts recording.
        warned[i] = 1;
        const why = inbound.numbers.length > 0 ? `inbound recording is on for ${inbound.numbers.join(', ')}` : 'inbound recording is on';
        problems.push({
          severity: 'warning',
          code: 'C2-no-notice',
          message: `Recording starts when an agent answers here (R7: ${why}) before the caller has heard a recording notice. Put a Play node marked as the recording notice before it: all-party-consent jurisdictions require one.`,
          nodeId: node.id,
        });
      }
    }
    const next = recordingNodeRan || recording !== undefined;
    for (const o of outs[i]!) if (o.to >= 0) stack.push([o.to, next]);
  }
  return problems;
}

/**
 * C3 / R18: an account recording mono makes every call's recording untranscribable. Node-level mono is the Recording
 * model's own check. R30: where the platform's preset fixes the channels, the account's value is not what records.
 */
function checkChannels(ws: WorkspaceDoc | undefined): Problem[] {
  // Stryker disable next-line ArrayDeclaration: checkFlow keeps only problems with a severity (its closing filter), so an extra element is dropped
  if (!ws) return [];
  const dualChannel = presetOf(ws.platform).fixed.dualChannel ?? ws.account.dualChannel;
  // Stryker disable next-line ArrayDeclaration: checkFlow keeps only problems with a severity (its closing filter), so an extra element is dropped
  if (dualChannel) return [];
  return [
    {
      severity: 'warning',
      code: 'C3-account-mono',
      message: 'Dual-channel recording is off for the account: recordings are mono and cannot be transcribed or analysed (R18).',
    },
  ];
}

/**
 * C4: a strongly connected set of nodes the call can never leave. A loop
 * has a way out when one of its nodes has an edge leaving it, a port that
 * ends the call (listed or left open, the latter already a C1 error), or can
 * end the flow itself (hang-up, an answered assign, a connected transfer).
 * Tarjan's algorithm, iterative so a long chain cannot overflow the stack.
 */
function checkLoops(nodes: FlowNode[], kindOf: Array<AnyKind | undefined>, outs: Out[][], portsOf: string[][]): Problem[] {
  const n = nodes.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  // Stryker disable next-line ArrayDeclaration: the stack is popped only down to the component's root, which sits above anything at its bottom
  const sccStack: number[] = [];
  // Stryker disable next-line ArrayDeclaration: checkFlow keeps only problems with a severity (its closing filter), so an extra element is dropped
  const problems: Problem[] = [];
  let counter = 0;
  const frames: Array<{ v: number; edge: number }> = [];
  // Stryker disable next-line UnaryOperator: compOf is read only for nodes reachable from a finished component, which all have theirs by then
  const compOf = new Int32Array(n).fill(-1);
  let compCount = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    frames.push({ v: root, edge: 0 });
    index[root] = low[root] = counter++;
    sccStack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const v = frame.v;
      const edges = outs[v]!;
      if (frame.edge < edges.length) {
        const w = edges[frame.edge++]!.to;
        if (w < 0) continue;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          sccStack.push(w);
          onStack[w] = 1;
          frames.push({ v: w, edge: 0 });
        } else if (onStack[w] === 1) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent.v] = Math.min(low[parent.v]!, low[v]!);
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = sccStack.pop()!;
        onStack[w] = 0;
        compOf[w] = compCount;
        members.push(w);
      } while (w !== v);
      // Stryker disable next-line UpdateOperator: counting down keeps the components' numbers distinct, and the initial -1 of compOf is never read
      const comp = compCount++;
      const isLoop = members.length > 1 || outs[v]!.some((o) => o.to === v);
      if (isLoop && !hasWayOut(members, comp, compOf, nodes, kindOf, outs, portsOf)) {
        members.sort((a, b) => a - b);
        const names = members.slice(0, 5).map((m) => `"${nodes[m]!.id}"`);
        const more = members.length > 5 ? ` and ${members.length - 5} more` : '';
        problems.push({
          severity: 'warning',
          code: 'C4-loop-no-exit',
          message: `A loop through ${names.join(', ')}${more} has no way out: a call that enters it can never end except by the caller hanging up.`,
          nodeId: nodes[members[0]!]!.id,
        });
      }
    }
  }
  return problems;
}

function hasWayOut(
  members: number[],
  comp: number,
  compOf: Int32Array,
  nodes: FlowNode[],
  kindOf: Array<AnyKind | undefined>,
  outs: Out[][],
  portsOf: string[][],
): boolean {
  for (const m of members) {
    const node = nodes[m]!;
    if (kindOf[m]?.traits.leavesFlow?.(node.data)) return true;
    if ((node.endsCall?.length ?? 0) > 0) return true;
    const connected = new Set<string>();
    for (const o of outs[m]!) {
      // Every node reachable from the loop already has its component, so another component means leaving.
      if (o.to < 0 || compOf[o.to] !== comp) return true;
      connected.add(o.port);
    }
    if (portsOf[m]!.some((p) => !connected.has(p))) return true;
  }
  return false;
}

/**
 * C4: a Menu whose `invalid` or `timeout` path (its fallback ports) ends the
 * call hangs up on a caller who mistyped or hesitated. An open port that is
 * not marked as ending the call is already a C1 error, so only marked ones are
 * warned here.
 */
function checkMenuPaths(nodes: FlowNode[], kindOf: Array<AnyKind | undefined>, outs: Out[][]): Problem[] {
  // Stryker disable next-line ArrayDeclaration: checkFlow keeps only problems with a severity (its closing filter), so an extra element is dropped
  const problems: Problem[] = [];
  nodes.forEach((node, i) => {
    const fallbackPorts = kindOf[i]?.traits.fallbackPorts;
    if (!fallbackPorts || !node.endsCall) return;
    for (const { port, reason } of fallbackPorts(node.data)) {
      if (!node.endsCall.includes(port) || outs[i]!.some((o) => o.port === port)) continue;
      problems.push({
        severity: 'warning',
        code: reason === 'invalid' ? 'C4-menu-invalid-ends' : 'C4-menu-timeout-ends',
        message:
          reason === 'invalid'
            ? `A caller who presses a wrong key is hung up on: connect the "${port}" path (for example back to the menu through a short message).`
            : `A caller who presses nothing is hung up on: connect the "${port}" path.`,
        nodeId: node.id,
        port,
      });
    }
  });
  return problems;
}
