/**
 * The canvas views of all kinds, from the registry: each kind's `View`
 * (its `ui.tsx`), wrapped so that zoomed far out it draws as a plain box.
 */
import { type NodeProps, type NodeTypes, useInternalNode } from '@xyflow/react';
import { type ComponentType, type CSSProperties, createContext, createElement, memo, useContext } from 'react';
import { kinds } from '../../nodes/index.ts';
import { uiOf } from '../kindUi.ts';
import './farView.css';
import type { FlowRFNode } from './nodeViewData.ts';

/** Below this zoom node text is unreadable: a measured node draws as a plain box in its kind's colour. */
export const FAR_ZOOM = 0.4;
/**
 * Whether the canvas is zoomed out below FAR_ZOOM, provided once by the canvas: a store subscription in every node
 * would run a thousand selectors on each frame of a pan (npm run bench). Without a provider nodes draw in full.
 */
export const FarContext = createContext(false);

/** The far box: the node's measured size, and its handles where React Flow measured them (edges stay attached). */
function FarBox({ id, kind, width, height, selected }: { id: string; kind: string; width: number; height: number; selected: boolean }) {
  const bounds = useInternalNode(id)?.internals.handleBounds;
  const handles = [...(bounds?.target ?? []), ...(bounds?.source ?? [])];
  const style = { width, height, ['--kind-color' as string]: `var(--kind-${kind}, var(--muted))` } as CSSProperties;
  return createElement(
    'div',
    { className: `fnode-far${selected ? ' is-selected' : ''}`, style, 'data-node-id': id, 'data-kind': kind },
    // Plain elements React Flow reads as handles (class, data-handleid, data-handlepos): no store subscriptions.
    handles.map((h) =>
      createElement('div', {
        key: `${h.type}:${h.id ?? ''}`,
        className: `fnode-far__handle ${h.type}`,
        'data-handleid': h.id ?? undefined,
        'data-handlepos': h.position,
        style: { position: 'absolute', left: h.x, top: h.y, width: h.width, height: h.height },
      }),
    ),
  );
}

/**
 * Zoomed far out a node that React Flow has measured draws as one box of exactly its measured size with its
 * handles where they were measured, so when React Flow measures it again it finds the same size and handles and
 * edges keep their ends. Mounting such a box as it scrolls into view (large flows render only what is visible)
 * is cheap, which keeps panning and zooming a large zoomed-out flow smooth (npm run bench). Views re-render only
 * when the zoom crosses FAR_ZOOM.
 */
function withFarView(View: ComponentType<NodeProps<FlowRFNode>>): NodeTypes[string] {
  return memo(function FarOrNear(props: NodeProps<FlowRFNode>) {
    const far = useContext(FarContext);
    const { width, height, data, selected } = props;
    if (!far || !width || !height) return createElement(View, props);
    return createElement(FarBox, { id: props.id, kind: data.node.kind, width, height, selected });
  }) as NodeTypes[string];
}

let built: NodeTypes | null = null;

/** React Flow's `nodeTypes`: one entry per registered kind, built once (after `loadKindUis()`), so its identity is stable. */
export function nodeTypes(): NodeTypes {
  built ??= Object.fromEntries(
    kinds.map((k) => [k.kind, withFarView(uiOf(k.kind)!.View as unknown as ComponentType<NodeProps<FlowRFNode>>)]),
  );
  return built;
}
