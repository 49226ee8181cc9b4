/**
 * Who may listen to or download a call's recording (R22–R24). Every view
 * that lists calls (call list, dashboards, reports, the simulator's play
 * control) asks this one function; none decides on its own (R24).
 */
import type { Role, Scope, WorkspaceDoc } from '../document/workspace.ts';
import type { HandledBy } from './types.ts';

export type AccessAction = 'listen' | 'download';

/** The person asking: an agent of the workspace, optionally acting under another role than their own. */
export interface AccessUser {
  agentId: string;
  /** Defaults to the agent's own role. */
  roleId?: string;
}

/** What access needs to know about a call; a `CallResult` has all of it. */
export interface AccessibleCall {
  recorded: boolean;
  voicemails?: readonly unknown[];
  handledBy: HandledBy;
}

export type AccessReason =
  | 'allowed-all'
  | 'allowed-ring-group'
  | 'allowed-agent'
  | 'no-recording'
  | 'unknown-user'
  | 'unknown-role'
  | 'no-view'
  | 'not-permitted'
  | 'outside-ring-groups'
  | 'not-handled-by-user';

export interface AccessDecision {
  allowed: boolean;
  reason: AccessReason;
  /** A sentence a view shows beside the refused play or download control. */
  message: string;
}

const deny = (reason: AccessReason, message: string): AccessDecision => ({ allowed: false, reason, message });

/**
 * Decides whether `user` may `action` the recording of `call`.
 *
 * @example
 * canAccess(ws, { agentId: 'ana' }, result, 'listen');
 * // { allowed: true, reason: 'allowed-all', message: 'Ana may listen to every recording.' }
 * canAccess(ws, { agentId: 'ana' }, result, 'download');
 * // { allowed: false, reason: 'not-permitted', message: "Ana's role (Agent) may not download recordings." } (R22 default)
 */
export function canAccess(
  ws: Pick<WorkspaceDoc, 'agents' | 'roles' | 'ringGroups'>,
  user: AccessUser,
  call: AccessibleCall,
  action: AccessAction,
): AccessDecision {
  const verb = action === 'listen' ? 'listen to' : 'download';
  // R24: the control exists only on calls that have a recording.
  if (!call.recorded && (call.voicemails?.length ?? 0) === 0) return deny('no-recording', 'This call has no recording.');
  const agent = ws.agents.find((a) => a.id === user.agentId);
  if (!agent) return deny('unknown-user', `No user "${user.agentId}" in the workspace.`);
  const roleId = user.roleId ?? agent.roleId;
  const role = ws.roles.find((r) => r.id === roleId);
  if (!role) return deny('unknown-role', `${agent.name} has no role "${roleId}".`);
  // R23: listening or downloading also needs view.
  if (!role.view) return deny('no-view', `${agent.name}'s role (${role.name}) may not view calls.`);
  const permission = action === 'listen' ? role.listen : role.download;
  if (!permission.allowed) return deny('not-permitted', `${agent.name}'s role (${role.name}) may not ${verb} recordings.`);
  switch (permission.scope) {
    case 'all':
      return { allowed: true, reason: 'allowed-all', message: `${agent.name} may ${verb} every recording.` };
    case 'ringGroup': {
      // R23: calls handled by a ring group the user belongs to.
      const groups = ws.ringGroups.filter((g) => g.memberIds.includes(agent.id) && call.handledBy.ringGroupIds.includes(g.id));
      if (groups.length > 0) {
        return {
          allowed: true,
          reason: 'allowed-ring-group',
          message: `${agent.name} may ${verb} it: the call was handled by ${groups.map((g) => g.name).join(', ')}.`,
        };
      }
      return deny('outside-ring-groups', `${agent.name} may ${verb} only recordings of calls handled by their ring groups.`);
    }
    case 'agent':
      // R23: calls the user handled (answered, or received by transfer or conference).
      if (call.handledBy.agentIds.includes(agent.id)) {
        return { allowed: true, reason: 'allowed-agent', message: `${agent.name} may ${verb} it: they handled the call.` };
      }
      return deny('not-handled-by-user', `${agent.name} may ${verb} only recordings of calls they handled.`);
  }
}

/** R23: how many recordings a scope reaches, from none (0) to every one (3). */
const REACH: Record<Scope, number> = { agent: 1, ringGroup: 2, all: 3 };

/** R22/R23: how far a permission of `role` really reaches; without view it reaches nothing. */
function reach(role: Role, action: AccessAction): number {
  const permission = action === 'listen' ? role.listen : role.download;
  return role.view && permission.allowed ? REACH[permission.scope] : 0;
}

/**
 * The role that may reach the fewest recordings (R22, R23): the safe default for someone new. Downloading
 * weighs first (a download leaves the system), then listening, then viewing; among equals, the first listed.
 * Decided from the permissions alone, never from a role's name.
 *
 * @example
 * leastAccessRole(ws.roles)?.name; // 'Agent' in the sample: listens to the calls they handled, downloads nothing
 */
export function leastAccessRole<R extends Role>(roles: readonly R[]): R | undefined {
  // Stryker disable next-line StringLiteral: any action but 'listen' reads the download permission
  const rank = (r: Role) => [reach(r, 'download'), reach(r, 'listen'), r.view ? 1 : 0];
  let best: R | undefined;
  // Stryker disable next-line ArrayDeclaration: read only once `best` is set, after it is replaced
  let bestRank: number[] = [];
  for (const role of roles) {
    const r = rank(role);
    // The first place where the ranks differ decides; equal ranks keep the first role.
    const i = r.findIndex((x, k) => x !== bestRank[k]);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: at i the ranks differ, so < and <= agree, and with no difference (i = -1) both sides are undefined and the test fails either way
    if (best === undefined || (i >= 0 && r[i]! < bestRank[i]!)) {
      best = role;
      bestRank = r;
    }
  }
  return best;
}
