/** The keyboard way to add a node: type to filter, arrows to choose, Enter to add. */
import { useId, useMemo, useState } from 'react';
import { getKind, getModel, type NodeKindName } from '../../nodes/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { KindIcon } from '../kit/icons.tsx';
import { paletteKinds } from './Palette.tsx';

export function NodePicker({ onPick, onClose, below }: { onPick(kind: NodeKindName): void; onClose(): void; below: string | null }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputId = useId();
  const listId = useId();
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return paletteKinds.filter((k) => {
      const m = getModel(k)!;
      return q === '' || `${m.title} ${m.kind} ${m.description}`.toLowerCase().includes(q);
    });
  }, [query]);
  const current = matches[Math.min(active, matches.length - 1)];
  return (
    <Dialog title="Add a node" onClose={onClose} initialFocus={inputId} className="picker">
      <p className="rf-muted picker__where">
        {below ? `Placed below “${below}” and connected from its first free port.` : 'Placed at the centre of the view.'}
      </p>
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={current ? `${listId}-${current}` : undefined}
        aria-label="Filter node kinds"
        placeholder="Type to filter: menu, play, transfer…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const n = matches.length;
            if (n > 0) setActive((a) => (Math.min(a, n - 1) + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
          } else if (e.key === 'Enter' && current) {
            e.preventDefault();
            onPick(current);
          }
        }}
      />
      <div className="result-list" role="listbox" id={listId} aria-label="Node kinds">
        {matches.map((k, i) => {
          const m = getModel(k)!;
          return (
            <div key={k} id={`${listId}-${k}`} role="option"
              tabIndex={-1} aria-selected={k === current} onClick={() => onPick(k)} onMouseMove={() => setActive(i)}>
              <KindIcon kind={getKind(k)} name={k} />
              <span>
                <span className="r-title">{m.title}</span>
                <span className="r-sub">{m.description}</span>
              </span>
            </div>
          );
        })}
        {matches.length === 0 ? <div className="result-empty">No node kind matches “{query}”.</div> : null}
      </div>
    </Dialog>
  );
}
