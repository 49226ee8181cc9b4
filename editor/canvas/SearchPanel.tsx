/** Ctrl/Cmd+F: find nodes by label or field value; Enter jumps to the chosen one. */
import { useId, useMemo, useState } from 'react';
import { getKind } from '../../nodes/index.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import { KindIcon } from '../kit/icons.tsx';
import { searchNodes } from './search.ts';

export function SearchPanel({ flow, onJump, onClose }: { flow: FlowDoc; onJump(nodeId: string): void; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const hits = useMemo(() => searchNodes(flow, query), [flow, query]);
  const current = hits[Math.min(active, hits.length - 1)];
  return (
    <div className="search-panel" role="search" aria-label="Search nodes">
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
        </div>
      ) : null}
    </div>
  );
}
