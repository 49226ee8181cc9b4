/** The Hangup kind's React side: its canvas view and inspector form (loaded by the editor only). */
import { defineKindUi } from '../../editor/kit/ui.ts';
import { HangupFields } from './HangupFields.tsx';
import type { HangupData } from './model.ts';
import { HangupNode } from './HangupNode.tsx';

export const ui = defineKindUi<HangupData>({ View: HangupNode, Form: HangupFields });
