/**
 * The palette: every kind except Start (a flow has exactly one). Drag an item
 * onto the canvas, or focus it and press Enter to add it at the viewport centre.
 */
import { memo } from 'react';
import { getModel, kindNames, type NodeKindName } from '../../nodes/index.ts';
import { PALETTE_MIME } from '../canvas/Canvas.tsx';
import { KindIcon } from '../ui/icons.tsx';

export const paletteKinds: NodeKindName[] = kindNames.filter((k) => k !== 'start');

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
            <KindIcon kind={kind} />
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
