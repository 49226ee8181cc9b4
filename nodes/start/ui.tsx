/** The Start kind's React side: its canvas view and inspector form (loaded by the editor only). */
import { defineKindUi } from '../../editor/kit/ui.ts';
import { StartFields } from './StartFields.tsx';
import type { StartData } from './model.ts';
import { StartNode } from './StartNode.tsx';

export const ui = defineKindUi<StartData>({ View: StartNode, Form: StartFields });
