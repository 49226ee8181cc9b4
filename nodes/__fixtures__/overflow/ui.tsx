import { defineKindUi } from '../../../editor/kit/ui.ts';
import type { OverflowData } from './model.ts';
import { OverflowFields } from './OverflowFields.tsx';
import { OverflowNode } from './OverflowNode.tsx';

export const ui = defineKindUi<OverflowData>({ View: OverflowNode, Form: OverflowFields });
