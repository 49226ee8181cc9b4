/** The Step kind's React side: its canvas view and inspector form (loaded by the editor only). */
import { defineKindUi } from '../../editor/kit/ui.ts';
import type { StepData } from './model.ts';
import { StepFields } from './StepFields.tsx';
import { StepNode } from './StepNode.tsx';

export const ui = defineKindUi<StepData>({ View: StepNode, Form: StepFields });
