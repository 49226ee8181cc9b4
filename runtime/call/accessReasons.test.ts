/**
 * R22–R24: every answer of the one access function, one row each, with the
 * sentence a view shows beside the play or download control. Each sentence
 * names the user, their role, the verb and (for ring-group scope) the ring
 * groups, so nobody is refused without knowing why.
 */
import { describe, expect, it } from 'vitest';
import { defaultRole, type Role, type WorkspaceDoc } from '../document/workspace.ts';
import { type AccessAction, type AccessDecision, type AccessibleCall, type AccessUser, canAccess } from './access.ts';
import { testWorkspace } from './testkit.ts';

/** Agents ana, ben, cy with role "Agent" patched by `role`; ring groups Support (ana, ben) and Sales (ana). */
function ws(role: Partial<Role> = {}): WorkspaceDoc {
  const w = testWorkspace();
  w.roles = [{ ...defaultRole('agent', 'Agent'), ...role, id: 'agent', name: 'Agent' }];
  w.ringGroups = [
    { id: 'support', name: 'Support', memberIds: ['ana', 'ben'] },
    { id: 'sales', name: 'Sales', memberIds: ['ana'] },
  ];
  return w;
}

const handled = (agentIds: string[], ringGroupIds: string[] = [], recorded = true): AccessibleCall => ({
  recorded,
  voicemails: [],
  handledBy: { agentIds, ringGroupIds },
});

interface Row {
  name: string;
  ws: WorkspaceDoc;
  user: AccessUser;
  call: AccessibleCall;
  action: AccessAction;
  decision: AccessDecision;
}

const rows: Row[] = [
  {
    name: 'R22: scope all, listen',
    ws: ws(),
    user: { agentId: 'cy' },
    call: handled(['ana']),
    action: 'listen',
    decision: { allowed: true, reason: 'allowed-all', message: 'Cy may listen to every recording.' },
  },
  {
    name: 'R22: scope all, download',
    ws: ws({ download: { allowed: true, scope: 'all' } }),
    user: { agentId: 'cy' },
    call: handled(['ana']),
    action: 'download',
    decision: { allowed: true, reason: 'allowed-all', message: 'Cy may download every recording.' },
  },
  {
    name: 'R23: scope ring group names every ring group of the user that handled the call',
    ws: ws({ listen: { allowed: true, scope: 'ringGroup' } }),
    user: { agentId: 'ana' },
    call: handled(['ben'], ['support', 'sales']),
    action: 'listen',
    decision: { allowed: true, reason: 'allowed-ring-group', message: 'Ana may listen to it: the call was handled by Support, Sales.' },
  },
  {
    name: 'R23: scope ring group names only the user’s own ring groups',
    ws: ws({ download: { allowed: true, scope: 'ringGroup' } }),
    user: { agentId: 'ben' },
    call: handled(['ana'], ['support', 'sales']),
    action: 'download',
    decision: { allowed: true, reason: 'allowed-ring-group', message: 'Ben may download it: the call was handled by Support.' },
  },
  {
    name: 'R23: scope agent, a call the user handled',
    ws: ws({ listen: { allowed: true, scope: 'agent' } }),
    user: { agentId: 'ben' },
    call: handled(['ana', 'ben']),
    action: 'listen',
    decision: { allowed: true, reason: 'allowed-agent', message: 'Ben may listen to it: they handled the call.' },
  },
  {
    name: 'R24: a call with no recording and no voicemail',
    ws: ws(),
    user: { agentId: 'ana' },
    call: handled(['ana'], [], false),
    action: 'listen',
    decision: { allowed: false, reason: 'no-recording', message: 'This call has no recording.' },
  },
  {
    name: 'R24: a user the workspace does not have is named',
    ws: ws(),
    user: { agentId: 'zed' },
    call: handled(['ana']),
    action: 'listen',
    decision: { allowed: false, reason: 'unknown-user', message: 'No user "zed" in the workspace.' },
  },
  {
    name: 'R22: a role the workspace does not have is named with the user',
    ws: ws(),
    user: { agentId: 'ana', roleId: 'boss' },
    call: handled(['ana']),
    action: 'listen',
    decision: { allowed: false, reason: 'unknown-role', message: 'Ana has no role "boss".' },
  },
  {
    name: 'R23: a role without view names the role',
    ws: ws({ view: false }),
    user: { agentId: 'ana' },
    call: handled(['ana']),
    action: 'listen',
    decision: { allowed: false, reason: 'no-view', message: "Ana's role (Agent) may not view calls." },
  },
  {
    name: 'R22: listening not allowed names the role and the verb',
    ws: ws({ listen: { allowed: false, scope: 'all' } }),
    user: { agentId: 'ana' },
    call: handled(['ana']),
    action: 'listen',
    decision: { allowed: false, reason: 'not-permitted', message: "Ana's role (Agent) may not listen to recordings." },
  },
  {
    name: 'R22: downloading not allowed by default names the role and the verb',
    ws: ws(),
    user: { agentId: 'ana' },
    call: handled(['ana']),
    action: 'download',
    decision: { allowed: false, reason: 'not-permitted', message: "Ana's role (Agent) may not download recordings." },
  },
  {
    name: 'R23: scope ring group, a call no ring group of the user handled',
    ws: ws({ listen: { allowed: true, scope: 'ringGroup' } }),
    user: { agentId: 'ben' },
    call: handled(['ben'], ['sales']),
    action: 'listen',
    decision: { allowed: false, reason: 'outside-ring-groups', message: 'Ben may listen to only recordings of calls handled by their ring groups.' },
  },
  {
    name: 'R23: scope agent, a call the user did not handle',
    ws: ws({ download: { allowed: true, scope: 'agent' } }),
    user: { agentId: 'cy' },
    call: handled(['ana'], ['support']),
    action: 'download',
    decision: { allowed: false, reason: 'not-handled-by-user', message: 'Cy may download only recordings of calls they handled.' },
  },
];

describe('canAccess: every reason with the sentence a view shows', () => {
  it.each(rows)('$name', (row) => {
    expect(canAccess(row.ws, row.user, row.call, row.action)).toEqual(row.decision);
  });

  it('R19/R24: a voicemail alone is a recording to listen to; a call with neither has none', () => {
    const w = ws();
    const vm: AccessibleCall = { recorded: false, voicemails: [{}], handledBy: { agentIds: [], ringGroupIds: [] } };
    expect(canAccess(w, { agentId: 'ana' }, vm, 'listen').allowed).toBe(true);
    const none: AccessibleCall = { recorded: false, handledBy: { agentIds: [], ringGroupIds: [] } };
    expect(canAccess(w, { agentId: 'ana' }, none, 'listen').reason).toBe('no-recording');
  });
});
