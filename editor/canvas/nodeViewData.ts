/**
 * The canvas's React Flow node and edge data: a kind's view data
 * (`editor/kit/viewData.ts`) holding the runtime's flow node.
 */
import type { Node } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '../../runtime/document/flow.ts';
import type { NodeViewData } from '../kit/viewData.ts';

export type FlowViewData = NodeViewData<FlowNode>;

export type FlowRFNode = Node<FlowViewData>;

export type EdgeViewData = { edge: FlowEdge };
