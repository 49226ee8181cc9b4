/**
 * The settings area: account defaults (R1), phone numbers and their
 * overrides (R2), agents and ring groups, roles (R22), and your name for
 * publishing. Pure: every workspace edit is an immer recipe with an undo label
 * handed to `onChange` (the publisher's name is not the workspace's).
 */
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import AccountSettings from './AccountSettings.tsx';
import NumbersSettings from './NumbersSettings.tsx';
import PeopleSettings from './PeopleSettings.tsx';
import PublisherSettings from './PublisherSettings.tsx';
import RolesSettings from './RolesSettings.tsx';
import type { PanelProps, WorkspaceChange } from './settingsTypes.ts';
import '../kit/forms.css';
import './settings.css';

export interface SettingsAreaProps {
  workspace: WorkspaceDoc;
  onChange(recipe: (draft: WorkspaceDoc) => void, label: string): void;
}

export type SettingsTab = 'account' | 'numbers' | 'people' | 'roles' | 'publishing';

const TABS: { id: SettingsTab; label: string; Panel: (p: PanelProps) => ReactNode }[] = [
  { id: 'account', label: 'Account recording', Panel: AccountSettings },
  { id: 'numbers', label: 'Phone numbers', Panel: NumbersSettings },
  { id: 'people', label: 'Agents and ring groups', Panel: PeopleSettings },
  { id: 'roles', label: 'Roles', Panel: RolesSettings },
  { id: 'publishing', label: 'Publishing', Panel: PublisherSettings },
];

export default function SettingsArea({
  workspace,
  onChange,
  initialTab = 'account',
}: SettingsAreaProps & { initialTab?: SettingsTab }) {
  const [tab, setTab] = useState<SettingsTab>(initialTab);
  const base = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const change: WorkspaceChange = onChange;
  const onKey = (e: KeyboardEvent, index: number) => {
    let next: number;
    if (e.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    else return;
    e.preventDefault();
    const t = TABS[next];
    if (t) setTab(t.id);
    buttons.current[next]?.focus();
  };
  const active = TABS.find((t) => t.id === tab) ?? TABS[0]!;
  return (
    <section className="rf-settings" aria-label="Settings">
      <h2>Settings</h2>
      <div className="rf-tabs" role="tablist" aria-label="Settings sections">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            className="rf-tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={t.id === tab}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel-${active.id}`} aria-labelledby={`${base}-tab-${active.id}`}>
        <active.Panel workspace={workspace} onChange={change} />
      </div>
    </section>
  );
}
