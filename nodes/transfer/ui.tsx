/** The Transfer kind's React side: its canvas view and inspector form (loaded by the editor only). */
import { defineKindUi } from '../../editor/kit/ui.ts';
import { TransferFields } from './TransferFields.tsx';
import type { TransferData } from './model.ts';
import { TransferNode } from './TransferNode.tsx';

export const ui = defineKindUi<TransferData>({ View: TransferNode, Form: TransferFields });
