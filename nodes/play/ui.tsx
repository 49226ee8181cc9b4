/** The Play kind's React side: its canvas view and inspector form (loaded by the editor only). */
import { defineKindUi } from '../../editor/kit/ui.ts';
import { PlayFields } from './PlayFields.tsx';
import type { PlayData } from './model.ts';
import { PlayNode } from './PlayNode.tsx';

export const ui = defineKindUi<PlayData>({ View: PlayNode, Form: PlayFields });
