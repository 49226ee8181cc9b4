/** The Voicemail kind's React side: its canvas view and inspector form (loaded by the editor only). */
import { defineKindUi } from '../../editor/kit/ui.ts';
import { VoicemailFields } from './VoicemailFields.tsx';
import type { VoicemailData } from './model.ts';
import { VoicemailNode } from './VoicemailNode.tsx';

export const ui = defineKindUi<VoicemailData>({ View: VoicemailNode, Form: VoicemailFields });
