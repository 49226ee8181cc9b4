/** Agents (with their role) and ring groups (with their members): who Assign and Transfer nodes can ring. */
import { useState } from 'react';
import { referencesOf } from '../../nodes/index.ts';
import { leastAccessRole } from '../../runtime/call/access.ts';
import type { Agent, RingGroup, WorkspaceDoc } from '../../runtime/document/workspace.ts';
import type { NodeProblem } from '../../nodes/kit/contract.ts';
import { SelectField, TextField, ValidatedTextField } from '../kit/widgets.tsx';
import { nameMessage, sameNameWarning, uniqueId } from './ids.ts';
import type { PanelProps, WorkspaceChange } from './settingsTypes.ts';

/** Nodes (Assign, Transfer) that name this agent or group, so removing it can say what breaks. */
function usedIn(ws: WorkspaceDoc, type: 'agent' | 'ringGroup', id: string): number {
  let count = 0;
  for (const f of ws.flows)
    for (const n of f.nodes) {
      if (referencesOf(n).some((r) => r.type === type && r.id === id)) count++;
    }
  return count;
}

/** A name another agent already has: warned beside the field, never refused (two people may share a name). */
function sameNameProblems(name: string, workspace: WorkspaceDoc, exceptId?: string): NodeProblem[] {
  const others = workspace.agents.filter((a) => a.id !== exceptId).map((a) => a.name);
  const message = sameNameWarning(name, others, 'agent');
  return message === undefined ? [] : [{ severity: 'warning', code: 'same-agent-name', message }];
}

function AgentRow({ agent, workspace, onChange }: { agent: Agent; workspace: WorkspaceDoc; onChange: WorkspaceChange }) {
  const uses = usedIn(workspace, 'agent', agent.id);
  return (
    <tr>
      <td>
        <ValidatedTextField
          label={`Name of ${agent.name}`}
          value={agent.name}
          problems={sameNameProblems(agent.name, workspace, agent.id)}
          validate={(raw) => nameMessage(raw, 'agent')}
          onCommit={(raw) =>
            onChange((d) => {
              const a = d.agents.find((x) => x.id === agent.id);
              if (a) a.name = raw;
            }, 'Rename agent')
          }
        />
      </td>
      <td>
        <SelectField
          label={`Role of ${agent.name}`}
          value={agent.roleId}
          choices={[
            ...workspace.roles.map((r) => ({ value: r.id, label: r.name })),
            ...(workspace.roles.some((r) => r.id === agent.roleId) ? [] : [{ value: agent.roleId, label: `Unknown “${agent.roleId}”` }]),
          ]}
          onSelect={(roleId) =>
            onChange((d) => {
              const a = d.agents.find((x) => x.id === agent.id);
              if (a) a.roleId = roleId;
            }, `Change the role of ${agent.name}`)
          }
        />
      </td>
      <td>
        <button
          type="button"
          className="rf-button rf-button--danger"
          aria-label={`Remove agent ${agent.name}`}
          title={uses > 0 ? `Rung by ${uses} node${uses === 1 ? '' : 's'}; those nodes will show an error.` : undefined}
          onClick={() =>
            onChange((d) => {
              d.agents = d.agents.filter((a) => a.id !== agent.id);
              for (const g of d.ringGroups) g.memberIds = g.memberIds.filter((m) => m !== agent.id);
            }, `Remove agent ${agent.name}`)
          }
        >
          Remove
        </button>
        {uses > 0 ? <p className="rf-hint">Rung by {uses} node{uses === 1 ? '' : 's'}</p> : null}
      </td>
    </tr>
  );
}

function AddAgent({ workspace, onChange }: PanelProps) {
  const [name, setName] = useState('');
  // R22–R24: someone new starts with the least access; more is a deliberate choice.
  const safest = leastAccessRole(workspace.roles)?.id;
  const [roleId, setRoleId] = useState(safest ?? '');
  const [touched, setTouched] = useState(false);
  const error = touched ? nameMessage(name, 'agent') : undefined;
  const noRoles = workspace.roles.length === 0;
  return (
    <form
      className="rf-inline"
      aria-label="Add an agent"
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        const role = workspace.roles.some((r) => r.id === roleId) ? roleId : safest;
        if (nameMessage(name, 'agent') !== undefined || role === undefined) return;
        const id = uniqueId(name, workspace.agents.map((a) => a.id));
        onChange((d) => {
          d.agents.push({ id, name: name.trim(), roleId: role });
        }, `Add agent ${name.trim()}`);
        setName('');
        setTouched(false);
      }}
    >
      <TextField
        label="New agent name"
        value={name}
        error={error}
        problems={sameNameProblems(name, workspace)}
        onText={(raw) => {
          setName(raw);
          if (touched || raw !== '') setTouched(true);
        }}
      />
      <SelectField
        label="Role"
        value={workspace.roles.some((r) => r.id === roleId) ? roleId : (safest ?? '')}
        choices={noRoles ? [{ value: '', label: 'No roles yet' }] : workspace.roles.map((r) => ({ value: r.id, label: r.name }))}
        onSelect={setRoleId}
        disabled={noRoles}
      />
      <button type="submit" className="rf-button" disabled={noRoles} title={noRoles ? 'Add a role first (Roles tab).' : undefined}>
        Add agent
      </button>
    </form>
  );
}

function GroupCard({ group, workspace, onChange }: { group: RingGroup; workspace: WorkspaceDoc; onChange: WorkspaceChange }) {
  const uses = usedIn(workspace, 'ringGroup', group.id);
  const edit = (recipe: (g: RingGroup) => void, label: string) =>
    onChange((d) => {
      const g = d.ringGroups.find((x) => x.id === group.id);
      if (g) recipe(g);
    }, label);
  return (
    <li className="rf-card" aria-label={`Ring group ${group.name}`}>
      <ValidatedTextField
        label="Ring group name"
        value={group.name}
        validate={(raw) => nameMessage(raw, 'ring group')}
        onCommit={(raw) =>
          edit((g) => {
            g.name = raw;
          }, 'Rename ring group')
        }
      />
      <fieldset className="rf-field rf-fieldset">
        <legend className="rf-label">Members</legend>
        {workspace.agents.length === 0 ? <p className="rf-empty">No agents yet.</p> : null}
        <div className="rf-radios rf-radios--inline">
          {workspace.agents.map((a) => (
            <label key={a.id} className="rf-radio">
              <input
                type="checkbox"
                checked={group.memberIds.includes(a.id)}
                onChange={(e) =>
                  edit((g) => {
                    g.memberIds = e.target.checked ? [...g.memberIds, a.id] : g.memberIds.filter((m) => m !== a.id);
                  }, `${e.target.checked ? 'Add' : 'Remove'} ${a.name} ${e.target.checked ? 'to' : 'from'} ${group.name}`)
                }
              />
              <span>{a.name}</span>
            </label>
          ))}
        </div>
        {group.memberIds.length === 0 && workspace.agents.length > 0 ? (
          <p className="rf-warning-note">Nobody is in this group: calls to it ring no one.</p>
        ) : null}
      </fieldset>
      <div>
        <button
          type="button"
          className="rf-button rf-button--danger"
          onClick={() =>
            onChange((d) => {
              d.ringGroups = d.ringGroups.filter((g) => g.id !== group.id);
            }, `Remove ring group ${group.name}`)
          }
        >
          Remove {group.name}
        </button>
        {uses > 0 ? <span className="rf-hint"> Rung by {uses} node{uses === 1 ? '' : 's'}; they will show an error.</span> : null}
      </div>
    </li>
  );
}

function AddGroup({ workspace, onChange }: PanelProps) {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  return (
    <form
      className="rf-inline"
      aria-label="Add a ring group"
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (nameMessage(name, 'ring group') !== undefined) return;
        const id = uniqueId(name, workspace.ringGroups.map((g) => g.id));
        onChange((d) => {
          d.ringGroups.push({ id, name: name.trim(), memberIds: [] });
        }, `Add ring group ${name.trim()}`);
        setName('');
        setTouched(false);
      }}
    >
      <TextField
        label="New ring group name"
        value={name}
        error={touched ? nameMessage(name, 'ring group') : undefined}
        onText={(raw) => {
          setName(raw);
          if (raw !== '') setTouched(true);
        }}
      />
      <button type="submit" className="rf-button">
        Add ring group
      </button>
    </form>
  );
}

export default function PeopleSettings({ workspace, onChange }: PanelProps) {
  return (
    <section className="rf-form rf-settings-panel" aria-labelledby="rf-people-title">
      <h3 id="rf-people-title">Agents</h3>
      {workspace.agents.length === 0 ? (
        <p className="rf-empty">No agents yet. Add the people who answer calls.</p>
      ) : (
        <table className="rf-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="rf-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {workspace.agents.map((a) => (
              <AgentRow key={a.id} agent={a} workspace={workspace} onChange={onChange} />
            ))}
          </tbody>
        </table>
      )}
      <AddAgent workspace={workspace} onChange={onChange} />
      <h3>Ring groups</h3>
      <p className="rf-muted">An Assign node ringing a group rings every available member; a role’s “ring group” scope covers its groups’ calls.</p>
      {workspace.ringGroups.length === 0 ? <p className="rf-empty">No ring groups yet.</p> : null}
      <ul className="rf-cards">
        {workspace.ringGroups.map((g) => (
          <GroupCard key={g.id} group={g} workspace={workspace} onChange={onChange} />
        ))}
      </ul>
      <AddGroup workspace={workspace} onChange={onChange} />
    </section>
  );
}
