/**
 * Who may listen to and download this call's recording (R22–R24). Every
 * answer comes from the runtime's one access function, `canAccess`; the
 * panel only asks it for each agent (under their own role) and for each
 * role (asked for every agent acting under that role) and lays out the
 * answers.
 */
import { type AccessAction, type AccessDecision, canAccess } from '../../runtime/call/access.ts';
import type { CallResult } from '../../runtime/call/types.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import './simulator.css';

export interface AccessPanelProps {
  workspace: WorkspaceDoc;
  result: CallResult;
}

const ACTIONS: AccessAction[] = ['listen', 'download'];

function Decision({ d }: { d: AccessDecision }) {
  return (
    <span className="sim-access__cell" data-allowed={d.allowed}>
      <span className={d.allowed ? 'sim-yes' : 'sim-no'}>{d.allowed ? 'Yes' : 'No'}</span> <span className="sim-access__why">{d.message}</span>
    </span>
  );
}

/** One role's answers for every agent acting under it, grouped when they agree. */
function RoleCell({ workspace, result, roleId, action }: AccessPanelProps & { roleId: string; action: AccessAction }) {
  const answers = workspace.agents.map((a) => ({ agent: a, d: canAccess(workspace, { agentId: a.id, roleId }, result, action) }));
  if (answers.length === 0) return <span className="sim-muted">No agents to ask for.</span>;
  const allowed = answers.filter((x) => x.d.allowed);
  if (allowed.length === answers.length || allowed.length === 0) {
    const first = answers[0]!.d;
    return (
      <span className="sim-access__cell" data-allowed={first.allowed}>
        <span className={first.allowed ? 'sim-yes' : 'sim-no'}>{first.allowed ? 'Yes' : 'No'}</span>{' '}
        <span className="sim-access__why">
          {answers.length > 1 ? `for all ${answers.length} agents. ` : ''}
          {answers.length > 1 && answers.every((x) => x.d.reason === first.reason) ? `For example: ${first.message}` : null}
          {answers.length === 1 ? first.message : null}
          {answers.length > 1 && !answers.every((x) => x.d.reason === first.reason) ? answers.map((x) => x.d.message).join(' ') : null}
        </span>
      </span>
    );
  }
  return (
    <span className="sim-access__cell" data-allowed="mixed">
      <span className="sim-warn">Depends on who</span>
      <ul className="sim-access__list">
        {answers.map(({ agent, d }) => (
          <li key={agent.id}>
            <span className={d.allowed ? 'sim-yes' : 'sim-no'}>{d.allowed ? 'Yes' : 'No'}</span> {d.message}
          </li>
        ))}
      </ul>
    </span>
  );
}

export default function AccessPanel({ workspace, result }: AccessPanelProps) {
  const roleName = (id: string) => workspace.roles.find((r) => r.id === id)?.name ?? id;
  const hasRecording = result.recorded || result.voicemails.length > 0;
  return (
    <section className="sim-panel sim-access" aria-label="Access to this recording">
      {!hasRecording ? <p className="sim-note">This call has no recording yet, so nobody can listen to or download it (R24).</p> : null}
      <h3>Agents</h3>
      {workspace.agents.length === 0 ? (
        <p className="sim-muted">The workspace has no agents.</p>
      ) : (
        <table className="sim-table" aria-label="Access by agent">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Role</th>
              <th scope="col">Listen</th>
              <th scope="col">Download</th>
            </tr>
          </thead>
          <tbody>
            {workspace.agents.map((a) => (
              <tr key={a.id} data-agent={a.id}>
                <th scope="row">{a.name}</th>
                <td>{roleName(a.roleId)}</td>
                {ACTIONS.map((action) => (
                  <td key={action} data-action={action}>
                    <Decision d={canAccess(workspace, { agentId: a.id }, result, action)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Roles</h3>
      {workspace.roles.length === 0 ? (
        <p className="sim-muted">The workspace has no roles.</p>
      ) : (
        <table className="sim-table" aria-label="Access by role">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Listen</th>
              <th scope="col">Download</th>
            </tr>
          </thead>
          <tbody>
            {workspace.roles.map((r) => (
              <tr key={r.id} data-role={r.id}>
                <th scope="row">{r.name}</th>
                {ACTIONS.map((action) => (
                  <td key={action} data-action={action}>
                    <RoleCell workspace={workspace} result={result} roleId={r.id} action={action} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="sim-muted">Each answer is asked of every agent acting under the role (R23: the scope depends on who handled the call).</p>
    </section>
  );
}
