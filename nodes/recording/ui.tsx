/** The Recording kind's React side: its canvas view and inspector form (loaded by the editor only). */
import { defineKindUi } from '../../editor/kit/ui.ts';
import { RecordingFields } from './RecordingFields.tsx';
import type { RecordingData } from './model.ts';
import { RecordingNode } from './RecordingNode.tsx';

export const ui = defineKindUi<RecordingData>({ View: RecordingNode, Form: RecordingFields });
