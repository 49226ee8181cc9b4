/**
 * The editor's top bar: brand, flow menu and name, undo/redo, import/export,
 * save status, problems count, settings, theme and shortcuts. The layout owns
 * the dialogs and panels these buttons open, so it passes the handlers in.
 */
import { useEffect, useState } from 'react';
import { SaveStatus } from './Banners.tsx';
import { FlowMenu } from './FlowMenu.tsx';
import { presetOf } from '../runtime/platforms/presets.ts';
import { applyImport } from './io/importDoc.ts';
import { useProblems } from './problems/ProblemsContext.tsx';
import { blankWorkspace } from './sample.ts';
import { renameFlow } from './store/flows.ts';
import { useCurrentFlow, useEditor, useStore } from './store/react.tsx';
import { Icon } from './ui/icons.tsx';
import { showToast } from './ui/toast.tsx';

export type Theme = 'light' | 'dark';

function readTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** The theme in use, kept on <html data-theme> (theme.css) and remembered for the next visit. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(readTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem('recflow.theme', theme);
    } catch {
      // Private mode may refuse; the theme then lasts for this visit.
    }
  }, [theme]);
  return [theme, setTheme];
}

function FlowName() {
  const store = useStore();
  const flow = useCurrentFlow();
  const [draft, setDraft] = useState<string | null>(null);
  if (!flow) return null;
  const commit = () => {
    if (draft !== null && draft.trim() !== flow.name && !renameFlow(store, flow.id, draft)) {
      showToast('A flow name must be 1 to 200 characters.', { tone: 'error' });
    }
    setDraft(null);
  };
  return (
    <input
      className="flow-name"
      aria-label="Flow name"
      value={draft ?? flow.name}
      size={Math.min(32, Math.max(8, (draft ?? flow.name).length + 1))}
      onFocus={() => setDraft(flow.name)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(flow.name);
          e.currentTarget.blur();
        }
      }}
      title="Click to rename the flow"
    />
  );
}

function UndoRedo() {
  const store = useStore();
  const undo = useEditor((s) => s.past.at(-1)?.label);
  const redo = useEditor((s) => s.future.at(-1)?.label);
  return (
    <div className="topbar__group">
      <button
        type="button"
        className="btn btn--icon"
        onClick={() => store.undo()}
        disabled={undo === undefined}
        aria-label={undo ? `Undo ${undo}` : 'Undo'}
        title={undo ? `Undo: ${undo} (Ctrl+Z)` : 'Nothing to undo'}
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        className="btn btn--icon"
        onClick={() => store.redo()}
        disabled={redo === undefined}
        aria-label={redo ? `Redo ${redo}` : 'Redo'}
        title={redo ? `Redo: ${redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}
      >
        <Icon name="redo" />
      </button>
    </div>
  );
}

function ProblemsButton({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const { errors, warnings } = useProblems();
  const label = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}, ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`;
  return (
    <button
      type="button"
      className="btn problems-pill"
      aria-pressed={open}
      onClick={onToggle}
      aria-label={`Problems: ${label}`}
      title={`${label}. Click to ${open ? 'hide' : 'show'} the problems panel.`}
    >
      {errors.length === 0 && warnings.length === 0 ? (
        <span className="count-ok">
          <Icon name="check" />
        </span>
      ) : null}
      <span className={errors.length ? 'count-error' : ''} data-testid="error-count">
        {errors.length} {errors.length === 1 ? 'error' : 'errors'}
      </span>
      <span className={warnings.length ? 'count-warning' : ''} data-testid="warning-count">
        {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
      </span>
    </button>
  );
}

/** R30: the platform the workspace models, always in sight; it opens the settings where it is chosen. */
function PlatformPill() {
  const store = useStore();
  const platform = useEditor((s) => s.workspace.platform);
  const name = presetOf(platform).name;
  return (
    <button
      type="button"
      className="btn platform-pill"
      data-platform={platform}
      aria-label={`Platform: ${name}`}
      title={`This workspace models ${name}: calls are simulated as it records them. Change it in Settings.`}
      onClick={() => store.setView('settings')}
    >
      <span className="platform-pill__what">Platform</span> <span className="platform-pill__name">{name}</span>
    </button>
  );
}

export interface TopBarProps {
  theme: Theme;
  onToggleTheme(): void;
  problemsOpen: boolean;
  onToggleProblems(): void;
  onImport(): void;
  onExport(): void;
  onHelp(): void;
  /** Opens the choice of what to compare the flow on screen with (Flows menu). */
  onCompare?: () => void;
  /** Opens the Publish dialog for the flow on screen. */
  onPublish?: () => void;
  /** Shows or hides the flow's history of published versions. */
  onToggleHistory?: () => void;
  historyOpen?: boolean;
}

export function TopBar({
  theme,
  onToggleTheme,
  problemsOpen,
  onToggleProblems,
  onImport,
  onExport,
  onHelp,
  onCompare,
  onPublish,
  onToggleHistory,
  historyOpen = false,
}: TopBarProps) {
  const store = useStore();
  const view = useEditor((s) => s.view);
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="topbar__logo" aria-hidden="true">
          <Icon name="recording" />
        </span>
        <span className="topbar__brand-name">Recflow</span>
      </div>
      <FlowMenu
        onCompare={onCompare}
        onBlankWorkspace={() => {
          applyImport(store, { kind: 'workspace', workspace: blankWorkspace() });
          showToast('Started a blank workspace.', { action: { label: 'Undo', run: () => store.undo() } });
        }}
      />
      <FlowName />
      <span className="topbar__sep" />
      <UndoRedo />
      <span className="topbar__sep" />
      <div className="topbar__group">
        <button type="button" className="btn" onClick={onImport} aria-label="Import" title="Import a flow or workspace JSON file, an Amazon Connect flow or a Twilio Studio flow definition (or drop it on the canvas)">
          <Icon name="import" />
          <span className="btn__text--wide">Import</span>
        </button>
        <button type="button" className="btn" onClick={onExport} aria-label="Export" title="Export this flow or the whole workspace as JSON">
          <Icon name="export" />
          <span className="btn__text--wide">Export</span>
        </button>
      </div>
      {onPublish || onToggleHistory ? <span className="topbar__sep" /> : null}
      <div className="topbar__group">
        {onPublish ? (
          <button type="button" className="btn" onClick={onPublish} title="Record this flow as its next numbered version (errors block it)">
            Publish
          </button>
        ) : null}
        {onToggleHistory ? (
          <button type="button" className="btn" aria-pressed={historyOpen} onClick={onToggleHistory} title="The flow's published versions">
            History
          </button>
        ) : null}
      </div>
      <div className="topbar__spacer" />
      <SaveStatus />
      <PlatformPill />
      {view === 'canvas' ? <ProblemsButton open={problemsOpen} onToggle={onToggleProblems} /> : null}
      <button
        type="button"
        className="btn"
        aria-pressed={view === 'settings'}
        onClick={() => store.setView(view === 'settings' ? 'canvas' : 'settings')}
        aria-label="Settings"
        title="Platform, account recording settings, numbers, agents, ring groups and roles"
      >
        <Icon name="settings" />
        <span className="btn__text--wide">Settings</span>
      </button>
      <button
        type="button"
        className="btn btn--icon"
        onClick={onToggleTheme}
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
      >
        <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
      </button>
      <button type="button" className="btn btn--icon" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        <Icon name="help" />
      </button>
    </header>
  );
}
