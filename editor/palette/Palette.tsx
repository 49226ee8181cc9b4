/**
 * The palette: every kind except the entry (Start: a flow has exactly one). Drag an item
 * onto the canvas, or focus it and press Enter to add it at the viewport centre.
 */
import { memo } from 'react';
import { getKind, getModel, kinds, type NodeKindName } from '../../nodes/index.ts';
import { PALETTE_MIME } from '../canvas/Canvas.tsx';
import { KindIcon } from '../kit/icons.tsx';

export const paletteKinds: NodeKindName[] = kinds.filter((k) => !k.traits.entry).map((k) => k.kind as NodeKindName);

export const Palette = memo(function Palette({ onAdd }: { onAdd(kind: NodeKindName): void }) {
  return (
    <nav className="palette" aria-label="Node palette">
      <h2 className="panel-title">Add a node</h2>
      {paletteKinds.map((kind) => {
        const model = getModel(kind)!;
        return (
          <button
            key={kind}
            type="button"
            className="palette__item"
            draggable
            data-kind={kind}
            title={`${model.description} Drag onto the canvas or press Enter.`}
            onDragStart={(e) => {
              e.dataTransfer.setData(PALETTE_MIME, kind);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onClick={() => onAdd(kind)}
          >
            <KindIcon kind={getKind(kind)} name={kind} />
            <span>
              <span className="palette__name">{model.title}</span>
              <span className="palette__desc">{model.description}</span>
            </span>
          </button>
        );
      })}
      <p className="palette__hint">
        Drag onto the canvas, or press <kbd>N</kbd> anywhere to pick a node by name.
      </p>
    </nav>
  );
});
