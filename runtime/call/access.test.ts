import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRole, type Role, type WorkspaceDoc } from '../document/workspace.ts';
import { type AccessibleCall, canAccess, leastAccessRole } from './access.ts';
import { assignFlow, inbound, run, testWorkspace } from './testkit.ts';

function wsWithRole(role: Partial<Role>): WorkspaceDoc {
  const ws = testWorkspace();
  ws.roles = [{ ...defaultRole('agent', 'Agent'), ...role, id: 'agent', name: 'Agent' }];
  return ws;
}

const call = (agentIds: string[], ringGroupIds: string[] = [], recorded = true): AccessibleCall => ({
  recorded,
  voicemails: [],
  handledBy: { agentIds, ringGroupIds },
});

describe('access to recordings', () => {
  it('R22: by default every role views and listens to all, and none downloads', () => {
    const ws = testWorkspace();
    expect(canAccess(ws, { agentId: 'cy' }, call(['ana']), 'listen')).toMatchObject({ allowed: true, reason: 'allowed-all' });
    expect(canAccess(ws, { agentId: 'ana' }, call(['ana']), 'download')).toMatchObject({ allowed: false, reason: 'not-permitted' });
  });

  it('R23: scope agent allows only calls the user handled (answered, transferred to, conferenced in)', () => {
    const ws = wsWithRole({ listen: { allowed: true, scope: 'agent' } });
    expect(canAccess(ws, { agentId: 'ana' }, call(['ana']), 'listen').allowed).toBe(true);
    expect(canAccess(ws, { agentId: 'ben' }, call(['ana']), 'listen')).toMatchObject({ allowed: false, reason: 'not-handled-by-user' });
    // Received by warm transfer: ben handled it too.
    const wsCall = testWorkspace({ account: {} });
    const { result } = run(wsCall, assignFlow(), inbound(), [
      [5, { type: 'answer', agentId: 'ana' }],
      [10, { type: 'transfer', agentId: 'ana', mode: 'warm', target: { type: 'agent', agentId: 'cy' } }],
      [12, { type: 'answer', agentId: 'cy' }],
      [15, { type: 'completeTransfer', agentId: 'ana' }],
      [30, { type: 'hangUp', party: 'contact' }],
    ]);
    expect(result.handledBy).toEqual({ agentIds: ['ana', 'cy'], ringGroupIds: ['support'] });
    expect(canAccess(ws, { agentId: 'cy' }, result, 'listen').allowed).toBe(true);
  });

  it('R23: scope ring group allows calls handled by a ring group the user belongs to', () => {
    const ws = wsWithRole({ listen: { allowed: true, scope: 'ringGroup' } });
    expect(canAccess(ws, { agentId: 'ben' }, call(['ana'], ['support']), 'listen')).toMatchObject({ allowed: true, reason: 'allowed-ring-group' });
    expect(canAccess(ws, { agentId: 'cy' }, call(['ana'], ['support']), 'listen')).toMatchObject({ allowed: false, reason: 'outside-ring-groups' });
    expect(canAccess(ws, { agentId: 'ana' }, call(['ana'], []), 'listen').allowed).toBe(false);
  });

  it('R23: listening or downloading also needs view', () => {
    const ws = wsWithRole({ view: false, listen: { allowed: true, scope: 'all' }, download: { allowed: true, scope: 'all' } });
    expect(canAccess(ws, { agentId: 'ana' }, call(['ana']), 'listen')).toMatchObject({ allowed: false, reason: 'no-view' });
    expect(canAccess(ws, { agentId: 'ana' }, call(['ana']), 'download')).toMatchObject({ allowed: false, reason: 'no-view' });
  });

  it('R24: a call without a recording has no play control; a refusal always carries a reason', () => {
    const ws = testWorkspace();
    expect(canAccess(ws, { agentId: 'ana' }, call(['ana'], [], false), 'listen')).toMatchObject({ allowed: false, reason: 'no-recording' });
    expect(canAccess(ws, { agentId: 'zed' }, call(['ana']), 'listen')).toMatchObject({ allowed: false, reason: 'unknown-user' });
    const d = canAccess(ws, { agentId: 'ana' }, call(['ana']), 'download');
    expect(d.message).toMatch(/may not download/);
    // A voicemail is a recording too (R19).
    expect(canAccess(ws, { agentId: 'ana' }, { recorded: false, voicemails: [{}], handledBy: { agentIds: [], ringGroupIds: [] } }, 'listen').allowed).toBe(true);
  });

  it('R24: a role given for the request replaces the agent’s own', () => {
    const ws = testWorkspace();
    ws.roles.push({ ...defaultRole('sup', 'Supervisor'), download: { allowed: true, scope: 'all' } });
    expect(canAccess(ws, { agentId: 'ana', roleId: 'sup' }, call([]), 'download').allowed).toBe(true);
    expect(canAccess(ws, { agentId: 'ana', roleId: 'nope' }, call([]), 'download').reason).toBe('unknown-role');
  });

  const scope = fc.constantFrom('all', 'ringGroup', 'agent' as const);
  const perm = fc.record({ allowed: fc.boolean(), scope });
  const agents = ['ana', 'ben', 'cy'];
  const arbitraryCall = fc.record({
    recorded: fc.boolean(),
    voicemails: fc.constant([] as unknown[]),
    handledBy: fc.record({ agentIds: fc.subarray(agents), ringGroupIds: fc.subarray(['support', 'sales']) }),
  });
  const groups = fc.array(fc.subarray(agents), { minLength: 2, maxLength: 2 });

  it('R23 (property): no agent- or ring-group-scoped user is ever allowed a recording outside the scope', () => {
    fc.assert(
      fc.property(fc.boolean(), perm, perm, arbitraryCall, groups, fc.constantFrom(...agents), fc.constantFrom('listen', 'download' as const), (view, listen, download, c, members, user, action) => {
        const ws = wsWithRole({ view, listen, download });
        ws.ringGroups = [
          { id: 'support', name: 'Support', memberIds: members[0]! },
          { id: 'sales', name: 'Sales', memberIds: members[1]! },
        ];
        const d = canAccess(ws, { agentId: user }, c, action);
        const p = action === 'listen' ? listen : download;
        if (d.allowed) {
          expect(view).toBe(true);
          expect(p.allowed).toBe(true);
          expect(c.recorded).toBe(true);
          if (p.scope === 'agent') expect(c.handledBy.agentIds).toContain(user);
          if (p.scope === 'ringGroup') {
            expect(ws.ringGroups.some((g) => g.memberIds.includes(user) && c.handledBy.ringGroupIds.includes(g.id))).toBe(true);
          }
        } else {
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('R22 (property): with default roles nobody downloads any recording', () => {
    fc.assert(
      fc.property(arbitraryCall, fc.constantFrom(...agents), (c, user) => {
        const ws = testWorkspace();
        expect(canAccess(ws, { agentId: user }, c, 'download').allowed).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('leastAccessRole', () => {
  const role = (id: string, patch: Partial<Role>): Role => ({ ...defaultRole(id, `Role ${id}`), ...patch });
  const all = { allowed: true, scope: 'all' } as const;
  const group = { allowed: true, scope: 'ringGroup' } as const;
  const own = { allowed: true, scope: 'agent' } as const;
  const none = { allowed: false, scope: 'all' } as const;

  it('R22/R23: picks the role reaching the fewest recordings, whatever the order or the names', () => {
    const admin = role('a', { listen: all, download: all });
    const supervisor = role('s', { listen: group, download: group });
    const agent = role('g', { listen: own, download: none });
    expect(leastAccessRole([admin, supervisor, agent])?.id).toBe('g');
    expect(leastAccessRole([agent, admin, supervisor])?.id).toBe('g');
    expect(leastAccessRole([admin, supervisor])?.id).toBe('s');
  });

  it('R22: downloading weighs before listening; a narrower download scope is less access', () => {
    const downloadsOwn = role('d', { listen: own, download: own });
    const listensAll = role('l', { listen: all, download: none });
    expect(leastAccessRole([downloadsOwn, listensAll])?.id).toBe('l');
    const downloadsGroup = role('dg', { listen: all, download: group });
    const downloadsAll = role('da', { listen: own, download: all });
    expect(leastAccessRole([downloadsAll, downloadsGroup])?.id).toBe('dg');
  });

  it('R22: between roles that download nothing, the narrower listening is less access', () => {
    const listensAll = role('wide', { listen: all, download: none });
    const listensOwn = role('narrow', { listen: own, download: none });
    expect(leastAccessRole([listensAll, listensOwn])?.id).toBe('narrow');
    expect(leastAccessRole([listensOwn, listensAll])?.id).toBe('narrow');
  });

  it('R23: a role without view reaches nothing, whatever its listen and download say', () => {
    const blind = role('b', { view: false, listen: all, download: all });
    const listener = role('l', { listen: own, download: none });
    expect(leastAccessRole([listener, blind])?.id).toBe('b');
  });

  it('keeps the first of equal roles, and has none to give from no roles', () => {
    expect(leastAccessRole([role('x', {}), role('y', {})])?.id).toBe('x');
    expect(leastAccessRole([])).toBeUndefined();
  });
});
