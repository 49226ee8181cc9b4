/** The Decision kind's React side: its canvas view and inspector form (loaded by the editor only). */
import { defineKindUi } from '../../editor/kit/ui.ts';
import { DecisionFields } from './DecisionFields.tsx';
import type { DecisionData } from './model.ts';
import { DecisionNode } from './DecisionNode.tsx';

export const ui = defineKindUi<DecisionData>({ View: DecisionNode, Form: DecisionFields });
