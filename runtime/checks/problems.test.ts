/**
 * Every problem code `checkFlow` can report (C1–C4 and each kind's own
 * checks), one row each: its severity, the sentence the problems panel and
 * `recflow validate` print, and the node, port or field it points at, so a
 * user is sent to the right place.
 */
import { describe, expect, it } from 'vitest';
import type { FlowDoc, FlowNode } from '../document/flow.ts';
import { createWorkspace, type WorkspaceDoc } from '../document/workspace.ts';
import { checkFlow, hasErrors, type Problem } from './checkFlow.ts';
import { edges, flow, node } from './testkit.ts';

const start = (numberIds: string[] = []) => node('s', 'start', { numberIds });
const notice = (id: string) => node(id, 'play', { text: 'This call is recorded.', recordingNotice: true });
const message = (id: string) => node(id, 'play', { text: 'Hello.' });
const hangup = (id: string) => node(id, 'hangup');
const assign = (id: string) => node(id, 'assign', { target: { type: 'ringGroup', ringGroupId: 'rg' } }, ['noAnswer']);

function workspace(patch: (ws: WorkspaceDoc) => void = () => {}): WorkspaceDoc {
  const ws = createWorkspace('Test');
  ws.agents.push({ id: 'ana', name: 'Ana', roleId: 'agent' });
  ws.ringGroups.push({ id: 'rg', name: 'Support', memberIds: ['ana'] });
  ws.numbers.push(
    { id: 'main', number: '+15550100', label: 'Main', flowId: null, override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' } },
    { id: 'sales', number: '+15550200', label: 'Sales', flowId: null, override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' } },
  );
  patch(ws);
  return ws;
}

interface Row {
  name: string;
  flow: () => FlowDoc;
  workspace?: () => WorkspaceDoc;
  /** The problem exactly as reported (without `field`/`port`/`nodeId` where it has none). */
  problem: Problem;
}

const rows: Row[] = [
  {
    name: 'C1: a second node with an id already taken',
    flow: () => flow([start(), hangup('h'), hangup('h')], edges('s.next>h')),
    problem: { severity: 'error', code: 'C1-duplicate-id', message: 'Another node already has the id "h".', nodeId: 'h' },
  },
  {
    name: 'C1: a node of a kind this Recflow does not know names the kind',
    flow: () => flow([start(), { id: 'x', kind: 'fax', position: { x: 0, y: 0 }, data: {} } as unknown as FlowNode], edges('s.next>x')),
    problem: { severity: 'error', code: 'C1-unknown-kind', message: 'Unknown node kind "fax".', nodeId: 'x' },
  },
  {
    name: 'C1: an edge from a node that does not exist names the edge and the node',
    flow: () => flow([start(), hangup('h')], edges('s.next>h', 'ghost.next>h')),
    problem: { severity: 'error', code: 'C1-missing-source', message: 'Edge "e1" starts at a node that does not exist ("ghost").' },
  },
  {
    name: 'C1: an edge to a node that does not exist names the path and the node, on the source port',
    flow: () => flow([start()], edges('s.next>ghost')),
    problem: { severity: 'error', code: 'C1-missing-target', message: 'The "next" path leads to a node that does not exist ("ghost").', nodeId: 's', port: 'next' },
  },
  {
    name: 'C1: an edge back into Start is placed on the Start',
    flow: () => flow([start(), message('p')], edges('s.next>p', 'p.next>s')),
    problem: { severity: 'error', code: 'C1-edge-into-start', message: 'Nothing may lead back into the Start node.', nodeId: 's' },
  },
  {
    name: 'C1: an edge from a port the node no longer has names the port',
    flow: () => flow([start(), node('m', 'menu', {}, ['1', '2', 'timeout', 'invalid']), hangup('h')], edges('s.next>m', 'm.7>h')),
    problem: {
      severity: 'error',
      code: 'C1-unknown-port',
      message: 'There is no "7" path on this node any more; remove the connection.',
      nodeId: 'm',
      port: '7',
    },
  },
  {
    name: 'C1: an endsCall entry for a port the node does not have names the port',
    flow: () => flow([start(), node('p', 'play', { text: 'Hi' }, ['next', 'timeout'])], edges('s.next>p')),
    problem: {
      severity: 'error',
      code: 'C1-unknown-port',
      message: 'The node is marked as ending the call on a "timeout" path it does not have.',
      nodeId: 'p',
      port: 'timeout',
    },
  },
  {
    name: 'C1: a second edge on one port names the port',
    flow: () => flow([start(), hangup('h1'), hangup('h2')], edges('s.next>h1', 's.next>h2')),
    problem: {
      severity: 'error',
      code: 'C1-port-many-edges',
      message: 'The "next" path has more than one connection; a call can go only one way.',
      nodeId: 's',
      port: 'next',
    },
  },
  {
    name: 'C1: an open port names the port and how to fix it',
    flow: () => flow([start(), message('p')], edges('s.next>p')),
    problem: {
      severity: 'error',
      code: 'C1-port-unconnected',
      message: 'The "next" path is not connected. Connect it, or mark it as ending the call.',
      nodeId: 'p',
      port: 'next',
    },
  },
  {
    name: 'C1: no Start',
    flow: () => flow([hangup('h')]),
    problem: { severity: 'error', code: 'C1-no-start', message: 'The flow has no Start node, so no call can enter it.' },
  },
  {
    name: 'C1: a second Start is placed on the extra one',
    flow: () => flow([start(), node('s2', 'start'), hangup('h')], edges('s.next>h', 's2.next>h')),
    problem: { severity: 'error', code: 'C1-many-starts', message: 'The flow has more than one Start node; keep exactly one.', nodeId: 's2' },
  },
  {
    name: 'C1: a node no call reaches',
    flow: () => flow([start(), hangup('h'), hangup('lost')], edges('s.next>h')),
    problem: { severity: 'error', code: 'C1-unreachable', message: 'No call can reach this node from Start.', nodeId: 'lost' },
  },
  {
    name: 'C2/R5: a Recording node turning recording on before any notice',
    flow: () => flow([start(), node('r', 'recording', { record: 'on' }), hangup('h')], edges('s.next>r', 'r.next>h')),
    problem: {
      severity: 'warning',
      code: 'C2-no-notice',
      message:
        'Recording starts here (R5) before the caller has heard a recording notice. Put a Play node marked as the recording notice before it: all-party-consent jurisdictions require one.',
      nodeId: 'r',
    },
  },
  {
    name: 'C2/R7: an agent answering before any notice, with no workspace (R1 default on)',
    flow: () => flow([start(), assign('a')], edges('s.next>a')),
    problem: {
      severity: 'warning',
      code: 'C2-no-notice',
      message:
        'Recording starts when an agent answers here (R7: inbound recording is on) before the caller has heard a recording notice. Put a Play node marked as the recording notice before it: all-party-consent jurisdictions require one.',
      nodeId: 'a',
    },
  },
  {
    name: 'C2/R7/R2: an agent answering before any notice names the numbers whose inbound recording is on',
    flow: () => flow([start(['main', 'sales']), assign('a')], edges('s.next>a')),
    workspace: () =>
      workspace((ws) => {
        ws.numbers[1]!.override = { enabled: true, inbound: 'disabled', outbound: 'inherit', agentPause: 'inherit' };
      }),
    problem: {
      severity: 'warning',
      code: 'C2-no-notice',
      message:
        'Recording starts when an agent answers here (R7: inbound recording is on for +15550100) before the caller has heard a recording notice. Put a Play node marked as the recording notice before it: all-party-consent jurisdictions require one.',
      nodeId: 'a',
    },
  },
  {
    name: 'C3/R18: the account recording mono',
    flow: () => flow([start(), notice('n'), assign('a')], edges('s.next>n', 'n.next>a')),
    workspace: () =>
      workspace((ws) => {
        ws.account.dualChannel = false;
      }),
    problem: {
      severity: 'warning',
      code: 'C3-account-mono',
      message: 'Dual-channel recording is off for the account: recordings are mono and cannot be transcribed or analysed (R18).',
    },
  },
  {
    name: 'C3/R18: a Recording node set to mono, on its channels field',
    flow: () => flow([start(), notice('n'), node('r', 'recording', { record: 'on', channels: 'mono' }), hangup('h')], edges('s.next>n', 'n.next>r', 'r.next>h')),
    problem: {
      severity: 'warning',
      code: 'C3-mono',
      message: 'Mono recording: post-call transcription and speech analytics need dual channel.',
      field: 'channels',
      nodeId: 'r',
    },
  },
  {
    name: 'C4: a loop with no way out names its nodes, the first five and how many more',
    flow: () =>
      flow(
        [start(), ...['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7'].map(message)],
        edges('s.next>l1', 'l1.next>l2', 'l2.next>l3', 'l3.next>l4', 'l4.next>l5', 'l5.next>l6', 'l6.next>l7', 'l7.next>l1'),
      ),
    problem: {
      severity: 'warning',
      code: 'C4-loop-no-exit',
      message:
        'A loop through "l1", "l2", "l3", "l4", "l5" and 2 more has no way out: a call that enters it can never end except by the caller hanging up.',
      nodeId: 'l1',
    },
  },
  {
    name: 'C4: a short loop with no way out names every node',
    flow: () => flow([start(), message('a1'), message('a2')], edges('s.next>a1', 'a1.next>a2', 'a2.next>a1')),
    problem: {
      severity: 'warning',
      code: 'C4-loop-no-exit',
      message: 'A loop through "a1", "a2" has no way out: a call that enters it can never end except by the caller hanging up.',
      nodeId: 'a1',
    },
  },
  {
    name: 'C4: a menu whose invalid path ends the call, on that port',
    flow: () => flow([start(), notice('n'), node('m', 'menu', {}, ['invalid']), hangup('h')], edges('s.next>n', 'n.next>m', 'm.1>h', 'm.2>h', 'm.timeout>h')),
    problem: {
      severity: 'warning',
      code: 'C4-menu-invalid-ends',
      message: 'A caller who presses a wrong key is hung up on: connect the "invalid" path (for example back to the menu through a short message).',
      nodeId: 'm',
      port: 'invalid',
    },
  },
  {
    name: 'C4: a menu whose timeout path ends the call, on that port',
    flow: () => flow([start(), notice('n'), node('m', 'menu', {}, ['timeout']), hangup('h')], edges('s.next>n', 'n.next>m', 'm.1>h', 'm.2>h', 'm.invalid>h')),
    problem: {
      severity: 'warning',
      code: 'C4-menu-timeout-ends',
      message: 'A caller who presses nothing is hung up on: connect the "timeout" path.',
      nodeId: 'm',
      port: 'timeout',
    },
  },
  {
    name: 'C4: a menu with no timeout, on its timeout field',
    flow: () => flow([start(), node('m', 'menu', { timeoutSeconds: null }), hangup('h')], edges('s.next>m', 'm.1>h', 'm.2>h', 'm.invalid>h')),
    problem: {
      severity: 'warning',
      code: 'C4-menu-no-timeout',
      message: 'The menu has no timeout: a caller who presses nothing waits forever.',
      field: 'timeoutSeconds',
      nodeId: 'm',
    },
  },
  {
    name: 'menu: a key used by two options names the key',
    flow: () =>
      flow(
        [start(), node('m', 'menu', { options: [{ digit: '1', label: 'A' }, { digit: '1', label: 'B' }] }), hangup('h')],
        edges('s.next>m', 'm.1>h', 'm.timeout>h', 'm.invalid>h'),
      ),
    problem: { severity: 'error', code: 'duplicate-digit', message: 'Key 1 is used by more than one option.', field: 'options', nodeId: 'm' },
  },
  {
    name: 'menu: no options',
    flow: () => flow([start(), node('m', 'menu', { options: [] }), hangup('h')], edges('s.next>m', 'm.timeout>h', 'm.invalid>h')),
    problem: { severity: 'warning', code: 'no-options', message: 'The menu has no options.', field: 'options', nodeId: 'm' },
  },
  {
    name: 'play: a message with no text',
    flow: () => flow([start(), node('p', 'play', { text: '  ' }), hangup('h')], edges('s.next>p', 'p.next>h')),
    problem: { severity: 'warning', code: 'empty-message', message: 'The message has no text.', field: 'text', nodeId: 'p' },
  },
  {
    name: 'assign: no one chosen to ring',
    flow: () => flow([start(), node('a', 'assign', {}, ['noAnswer'])], edges('s.next>a')),
    problem: { severity: 'error', code: 'no-target', message: 'Choose who to ring.', field: 'target', nodeId: 'a' },
  },
  {
    name: 'start/R4: a number the workspace does not have names it',
    flow: () => flow([start(['main', 'gone']), notice('n'), hangup('h')], edges('s.next>n', 'n.next>h')),
    workspace: () => workspace(),
    problem: { severity: 'error', code: 'unknown-number', message: 'No phone number "gone" in the workspace.', field: 'numberIds', nodeId: 's' },
  },
  {
    name: 'assign: an agent the workspace does not have names the agent id',
    flow: () => flow([start(), notice('n'), node('a', 'assign', { target: { type: 'agent', agentId: 'zed' } }, ['noAnswer'])], edges('s.next>n', 'n.next>a')),
    workspace: () => workspace(),
    problem: { severity: 'error', code: 'unknown-agent', message: 'No agent "zed" in the workspace.', field: 'target', nodeId: 'a' },
  },
  {
    name: 'transfer: a ring group the workspace does not have names the ring group id',
    flow: () =>
      flow([start(), notice('n'), node('t', 'transfer', { target: { type: 'ringGroup', ringGroupId: 'nope' } }, ['failed'])], edges('s.next>n', 'n.next>t')),
    workspace: () => workspace(),
    problem: { severity: 'error', code: 'unknown-ring-group', message: 'No ring group "nope" in the workspace.', field: 'target', nodeId: 't' },
  },
];

describe('checkFlow: every problem code with its message and place', () => {
  it.each(rows)('$name', (row) => {
    const ws = row.workspace?.();
    const problems = checkFlow(row.flow(), ws ? { workspace: ws } : {});
    expect(problems).toContainEqual(row.problem);
    // The same code is not reported on a wrong node or port besides.
    const same = problems.filter((p) => p.code === row.problem.code);
    expect(same, JSON.stringify(same)).toHaveLength(1);
    expect(hasErrors(problems)).toBe(problems.some((p) => p.severity === 'error'));
  });

  it('reports the flow with none of these problems as clean', () => {
    const clean = flow([start(['main']), notice('n'), assign('a')], edges('s.next>n', 'n.next>a'));
    expect(checkFlow(clean, { workspace: workspace() })).toEqual([]);
  });
});
