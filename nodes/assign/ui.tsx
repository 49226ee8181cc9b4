/** The Assign kind's React side: its canvas view and inspector form (loaded by the editor only). */
import { defineKindUi } from '../../editor/kit/ui.ts';
import { AssignFields } from './AssignFields.tsx';
import type { AssignData } from './model.ts';
import { AssignNode } from './AssignNode.tsx';

export const ui = defineKindUi<AssignData>({ View: AssignNode, Form: AssignFields });
