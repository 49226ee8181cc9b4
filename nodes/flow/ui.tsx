/** The Flow kind's React side: its canvas view and inspector form (loaded by the editor only). */
import { defineKindUi } from '../../editor/kit/ui.ts';
import { FlowFields } from './FlowFields.tsx';
import type { FlowNodeData } from './model.ts';
import { FlowNode } from './FlowNode.tsx';

export const ui = defineKindUi<FlowNodeData>({ View: FlowNode, Form: FlowFields });
