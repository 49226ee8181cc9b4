/** R22/R23: who may view, listen to and download recordings, and how far each permission reaches. */
import { useState } from 'react';
import { defaultRole, type Role, type Scope, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { CheckboxField, SelectField, TextField, ValidatedTextField } from '../kit/widgets.tsx';
import { nameMessage, uniqueId } from './ids.ts';
import type { PanelProps, WorkspaceChange } from './settingsTypes.ts';

const SCOPES: { value: Scope; label: string }[] = [
  { value: 'all', label: 'All recordings' },
  { value: 'ringGroup', label: 'Calls of their ring groups' },
  { value: 'agent', label: 'Calls they handled' },
];

type Permission = 'listen' | 'download';

function RoleCard({ role, workspace, onChange }: { role: Role; workspace: WorkspaceDoc; onChange: WorkspaceChange }) {
  const holders = workspace.agents.filter((a) => a.roleId === role.id).length;
  const edit = (recipe: (r: Role) => void, label: string) =>
    onChange((d) => {
      const r = d.roles.find((x) => x.id === role.id);
      if (r) recipe(r);
    }, label);
  const permission = (key: Permission, verb: string, scopeLabel: string) => (
    <div className="rf-card-grid">
      <CheckboxField
        label={`May ${verb} recordings`}
        checked={role[key].allowed}
        onToggle={(on) =>
          edit((r) => {
            r[key].allowed = on;
          }, `${role.name}: ${on ? 'may' : 'may not'} ${verb}`)
        }
      />
      <SelectField
        label={scopeLabel}
        value={role[key].scope}
        choices={SCOPES}
        disabled={!role[key].allowed}
        onSelect={(scope) =>
          edit((r) => {
            r[key].scope = scope;
          }, `${role.name}: ${verb} scope ${scope}`)
        }
      />
    </div>
  );
  const blockedByView = !role.view && (role.listen.allowed || role.download.allowed);
  return (
    <li className="rf-card" aria-label={`Role ${role.name}`}>
      <ValidatedTextField
        label="Role name"
        value={role.name}
        validate={(raw) => nameMessage(raw, 'role')}
        onCommit={(raw) =>
          edit((r) => {
            r.name = raw;
          }, 'Rename role')
        }
      />
      <CheckboxField
        label="May view calls"
        checked={role.view}
        onToggle={(on) =>
          edit((r) => {
            r.view = on;
          }, `${role.name}: ${on ? 'may' : 'may not'} view calls`)
        }
      />
      {permission('listen', 'listen to', 'Listening scope')}
      {permission('download', 'download', 'Download scope')}
      {/* R23: listening or downloading also needs view. */}
      {blockedByView ? (
        <p className="rf-warning-note" role="status">
          Without “view calls”, this role can neither listen to nor download recordings, whatever is ticked above.
        </p>
      ) : null}
      <div>
        <button
          type="button"
          className="rf-button rf-button--danger"
          disabled={holders > 0}
          aria-describedby={holders > 0 ? `role-holders-${role.id}` : undefined}
          onClick={() =>
            onChange((d) => {
              d.roles = d.roles.filter((r) => r.id !== role.id);
            }, `Remove role ${role.name}`)
          }
        >
          Remove {role.name}
        </button>
        {holders > 0 ? (
          <span className="rf-hint" id={`role-holders-${role.id}`}>
            {' '}
            {holders} agent{holders === 1 ? ' has' : 's have'} this role; give them another before removing it.
          </span>
        ) : null}
      </div>
    </li>
  );
}

function AddRole({ workspace, onChange }: PanelProps) {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  return (
    <form
      className="rf-inline"
      aria-label="Add a role"
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (nameMessage(name, 'role') !== undefined) return;
        const id = uniqueId(name, workspace.roles.map((r) => r.id));
        onChange((d) => {
          // R22 defaults: view and listen to all, no download.
          d.roles.push(defaultRole(id, name.trim()));
        }, `Add role ${name.trim()}`);
        setName('');
        setTouched(false);
      }}
    >
      <TextField
        label="New role name"
        value={name}
        error={touched ? nameMessage(name, 'role') : undefined}
        onText={(raw) => {
          setName(raw);
          if (raw !== '') setTouched(true);
        }}
      />
      <button type="submit" className="rf-button">
        Add role
      </button>
    </form>
  );
}

export default function RolesSettings({ workspace, onChange }: PanelProps) {
  return (
    <section className="rf-form rf-settings-panel" aria-labelledby="rf-roles-title">
      <h3 id="rf-roles-title">Roles</h3>
      <p className="rf-note">
        Listening to or downloading a recording also needs “view calls”. A new role may view and listen to every
        recording and may not download.
      </p>
      {workspace.roles.length === 0 ? <p className="rf-empty">No roles yet. Agents need a role; add one below.</p> : null}
      <ul className="rf-cards">
        {workspace.roles.map((r) => (
          <RoleCard key={r.id} role={r} workspace={workspace} onChange={onChange} />
        ))}
      </ul>
      <AddRole workspace={workspace} onChange={onChange} />
    </section>
  );
}
