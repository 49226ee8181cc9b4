import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getModel, nodeModels } from '../../nodes/index.ts';
import { type FlowDoc, parseFlow } from '../document/flow.ts';
import { validFlowArbitrary } from '../document/flowArbitrary.ts';
import { createWorkspace, type WorkspaceDoc } from '../document/workspace.ts';
import { checkFlow, hasErrors, type Problem } from './checkFlow.ts';
import { generateFlow } from './generateFlow.ts';
import { edges, flow, node, servingFlow, workspaceWithSupportNumber } from './testkit.ts';

const codes = (ps: Problem[]) => ps.map((p) => p.code);
const find = (ps: Problem[], code: string) => ps.filter((p) => p.code === code);

const notice = (id: string) => node(id, 'play', { text: 'This call is recorded.', recordingNotice: true });
const message = (id: string) => node(id, 'play', { text: 'Hello.' });
const assign = (id: string) => node(id, 'assign', { target: { type: 'ringGroup', ringGroupId: 'rg' } }, ['noAnswer']);
const recOn = (id: string) => node(id, 'recording', { record: 'on' });
const recOff = (id: string) => node(id, 'recording', { record: 'off' });

/** Start → notice → Recording on → assign (noAnswer ends the call): a flow with no problems. */
function goodFlow(): FlowDoc {
  return flow([node('s', 'start'), notice('n'), recOn('r'), assign('a')], edges('s.next>n', 'n.next>r', 'r.next>a'));
}

function workspace(patch: (ws: WorkspaceDoc) => void = () => {}): WorkspaceDoc {
  const ws = createWorkspace('Test');
  ws.ringGroups.push({ id: 'rg', name: 'Support', memberIds: [] });
  ws.numbers.push({
    id: 'main',
    number: '+15550100',
    label: 'Main',
    flowId: 'f',
    override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' },
  });
  patch(ws);
  return ws;
}

describe('checkFlow', () => {
  it('finds nothing wrong in a flow with a notice before recording', () => {
    expect(checkFlow(goodFlow())).toEqual([]);
    expect(checkFlow(goodFlow(), { workspace: workspace() })).toEqual([]);
  });

  it("includes each node's own checks with the node id", () => {
    const f = goodFlow();
    f.nodes[3] = node('a', 'assign', { target: { type: 'ringGroup', ringGroupId: '' } }, ['noAnswer']);
    const ps = checkFlow(f);
    expect(find(ps, 'no-target')).toEqual([
      { severity: 'error', code: 'no-target', message: 'Choose who to ring.', field: 'target', nodeId: 'a' },
    ]);
    expect(hasErrors(ps)).toBe(true);
  });

  it('resolves references against the workspace when one is given', () => {
    const f = goodFlow();
    f.nodes[3] = node('a', 'assign', { target: { type: 'agent', agentId: 'ghost' } }, ['noAnswer']);
    expect(codes(checkFlow(f))).toEqual([]);
    expect(find(checkFlow(f, { workspace: workspace() }), 'unknown-agent')[0]?.nodeId).toBe('a');
  });

  it('lists errors before warnings', () => {
    const f = flow([node('s', 'start'), recOn('r'), message('x')], edges('s.next>r', 'r.next>x'));
    const ps = checkFlow(f);
    const firstWarning = ps.findIndex((p) => p.severity === 'warning');
    expect(firstWarning).toBeGreaterThan(0);
    expect(ps.slice(firstWarning).every((p) => p.severity === 'warning')).toBe(true);
  });

  describe('C1 structure', () => {
    it('C1: a flow without a Start is an error', () => {
      const ps = checkFlow(flow([node('h', 'hangup')]));
      expect(find(ps, 'C1-no-start')).toHaveLength(1);
      expect(find(ps, 'C1-no-start')[0]?.severity).toBe('error');
    });

    it('C1: a second Start is an error on that node', () => {
      const f = flow([node('s1', 'start', {}, ['next']), node('s2', 'start', {}, ['next'])]);
      expect(find(checkFlow(f), 'C1-many-starts').map((p) => p.nodeId)).toEqual(['s2']);
    });

    it('C1: a node no call can reach is an error', () => {
      const f = goodFlow();
      f.nodes.push(node('lost', 'hangup'));
      expect(find(checkFlow(f), 'C1-unreachable')).toEqual([
        { severity: 'error', code: 'C1-unreachable', message: expect.stringContaining('reach'), nodeId: 'lost' },
      ]);
    });

    it('C1: an open output port is an error naming the port', () => {
      const f = flow([node('s', 'start'), notice('n'), node('m', 'menu', {}, ['invalid', 'timeout'])], edges('s.next>n', 'n.next>m', 'm.1>n'));
      const open = find(checkFlow(f), 'C1-port-unconnected');
      expect(open.map((p) => [p.nodeId, p.port])).toEqual([['m', '2']]);
      expect(open[0]?.message).toContain('"2"');
    });

    it('C1: a port listed in endsCall may stay open', () => {
      const f = flow([node('s', 'start'), notice('n')], edges('s.next>n'));
      expect(codes(checkFlow(f))).toEqual(['C1-port-unconnected']);
      f.nodes[1]!.endsCall = ['next'];
      expect(checkFlow(f)).toEqual([]);
    });

    it('C1: an edge to a missing node is an error on its source port', () => {
      const f = goodFlow();
      f.edges.push({ id: 'bad', source: 'a', sourcePort: 'noAnswer', target: 'nowhere' });
      const ps = find(checkFlow(f), 'C1-missing-target');
      expect(ps.map((p) => [p.nodeId, p.port])).toEqual([['a', 'noAnswer']]);
    });

    it('C1: an edge from a missing node and a second edge on one port are errors', () => {
      const f = goodFlow();
      f.edges.push({ id: 'x1', source: 'ghost', sourcePort: 'next', target: 'a' }, { id: 'x2', source: 'r', sourcePort: 'next', target: 'n' });
      const ps = checkFlow(f);
      expect(codes(ps)).toContain('C1-missing-source');
      expect(find(ps, 'C1-port-many-edges')[0]?.nodeId).toBe('r');
    });

    it('C1: an edge from, or an endsCall entry for, a port the node no longer has is an error', () => {
      const f = flow([node('s', 'start'), notice('n'), node('m', 'menu', { options: [{ digit: '1', label: 'One' }] }, ['invalid', 'timeout', '2'])], edges('s.next>n', 'n.next>m', 'm.1>n', 'm.3>n'));
      expect(find(checkFlow(f), 'C1-unknown-port').map((p) => [p.nodeId, p.port])).toEqual([
        ['m', '3'],
        ['m', '2'],
      ]);
    });

    it('C1: two nodes sharing an id is an error', () => {
      const f = goodFlow();
      f.nodes.push(node('a', 'hangup'));
      expect(find(checkFlow(f), 'C1-duplicate-id').map((p) => p.nodeId)).toEqual(['a']);
    });

    it('C1: an edge into Start is an error', () => {
      const f = goodFlow();
      f.nodes[3] = node('a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'rg' } });
      f.edges.push({ id: 'back', source: 'a', sourcePort: 'noAnswer', target: 's' });
      expect(find(checkFlow(f), 'C1-edge-into-start')[0]?.nodeId).toBe('s');
    });
  });

  describe('C2 recording notice', () => {
    it('C2/R5: a Recording on node before any notice is warned on that node', () => {
      const f = flow([node('s', 'start'), recOn('r'), notice('n'), assign('a')], edges('s.next>r', 'r.next>n', 'n.next>a'));
      const ps = checkFlow(f);
      expect(ps).toEqual([{ severity: 'warning', code: 'C2-no-notice', message: expect.stringContaining('R5'), nodeId: 'r' }]);
    });

    it('C2/R7: an agent answering before any notice starts recording, so the Assign is warned', () => {
      const f = flow([node('s', 'start'), assign('a')], edges('s.next>a'));
      const ps = checkFlow(f);
      expect(ps).toEqual([{ severity: 'warning', code: 'C2-no-notice', message: expect.stringContaining('R7'), nodeId: 'a' }]);
    });

    it('C2/R7/R13: a transfer to an agent, ring group or extension counts as an agent answering', () => {
      for (const target of [
        { type: 'agent' as const, agentId: 'ag' },
        { type: 'ringGroup' as const, ringGroupId: 'rg' },
        { type: 'extension' as const, extension: '2040', system: 'teams' as const },
      ]) {
        const f = flow([node('s', 'start'), node('t', 'transfer', { target }, ['failed'])], edges('s.next>t'));
        expect(find(checkFlow(f), 'C2-no-notice').map((p) => p.nodeId)).toEqual(['t']);
      }
    });

    it('C2/R16: a transfer to an outside number starts no recording by itself', () => {
      const f = flow([node('s', 'start'), node('t', 'transfer', {}, ['failed'])], edges('s.next>t'));
      expect(checkFlow(f)).toEqual([]);
    });

    it('C2/R6: a Recording off node earlier on the path ends the agent-answer default', () => {
      const f = flow([node('s', 'start'), recOff('off'), assign('a')], edges('s.next>off', 'off.next>a'));
      expect(checkFlow(f)).toEqual([]);
    });

    it('C2/R5: recording turned on again after an off node, before a notice, is warned', () => {
      const f = flow([node('s', 'start'), recOff('off'), recOn('on'), assign('a')], edges('s.next>off', 'off.next>on', 'on.next>a'));
      expect(find(checkFlow(f), 'C2-no-notice').map((p) => p.nodeId)).toEqual(['on']);
    });

    it('C2: warns when only one branch of a menu skips the notice', () => {
      const f = flow(
        [node('s', 'start'), node('m', 'menu', {}, ['invalid', 'timeout']), notice('n'), assign('a1'), assign('a2')],
        edges('s.next>m', 'm.1>n', 'n.next>a1', 'm.2>a2'),
      );
      expect(find(checkFlow(f), 'C2-no-notice').map((p) => p.nodeId)).toEqual(['a2']);
    });

    it('C2: an agent reached both with and without a notice is warned once', () => {
      const f = flow(
        [node('s', 'start'), node('m', 'menu', {}, ['invalid', 'timeout']), notice('n'), assign('a')],
        edges('s.next>m', 'm.1>n', 'n.next>a', 'm.2>a'),
      );
      expect(find(checkFlow(f), 'C2-no-notice')).toHaveLength(1);
    });

    it('C2/R1: without a workspace, inbound recording is assumed on', () => {
      const f = flow([node('s', 'start'), assign('a')], edges('s.next>a'));
      expect(codes(checkFlow(f))).toEqual(['C2-no-notice']);
    });

    it('C2/R1: an account that does not record inbound calls starts nothing when an agent answers', () => {
      const f = flow([node('s', 'start', { numberIds: ['main'] }), assign('a')], edges('s.next>a'));
      const ws = workspace((w) => {
        w.account.recordInbound = false;
      });
      expect(checkFlow(f, { workspace: ws })).toEqual([]);
    });

    it('C2/R2: a number override enabling inbound recording beats the account setting', () => {
      const f = flow([node('s', 'start', { numberIds: ['main'] }), assign('a')], edges('s.next>a'));
      const ws = workspace((w) => {
        w.account.recordInbound = false;
        w.numbers[0]!.override = { enabled: true, inbound: 'enabled', outbound: 'inherit', agentPause: 'inherit' };
      });
      const ps = checkFlow(f, { workspace: ws });
      expect(codes(ps)).toEqual(['C2-no-notice']);
      expect(ps[0]?.message).toContain('+15550100');
    });

    it('C2/R2: an override switched off, or left at inherit, takes the account value', () => {
      const f = flow([node('s', 'start', { numberIds: ['main'] }), assign('a')], edges('s.next>a'));
      for (const override of [
        { enabled: false, inbound: 'enabled' as const, outbound: 'inherit' as const, agentPause: 'inherit' as const },
        { enabled: true, inbound: 'inherit' as const, outbound: 'inherit' as const, agentPause: 'inherit' as const },
      ]) {
        const ws = workspace((w) => {
          w.account.recordInbound = false;
          w.numbers[0]!.override = override;
        });
        expect(checkFlow(f, { workspace: ws })).toEqual([]);
      }
    });

    it('C2/R2: a number override disabling inbound recording silences the agent-answer warning', () => {
      const f = flow([node('s', 'start', { numberIds: ['main'] }), assign('a')], edges('s.next>a'));
      const ws = workspace((w) => {
        w.numbers[0]!.override = { enabled: true, inbound: 'disabled', outbound: 'inherit', agentPause: 'inherit' };
      });
      expect(checkFlow(f, { workspace: ws })).toEqual([]);
    });

    it('C2/R2: numbers whose flowId runs the flow count as served too', () => {
      const f = flow([node('s', 'start'), assign('a')], edges('s.next>a'));
      const ws = workspace((w) => {
        w.account.recordInbound = false;
        w.numbers.push({
          id: 'vip',
          number: '+15550177',
          label: 'VIP',
          flowId: 'f',
          override: { enabled: true, inbound: 'enabled', outbound: 'inherit', agentPause: 'inherit' },
        });
      });
      expect(find(checkFlow(f, { workspace: ws }), 'C2-no-notice')[0]?.message).toContain('+15550177');
    });

    it('C2/R5: a Recording on node warns even when inbound recording is off', () => {
      const f = flow([node('s', 'start', { numberIds: ['main'] }), recOn('r'), assign('a')], edges('s.next>r', 'r.next>a'));
      const ws = workspace((w) => {
        w.account.recordInbound = false;
      });
      expect(find(checkFlow(f, { workspace: ws }), 'C2-no-notice').map((p) => p.nodeId)).toEqual(['r']);
    });
  });

  describe('C3 channels', () => {
    it('C3/R18: an account recording mono is warned once, with no node', () => {
      const ws = workspace((w) => {
        w.account.dualChannel = false;
      });
      const ps = checkFlow(goodFlow(), { workspace: ws });
      expect(ps).toEqual([{ severity: 'warning', code: 'C3-account-mono', message: expect.stringContaining('transcribed') }]);
    });

    it('C3/R18: a Recording node set to mono is warned on that node', () => {
      const f = goodFlow();
      f.nodes[2] = node('r', 'recording', { record: 'on', channels: 'mono' });
      expect(find(checkFlow(f), 'C3-mono').map((p) => [p.nodeId, p.field])).toEqual([['r', 'channels']]);
    });

    it('C3/R18/R30: a platform that fixes dual channel gets no account warning, even from a document that says mono', () => {
      const mono = (platform: WorkspaceDoc['platform']) =>
        workspace((w) => {
          w.platform = platform;
          w.account.dualChannel = false;
        });
      expect(find(checkFlow(goodFlow(), { workspace: mono('amazon-connect') }), 'C3-account-mono')).toEqual([]);
      // Twilio Studio lets the account choose: mono there really records mono.
      expect(find(checkFlow(goodFlow(), { workspace: mono('twilio-studio') }), 'C3-account-mono')).toHaveLength(1);
    });

    it('C3/R18/R30: a Recording node set to mono is not warned where the platform ignores its channels', () => {
      const f = goodFlow();
      f.nodes[2] = node('r', 'recording', { record: 'on', channels: 'mono' });
      const on = (platform: WorkspaceDoc['platform']) =>
        checkFlow(
          f,
          {
            workspace: workspace((w) => {
              w.platform = platform;
            }),
          },
        );
      expect(codes(on('amazon-connect'))).toEqual(['R30-not-on-platform']);
      expect(codes(on('twilio-studio'))).toEqual(['C3-mono']);
      expect(codes(on('talkdesk'))).toEqual(['C3-mono']);
    });
  });

  describe('C4 loops and menus', () => {
    it('C4: a loop of messages with no way out is warned once', () => {
      const f = flow([node('s', 'start'), notice('n'), message('a'), message('b')], edges('s.next>n', 'n.next>a', 'a.next>b', 'b.next>a'));
      const ps = checkFlow(f);
      expect(codes(ps)).toEqual(['C4-loop-no-exit']);
      expect(ps[0]?.nodeId).toBe('a');
      expect(ps[0]?.message).toContain('"b"');
    });

    it('C4: a menu retry loop whose options lead out is fine', () => {
      const f = flow(
        [node('s', 'start'), notice('n'), node('m', 'menu'), message('sorry'), assign('a1'), assign('a2')],
        edges('s.next>n', 'n.next>m', 'm.invalid>sorry', 'sorry.next>m', 'm.timeout>m2', 'm.1>a1', 'm.2>a2'),
      );
      f.nodes.push(node('m2', 'hangup'));
      expect(checkFlow(f)).toEqual([]);
    });

    it('C4: a loop whose only way out is a Menu timeout edge has a way out', () => {
      const f = flow(
        [node('s', 'start'), notice('n'), node('m', 'menu', { options: [{ digit: '1', label: 'Again' }] }), node('h', 'hangup')],
        edges('s.next>n', 'n.next>m', 'm.1>n', 'm.invalid>n', 'm.timeout>h'),
      );
      expect(checkFlow(f)).toEqual([]);
    });

    it('C4: a loop where every menu path returns is warned', () => {
      const f = flow(
        [node('s', 'start'), notice('n'), node('m', 'menu', { options: [{ digit: '1', label: 'Again' }] })],
        edges('s.next>n', 'n.next>m', 'm.1>n', 'm.invalid>n', 'm.timeout>n'),
      );
      expect(codes(checkFlow(f))).toEqual(['C4-loop-no-exit']);
    });

    it('C4: a loop through an Assign can end when an agent answers', () => {
      const f = flow([node('s', 'start'), notice('n'), node('a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'rg' } })], edges('s.next>n', 'n.next>a', 'a.noAnswer>n'));
      expect(checkFlow(f)).toEqual([]);
    });

    it('C4: a menu without a timeout is warned on its field', () => {
      const f = goodFlow();
      f.nodes[3] = node('a', 'menu', { timeoutSeconds: null }, ['1', '2', 'invalid']);
      const ps = find(checkFlow(f), 'C4-menu-no-timeout');
      expect(ps.map((p) => [p.nodeId, p.field])).toEqual([['a', 'timeoutSeconds']]);
    });

    it('C4: a menu whose invalid or timeout path just ends the call is warned per port', () => {
      const f = flow([node('s', 'start'), notice('n'), node('m', 'menu', {}, ['invalid', 'timeout']), assign('a1'), assign('a2')], edges('s.next>n', 'n.next>m', 'm.1>a1', 'm.2>a2'));
      const ps = checkFlow(f);
      expect(ps.map((p) => [p.code, p.nodeId, p.port])).toEqual([
        ['C4-menu-invalid-ends', 'm', 'invalid'],
        ['C4-menu-timeout-ends', 'm', 'timeout'],
      ]);
      expect(hasErrors(ps)).toBe(false);
    });
  });

  describe('generated flows', () => {
    it.each([
      [1, 1],
      [2, 1],
      [5, 7],
      [40, 3],
      [1000, 42],
    ])('generateFlow(%i, %i) has exactly that many nodes, parses, and has no problems', (count, seed) => {
      const f = generateFlow(count, seed);
      expect(f.nodes).toHaveLength(count);
      const parsed = parseFlow(JSON.stringify(f));
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      expect(checkFlow(f)).toEqual([]);
    });

    it('is deterministic per seed and varies between seeds', () => {
      expect(generateFlow(200, 5)).toEqual(generateFlow(200, 5));
      expect(generateFlow(200, 5)).not.toEqual(generateFlow(200, 6));
    });

    it('uses every node kind in a large flow', () => {
      const kinds = new Set(generateFlow(1000, 9).nodes.map((n) => n.kind));
      expect([...kinds].sort()).toEqual(Object.keys(nodeModels).sort());
    });

    it('C4: reports a loop planted in a 1000-node flow', () => {
      const f = generateFlow(1000, 11);
      f.nodes.push(message('loop-a'), message('loop-b'));
      const hangup = f.edges.find((e) => f.nodes.find((n) => n.id === e.target)?.kind === 'hangup')!;
      hangup.target = 'loop-a';
      f.edges.push({ id: 'la', source: 'loop-a', sourcePort: 'next', target: 'loop-b' }, { id: 'lb', source: 'loop-b', sourcePort: 'next', target: 'loop-a' });
      expect(find(checkFlow(f), 'C4-loop-no-exit').map((p) => p.nodeId)).toEqual(['loop-a']);
    });
  });

  it('never throws on any valid flow, and every problem names a node of the flow or none', () => {
    fc.assert(
      fc.property(validFlowArbitrary, fc.boolean(), (f, withWorkspace) => {
        const ids = new Set(f.nodes.map((n) => n.id));
        const ps = checkFlow(f, withWorkspace ? { workspace: workspace() } : {});
        for (const p of ps) {
          expect(['error', 'warning']).toContain(p.severity);
          expect(p.code.length).toBeGreaterThan(0);
          expect(p.message.length).toBeGreaterThan(0);
          if (p.nodeId !== undefined) expect(ids.has(p.nodeId)).toBe(true);
        }
        // C1: exactly the open ports not marked as ending the call are reported.
        const open = f.nodes.flatMap((n) =>
          getModel(n.kind)!
            .ports(n.data)
            .filter((p) => !n.endsCall?.includes(p.id) && !f.edges.some((e) => e.source === n.id && e.sourcePort === p.id))
            .map((p) => `${n.id}/${p.id}`),
        );
        expect(find(ps, 'C1-port-unconnected').map((p) => `${p.nodeId}/${p.port}`)).toEqual(open);
      }),
      { numRuns: 200 },
    );
  });
});

describe('C1 a phone number served by two flows', () => {
  it('R4: two Starts listing one number is an error on each Start naming both flows', () => {
    const a = servingFlow('a', 'Support line', ['num-support']);
    const b = servingFlow('b', 'Night line', ['num-support']);
    const ws = workspaceWithSupportNumber(a, b);
    for (const f of [a, b]) {
      const shared = find(checkFlow(f, { workspace: ws }), 'C1-number-two-flows');
      expect(shared).toHaveLength(1);
      expect(shared[0]).toMatchObject({ severity: 'error', nodeId: 'start', field: 'numberIds' });
      expect(shared[0]!.message).toContain('+15550100 (Support) is served by 2 flows: “Support line” and “Night line”');
    }
  });

  it('R4: a number that runs one flow while another Start lists it is served by both', () => {
    const a = servingFlow('a', 'Support line', []);
    const b = servingFlow('b', 'Night line', ['num-support']);
    const ws = workspaceWithSupportNumber(a, b);
    ws.numbers[0]!.flowId = 'a';
    expect(find(checkFlow(a, { workspace: ws }), 'C1-number-two-flows')[0]!.message).toContain('“Support line” and “Night line”');
    expect(find(checkFlow(b, { workspace: ws }), 'C1-number-two-flows')).toHaveLength(1);
  });

  /** A flow whose Start continues in `to` (R28), or hangs up when `to` is null. */
  const entering = (id: string, name: string, to: string | null, returns = true): FlowDoc => ({
    ...(to === null
      ? flow([node('start', 'start'), node('bye', 'hangup')], edges('start.next>bye'))
      : flow([node('start', 'start'), node('go', 'flow', { flowId: to, returns })], edges('start.next>go'))),
    id,
    name,
  });

  it('R28/C1: flows entering each other in a loop are an error on the node that starts it, naming every flow on it', () => {
    const a = entering('a', 'Main', 'b');
    const b = entering('b', 'Billing', 'c', false);
    const c = entering('c', 'Card', 'a');
    const ws = workspaceWithSupportNumber(a, b, c, entering('d', 'Done', null));
    const loop = find(checkFlow(a, { workspace: ws }), 'C1-flow-loop');
    expect(loop).toEqual([
      {
        severity: 'error',
        code: 'C1-flow-loop',
        message: expect.stringContaining('(“Main” → “Billing” → “Card” → “Main”)'),
        nodeId: 'go',
        field: 'flowId',
      },
    ]);
    expect(find(checkFlow(b, { workspace: ws }), 'C1-flow-loop')[0]!.message).toContain('“Billing” → “Card” → “Main” → “Billing”');
    // Break the loop: Card hangs up.
    const fixed = workspaceWithSupportNumber(a, b, entering('c', 'Card', 'd'), entering('d', 'Done', null));
    expect(find(checkFlow(a, { workspace: fixed }), 'C1-flow-loop')).toEqual([]);
  });

  it('R28/C1: a flow entering itself is a loop; a flow entered from two places is not', () => {
    const self = entering('a', 'Main', 'a');
    expect(find(checkFlow(self, { workspace: workspaceWithSupportNumber(self) }), 'C1-flow-loop')[0]!.message).toContain('(“Main” → “Main”)');
    const twice: FlowDoc = {
      ...flow(
        [node('start', 'start', {}), node('m', 'menu'), node('x', 'flow', { flowId: 'd' }), node('y', 'flow', { flowId: 'd' })],
        edges('start.next>m', 'm.1>x', 'm.2>y'),
      ),
      id: 'a',
      name: 'Main',
    };
    expect(find(checkFlow(twice, { workspace: workspaceWithSupportNumber(twice, entering('d', 'Done', null)) }), 'C1-flow-loop')).toEqual([]);
  });

  it('R28/C1: the flow being edited counts as it is now, not as the workspace last saved it', () => {
    const saved = entering('a', 'Main', null);
    const b = entering('b', 'Billing', 'a');
    const edited = entering('a', 'Main', 'b');
    expect(find(checkFlow(edited, { workspace: workspaceWithSupportNumber(saved, b) }), 'C1-flow-loop')).toHaveLength(1);
  });

  it('R4: one flow serving a number through its Start and the number itself is fine', () => {
    const a = servingFlow('a', 'Support line', ['num-support']);
    const b = servingFlow('b', 'Night line', []);
    const ws = workspaceWithSupportNumber(a, b);
    ws.numbers[0]!.flowId = 'a';
    expect(find(checkFlow(a, { workspace: ws }), 'C1-number-two-flows')).toEqual([]);
    expect(find(checkFlow(b, { workspace: ws }), 'C1-number-two-flows')).toEqual([]);
  });
});
