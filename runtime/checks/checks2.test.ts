/**
 * C1 reachability, C2 notice (R2/R7), C4 loops and R28 flow loops: cases the main checkFlow tests leave out
 * (a node listed before Start, a flow with no Start, a number inheriting the account, flows entering each other
 * through a loop of their own).
 */
import { describe, expect, it } from 'vitest';
import type { FlowDoc, FlowNode } from '../document/flow.ts';
import { createWorkspace, type PhoneNumber, type WorkspaceDoc } from '../document/workspace.ts';
import { checkFlow, type Problem } from './checkFlow.ts';
import { edges, flow, node } from './testkit.ts';

const codes = (ps: Problem[]) => ps.map((p) => p.code);
const find = (ps: Problem[], code: string) => ps.filter((p) => p.code === code);
const notice = (id: string) => node(id, 'play', { text: 'This call is recorded.', recordingNotice: true });
const message = (id: string) => node(id, 'play', { text: 'Hello.' });
const assign = (id: string) => node(id, 'assign', { target: { type: 'ringGroup', ringGroupId: 'rg' } }, ['noAnswer']);

function number(id: string, phone: string, flowId: string | null, inbound: PhoneNumber['override']['inbound'] = 'inherit', enabled = false): PhoneNumber {
  return { id, number: phone, label: '', flowId, override: { enabled, inbound, outbound: 'inherit', agentPause: 'inherit' } };
}

function workspace(...numbers: PhoneNumber[]): WorkspaceDoc {
  const ws = createWorkspace('Test');
  ws.ringGroups.push({ id: 'rg', name: 'Support', memberIds: [] });
  ws.numbers.push(...numbers);
  return ws;
}

describe('C1: every node reachable from Start', () => {
  it('C1: a flow with no Start says so once, and does not also call each node unreachable', () => {
    const f = flow([message('a')]);
    f.nodes[0]!.endsCall = ['next'];
    expect(codes(checkFlow(f))).toEqual(['C1-no-start']);
  });

  it('C1/C2: a node listed before the Start is reached through its edge, and an agent answering there is warned (R7)', () => {
    const f = flow([assign('a'), node('s', 'start')], edges('s.next>a'));
    const ps = checkFlow(f);
    expect(ps).toEqual([{ severity: 'warning', code: 'C2-no-notice', message: expect.stringContaining('R7'), nodeId: 'a' }]);
  });
});

describe('C2: which numbers make an answering agent start recording (R2 over R1, R7)', () => {
  it('C2/R1: a flow no number serves takes the account setting and names no number', () => {
    const f = flow([node('s', 'start'), assign('a')], edges('s.next>a'));
    const ws = workspace(number('other', '+15550199', null));
    const [warning, ...more] = find(checkFlow(f, { workspace: ws }), 'C2-no-notice');
    expect(more).toEqual([]);
    expect(warning!.message).toContain('(R7: inbound recording is on)');
  });

  it('C2/R2: a number with its override on but inbound left at inherit takes the account setting (on)', () => {
    const f = flow([node('s', 'start'), assign('a')], edges('s.next>a'));
    const ws = workspace(number('main', '+15550100', 'f', 'inherit', true));
    const [warning] = find(checkFlow(f, { workspace: ws }), 'C2-no-notice');
    expect(warning!.message).toContain('(R7: inbound recording is on for +15550100)');
  });

  it('C2/R2: every number with inbound recording on is named, separated by commas', () => {
    const f = flow([node('s', 'start'), assign('a')], edges('s.next>a'));
    const ws = workspace(number('main', '+15550100', 'f'), number('vip', '+15550177', 'f', 'enabled', true));
    const [warning] = find(checkFlow(f, { workspace: ws }), 'C2-no-notice');
    expect(warning!.message).toContain('(R7: inbound recording is on for +15550100, +15550177)');
  });

  it('C2/R5: a Recording node reached both with and without an earlier Recording node is warned once', () => {
    const menu = node('m', 'menu', { options: [{ digit: '1', label: 'One' }, { digit: '2', label: 'Two' }] }, ['invalid', 'timeout']);
    const f = flow(
      [node('s', 'start'), menu, node('off', 'recording', { record: 'off' }), node('on', 'recording', { record: 'on' }), node('h', 'hangup')],
      edges('s.next>m', 'm.1>off', 'off.next>on', 'm.2>on', 'on.next>h'),
    );
    expect(find(checkFlow(f), 'C2-no-notice').map((p) => p.nodeId)).toEqual(['on']);
  });
});

describe('C4: loops with no way out', () => {
  it('C4: a loop through the first node listed is warned', () => {
    const f = flow([message('a'), message('b'), node('s', 'start'), notice('n')], edges('s.next>n', 'n.next>a', 'a.next>b', 'b.next>a'));
    const ps = checkFlow(f);
    expect(codes(ps)).toEqual(['C4-loop-no-exit']);
    expect(ps[0]!.message).toContain('"a", "b"');
  });

  it('C4: a loop through a node of an unknown kind is still checked (the kind is a C1 error)', () => {
    const mystery = { id: 'x', kind: 'mystery', position: { x: 0, y: 0 }, data: {} } as unknown as FlowNode;
    const f = flow([node('s', 'start'), notice('n'), message('b'), mystery], edges('s.next>n', 'n.next>b', 'b.next>x', 'x.next>b'));
    expect(codes(checkFlow(f))).toEqual(['C1-unknown-kind', 'C4-loop-no-exit']);
  });

  it('C4: a node alone is a loop only when it leads back to itself, even one with no way on (an unknown kind)', () => {
    const mystery = { id: 'x', kind: 'mystery', position: { x: 0, y: 0 }, data: {} } as unknown as FlowNode;
    const f = flow([node('s', 'start'), notice('n'), mystery], edges('s.next>n', 'n.next>x'));
    expect(codes(checkFlow(f))).toEqual(['C1-unknown-kind']);
  });
});

describe('C1 (R28): flows entering each other in a loop', () => {
  /** A flow whose Start continues, one after the other, in each of `to` (each returning). */
  const entering = (id: string, name: string, ...to: string[]): FlowDoc => {
    const goes = to.map((t, i) => node(`go${i}`, 'flow', { flowId: t, returns: true }));
    const ids = ['start', ...goes.map((g) => g.id)];
    const es = ids.slice(1).map((g, i) => `${ids[i]}.next>${g}`);
    const last = goes.length > 0 ? goes[goes.length - 1]! : null;
    if (last) last.endsCall = ['next'];
    return { ...flow([node('start', 'start'), ...goes], edges(...es)), id, name };
  };
  const loops = (f: FlowDoc, ws: WorkspaceDoc) => find(checkFlow(f, { workspace: ws }), 'C1-flow-loop').map((p) => p.message);

  it('R28: the loop named is the shortest way back, found breadth-first', () => {
    const main = entering('f', 'Main', 'a');
    const ws = workspace();
    ws.flows.push(main, entering('a', 'A', 'b', 'f'), entering('b', 'B', 'f'));
    const [loop, ...more] = loops(main, ws);
    expect(more).toEqual([]);
    expect(loop).toContain('(“Main” → “A” → “Main”)');
  });

  it('R28: a loop among the flows entered that does not come back here is walked once, and the way back named', () => {
    const main = entering('f', 'Main', 'a');
    const ws = workspace();
    ws.flows.push(main, entering('a', 'A', 'b'), entering('b', 'B', 'a', 'f'));
    const [loop, ...more] = loops(main, ws);
    expect(more).toEqual([]);
    expect(loop).toContain('(“Main” → “A” → “B” → “Main”)');
  });
});

describe('C1 (R4): a number without a label served by two flows', () => {
  it('C1/R4: the message gives the number alone, with no empty label after it', () => {
    const other: FlowDoc = { ...flow([node('start', 'start'), node('bye', 'hangup')], edges('start.next>bye')), id: 'o', name: 'Other' };
    const f = flow([node('s', 'start', { numberIds: ['main'] }), node('h', 'hangup')], edges('s.next>h'));
    const ws = workspace(number('main', '+15550100', 'o'));
    ws.flows.push(f, other);
    expect(find(checkFlow(f, { workspace: ws }), 'C1-number-two-flows')).toEqual([
      {
        severity: 'error',
        code: 'C1-number-two-flows',
        message: 'Phone number +15550100 is served by 2 flows: “Test” and “Other”. A call to it can enter only one (R4); take it out of all but one.',
        nodeId: 's',
        field: 'numberIds',
      },
    ]);
  });
});
