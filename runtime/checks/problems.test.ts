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

describe('checkFlow: where each check draws its line', () => {
  const warningsOf = (f: FlowDoc, ws?: WorkspaceDoc) => checkFlow(f, ws ? { workspace: ws } : {}).filter((p) => p.severity === 'warning');
  const codesAt = (f: FlowDoc, ws?: WorkspaceDoc) => checkFlow(f, ws ? { workspace: ws } : {}).map((p) => [p.code, p.nodeId ?? null, p.port ?? null]);

  it('lists errors before warnings, each group in the order found', () => {
    const f = flow([start(), node('r', 'recording', { record: 'on', channels: 'mono' }), message('p')], edges('s.next>r', 'r.next>p'));
    expect(codesAt(f)).toEqual([
      ['C1-port-unconnected', 'p', 'next'],
      ['C3-mono', 'r', null],
      ['C2-no-notice', 'r', null],
    ]);
  });

  it('C2/R7: a number the workspace does not have is named by its id, with the account setting', () => {
    const f = flow([start(['gone']), assign('a')], edges('s.next>a'));
    const [warning] = warningsOf(f, workspace());
    expect(warning?.message).toContain('(R7: inbound recording is on for gone)');
  });

  it('C2/R1: a flow no number serves takes the account setting', () => {
    const f = flow([start(), assign('a')], edges('s.next>a'));
    expect(warningsOf(f, workspace()).map((p) => p.code)).toEqual(['C2-no-notice']);
    const off = workspace((ws) => {
      ws.account.recordInbound = false;
    });
    expect(warningsOf(f, off)).toEqual([]);
  });

  it('C2/R2: with every served number recording off, an agent answering starts nothing', () => {
    const f = flow([start(['main', 'sales']), assign('a')], edges('s.next>a'));
    const ws = workspace((w) => {
      for (const n of w.numbers) n.override = { enabled: true, inbound: 'disabled', outbound: 'inherit', agentPause: 'inherit' };
    });
    expect(warningsOf(f, ws)).toEqual([]);
  });

  it('C2/R5: a Recording on node after the notice is fine; a Recording off node never warns', () => {
    expect(warningsOf(flow([start(), notice('n'), node('r', 'recording', { record: 'on' }), hangup('h')], edges('s.next>n', 'n.next>r', 'r.next>h')))).toEqual([]);
    expect(warningsOf(flow([start(), node('r', 'recording', { record: 'off' }), hangup('h')], edges('s.next>r', 'r.next>h')))).toEqual([]);
  });

  it('C2/R6: once a Recording node has run, agents answering later start nothing by themselves', () => {
    const f = flow([start(), node('r', 'recording', { record: 'off' }), message('p'), assign('a')], edges('s.next>r', 'r.next>p', 'p.next>a'));
    expect(warningsOf(f)).toEqual([]);
  });

  it('C2/R7: a node reached both after a Recording node and without one is judged on the path without', () => {
    // s → menu: 1 → Recording off → a; 2 → a. The path through 2 reaches the Assign with no Recording node behind it.
    const f = flow(
      [start(), node('m', 'menu', {}, ['timeout', 'invalid']), node('r', 'recording', { record: 'off' }), assign('a')],
      edges('s.next>m', 'm.1>r', 'm.2>a', 'r.next>a'),
    );
    expect(warningsOf(f).filter((p) => p.code === 'C2-no-notice').map((p) => p.nodeId)).toEqual(['a']);
    const onlyThroughOff = flow([start(), node('r', 'recording', { record: 'off' }), assign('a')], edges('s.next>r', 'r.next>a'));
    expect(warningsOf(onlyThroughOff)).toEqual([]);
  });

  it('C2: a plain message is no notice; the walk ignores edges to nodes that do not exist', () => {
    const f = flow([start(), message('p'), node('m', 'menu', {}, ['timeout', 'invalid']), assign('a')], edges('s.next>p', 'p.next>m', 'm.1>a', 'm.2>ghost'));
    expect(warningsOf(f).filter((p) => p.code === 'C2-no-notice').map((p) => p.nodeId)).toEqual(['a']);
  });

  it('C4: a node that leads back into itself is a loop', () => {
    const f = flow([start(), message('p')], edges('s.next>p', 'p.next>p'));
    expect(warningsOf(f).map((p) => [p.code, p.nodeId])).toEqual([['C4-loop-no-exit', 'p']]);
  });

  it('C4: a loop of exactly five nodes names them all', () => {
    const ids = ['l1', 'l2', 'l3', 'l4', 'l5'];
    const f = flow([start(), ...ids.map(message)], edges('s.next>l1', 'l1.next>l2', 'l2.next>l3', 'l3.next>l4', 'l4.next>l5', 'l5.next>l1'));
    expect(warningsOf(f)[0]?.message).toBe(
      'A loop through "l1", "l2", "l3", "l4", "l5" has no way out: a call that enters it can never end except by the caller hanging up.',
    );
  });

  it('C4: a loop is named from its first node in the flow, whichever node the walk entered it by', () => {
    const f = flow([start(), message('b'), message('a')], edges('s.next>a', 'a.next>b', 'b.next>a'));
    expect(warningsOf(f).map((p) => [p.nodeId, p.message.slice(0, 26)])).toEqual([['b', 'A loop through "b", "a" ha']]);
  });

  it.each<[string, () => FlowDoc]>([
    ['a Hang up in it', () => flow([start(), message('a'), hangup('h')], edges('s.next>a', 'a.next>h'))],
    ['an Assign in it (an agent may answer)', () => flow([start(), message('a'), node('x', 'assign', { target: { type: 'agent', agentId: 'ana' } })], edges('s.next>a', 'a.next>x', 'x.noAnswer>a'))],
    ['a Transfer in it', () => flow([start(), message('a'), node('x', 'transfer')], edges('s.next>a', 'a.next>x', 'x.failed>a'))],
    ['a port marked as ending the call', () => flow([start(), message('a'), node('m', 'menu', {}, ['invalid'])], edges('s.next>a', 'a.next>m', 'm.1>a', 'm.2>a', 'm.timeout>a'))],
    ['a port left open', () => flow([start(), message('a'), node('m', 'menu')], edges('s.next>a', 'a.next>m', 'm.1>a', 'm.2>a', 'm.timeout>a'))],
    ['an edge to a node that does not exist', () => flow([start(), message('a'), node('m', 'menu')], edges('s.next>a', 'a.next>m', 'm.1>a', 'm.2>a', 'm.timeout>a', 'm.invalid>ghost'))],
    ['an edge out of the loop', () => flow([start(), message('a'), node('m', 'menu'), hangup('h')], edges('s.next>a', 'a.next>m', 'm.1>a', 'm.2>a', 'm.timeout>a', 'm.invalid>h'))],
  ])('C4: a loop with %s has a way out', (_name, f) => {
    expect(checkFlow(f()).filter((p) => p.code === 'C4-loop-no-exit')).toEqual([]);
  });

  it('C4: a loop where every path of a menu and a voicemail returns has no way out', () => {
    const f = flow([start(), node('m', 'menu'), node('v', 'voicemail')], edges('s.next>m', 'm.1>v', 'm.2>m', 'm.timeout>v', 'm.invalid>m', 'v.next>m'));
    expect(checkFlow(f).filter((p) => p.code === 'C4-loop-no-exit').map((p) => p.nodeId)).toEqual(['m']);
  });

  it('C4: a menu path marked as ending the call but also connected is no warning; no timeout means no timeout path', () => {
    const connected = flow([start(), notice('n'), node('m', 'menu', {}, ['invalid']), hangup('h')], edges('s.next>n', 'n.next>m', 'm.1>h', 'm.2>h', 'm.timeout>h', 'm.invalid>h'));
    expect(checkFlow(connected).map((p) => p.code)).toEqual([]);
    const noTimeout = flow([start(), notice('n'), node('m', 'menu', { timeoutSeconds: null }, ['invalid']), hangup('h')], edges('s.next>n', 'n.next>m', 'm.1>h', 'm.2>h'));
    expect(checkFlow(noTimeout).map((p) => p.code)).toEqual(['C4-menu-no-timeout', 'C4-menu-invalid-ends']);
  });

  it('C1: ports and endsCall of a node of an unknown kind are not judged (its kind is the error)', () => {
    const fax = { id: 'x', kind: 'fax', position: { x: 0, y: 0 }, data: {}, endsCall: ['paper'] } as unknown as FlowNode;
    const f = flow([start(), fax, hangup('h')], edges('s.next>x', 'x.out>h'));
    expect(checkFlow(f).map((p) => p.code)).toEqual(['C1-unknown-kind']);
  });

  it('C1: edges of a duplicated id belong to the first node with it', () => {
    const f = flow([start(), hangup('h'), message('h')], edges('s.next>h'));
    expect(checkFlow(f).map((p) => [p.code, p.nodeId, p.port ?? null])).toEqual([
      ['C1-duplicate-id', 'h', null],
      ['C1-port-unconnected', 'h', 'next'],
      ['C1-unreachable', 'h', null],
    ]);
  });

  it('C1: an edge to a missing node is still checked for its port', () => {
    const f = flow([start(), hangup('h')], edges('s.next>h', 's.other>ghost'));
    expect(checkFlow(f).map((p) => p.code)).toEqual(['C1-missing-target', 'C1-unknown-port']);
  });
});
