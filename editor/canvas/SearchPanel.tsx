/**
 * Ctrl/Cmd+F: find nodes by label or field value; Enter jumps to the chosen
 * one. The matches are outlined on the canvas while the panel is open.
 */
import { useId, useMemo, useState } from 'react';
import { getKind } from '../../nodes/index.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { KindIcon } from '../kit/icons.tsx';
import { searchNodes, workspaceNames } from './search.ts';

/**
 * The canvas outline of the matches: a style rule on React Flow's node wrappers by their `data-id`, so the node
 * views stay as they are and only the matched wrappers change.
 */
export function matchOutline(ids: readonly string[], activeId: string | undefined): string {
  if (ids.length === 0) return '';
  const sel = (id: string) => `.canvas .react-flow__node[data-id="${CSS.escape(id)}"]`;
  const all = ids.map(sel).join(',\n');
  const active = activeId ? `\n${sel(activeId)} { outline-width: 4px; }` : '';
  return `${all} { outline: 2px solid var(--search-hit, #f59e0b); outline-offset: 4px; border-radius: 10px; }${active}`;
}

export function SearchPanel({
  flow,
  workspace,
  onJump,
  onClose,
}: {
  flow: FlowDoc;
  workspace?: WorkspaceDoc;
  onJump(nodeId: string): void;
  onClose(): void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const names = useMemo(() => (workspace ? workspaceNames(workspace) : new Map<string, string>()), [workspace]);
  const hits = useMemo(() => searchNodes(flow, query, 50, names), [flow, query, names]);
  const current = hits[Math.min(active, hits.length - 1)];
  return (
    <div className="search-panel" role="search" aria-label="Search nodes">
      <style data-testid="search-outline">{matchOutline(hits.map((h) => h.node.id), current?.node.id)}</style>
      <div className="search-panel__row">
        <input
          // biome-ignore lint/a11y/noAutofocus: the panel opens on Ctrl+F precisely to type here
          autoFocus
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={current ? `${listId}-${current.node.id}` : undefined}
          aria-label="Find nodes by label or field value"
          placeholder="Find nodes by label or field value"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              onClose();
            } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const n = hits.length;
              if (n > 0) setActive((a) => (Math.min(a, n - 1) + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
            } else if (e.key === 'Enter' && current) {
              e.preventDefault();
              onJump(current.node.id);
            }
          }}
        />
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Close search" onClick={onClose}>
          ✕
        </button>
      </div>
      {query.trim() !== '' ? (
        <div className="result-list" role="listbox" id={listId} aria-label="Matching nodes">
          {hits.map((h, i) => (
            <div
              key={h.node.id}
              id={`${listId}-${h.node.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={h === current}
              onClick={() => onJump(h.node.id)}
              onMouseMove={() => setActive(i)}
            >
              <KindIcon kind={getKind(h.node.kind)} name={h.node.kind} />
              <span>
                <span className="r-title">{h.label || h.title}</span>
                <span className="r-sub">
                  {h.title} · {h.excerpt}
                </span>
              </span>
            </div>
          ))}
          {hits.length === 0 ? <div className="result-empty">No node matches “{query}”.</div> : null}
          {hits.length > 0 ? (
            <div className="result-empty result-count" aria-live="polite">
              {hits.length === 1 ? '1 match' : `${hits.length} matches`}, outlined on the canvas
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
