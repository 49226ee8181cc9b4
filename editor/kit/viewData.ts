/**
 * What a kind's canvas view receives: the flow node itself, its problems, its
 * simulation highlight and its comparison mark. Each field keeps its identity
 * while unchanged, so memoised views skip re-rendering.
 */
import type { Node, NodeProps } from '@xyflow/react';
import type { FlowProblem } from '../../nodes/kit/contract.ts';

export type SimHighlight = 'active' | 'visited' | null;
/** How a node differs from the baseline the flow is being compared with (Compare panel); removed nodes are not drawn. */
export type DiffMark = 'added' | 'changed' | 'moved' | null;
/** The word for each kind of difference, on the node's tag and in the Compare panel. */
export const DIFF_WORDS = { added: 'new', changed: 'changed', moved: 'moved', removed: 'removed' } as const;

/** The target handle id every node with an input uses. */
export const INPUT_HANDLE = 'in';

/** A flow node as a view sees it: the runtime's flow node, with the kind's own data type. */
export interface KindNode<D = unknown> {
  id: string;
  kind: string;
  position: { x: number; y: number };
  data: D;
  endsCall?: string[];
}

export type NodeViewData<N extends KindNode = KindNode> = {
  node: N;
  problems: FlowProblem[];
  sim: SimHighlight;
  /** Absent when nothing is being compared. */
  diff?: DiffMark;
};

/** The props of a kind's canvas view (`View` in its `ui.tsx`). */
export type KindViewProps<D> = NodeProps<Node<NodeViewData<KindNode<D>>>>;
