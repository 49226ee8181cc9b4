/** The flow switcher: pick a flow, create, duplicate or delete one (all undoable), or start a blank workspace. */
import { useEffect, useId, useRef, useState } from 'react';
import { referencesOf } from '../nodes/index.ts';
import { createFlowIn, deleteFlow, duplicateFlow } from './store/flows.ts';
import { useEditor, useStore } from './store/react.tsx';
import { Icon } from './ui/icons.tsx';
import { showToast } from './ui/toast.tsx';

export function FlowMenu({ onBlankWorkspace, onCompare }: { onBlankWorkspace(): void; onCompare?: (() => void) | undefined }) {
  const store = useStore();
  const flows = useEditor((s) => s.workspace.flows);
  const currentId = useEditor((s) => s.currentFlowId);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    root.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const run = (fn: () => void) => () => {
    setOpen(false);
    fn();
  };
  const undoAction = { label: 'Undo', run: () => store.undo() };
  const current = flows.find((f) => f.id === currentId);

  return (
    <div
      className="flow-menu"
      ref={root}
      onBlur={(e) => {
        // Tabbing out of the menu closes it, like clicking elsewhere.
        if (open && e.relatedTarget instanceof Node && !root.current?.contains(e.relatedTarget)) setOpen(false);
      }}
      onKeyDown={(e) => {
        if (!open) return;
        const items = [...(root.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
        const at = items.indexOf(document.activeElement as HTMLElement);
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLElement>('.flow-menu__button')?.focus();
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
          next?.focus();
        }
      }}
    >
      <button
        type="button"
        className="btn flow-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        title="Switch, create, duplicate or delete flows"
      >
        <Icon name="flow" />
        Flows
        <span className="flow-menu__count">{flows.length}</span>
        <Icon name="chevron" />
      </button>
      {open ? (
        <div className="menu" role="menu" id={menuId} aria-label="Flows">
          <div className="menu__label">Open a flow</div>
          {flows.map((f) => (
            <button
              key={f.id}
              type="button"
              role="menuitemradio"
              aria-checked={f.id === currentId}
              className="menu__item"
              onClick={run(() => store.setCurrentFlow(f.id))}
            >
              <span className="menu__name">{f.name}</span>
              <span className="flow-count">
                {f.nodes.length} {f.nodes.length === 1 ? 'node' : 'nodes'}
              </span>
            </button>
          ))}
          <div className="menu__sep" />
          <button
            type="button"
            role="menuitem"
            className="menu__item"
            onClick={run(() => {
              createFlowIn(store);
              showToast('Created a new flow.', { action: undoAction });
            })}
          >
            <Icon name="plus" /> New flow
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu__item"
            onClick={run(() => {
              // Renaming happens in the name field beside this menu (Enter keeps it, Escape drops it).
              const field = document.querySelector<HTMLInputElement>('.topbar .flow-name');
              field?.focus();
              field?.select();
            })}
          >
            <Icon name="flow" /> Rename “{current?.name}”…
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu__item"
            onClick={run(() => {
              if (duplicateFlow(store, currentId)) showToast(`Duplicated “${current?.name}”.`, { action: undoAction });
            })}
          >
            <Icon name="flow" /> Duplicate “{current?.name}”
          </button>
          {onCompare ? (
            <button type="button" role="menuitem" className="menu__item" onClick={run(onCompare)}>
              <Icon name="flow" /> Compare “{current?.name}” with…
            </button>
          ) : null}
          <button
            type="button"
            role="menuitem"
            className="menu__item menu__item--danger"
            disabled={flows.length <= 1}
            title={flows.length <= 1 ? 'A workspace keeps at least one flow.' : undefined}
            onClick={run(() => {
              // Nodes of other flows that continue calls in this one now name a missing flow: say so.
              const namedBy = flows
                .filter((f) => f.id !== currentId)
                .reduce((n, f) => n + f.nodes.filter((node) => referencesOf(node).some((r) => r.type === 'flow' && r.id === currentId)).length, 0);
              const broken = namedBy === 0 ? '' : ` ${namedBy} ${namedBy === 1 ? 'node still sends' : 'nodes still send'} calls to it.`;
              if (deleteFlow(store, currentId)) showToast(`Deleted “${current?.name}”.${broken}`, { action: undoAction });
            })}
          >
            <Icon name="error" /> Delete “{current?.name}”
          </button>
          <div className="menu__sep" />
          <button type="button" role="menuitem" className="menu__item" onClick={run(onBlankWorkspace)}>
            <Icon name="plus" /> Start a blank workspace
          </button>
        </div>
      ) : null}
    </div>
  );
}
