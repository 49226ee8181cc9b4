import { defineKindUi } from '../../../editor/kit/ui.ts';
import type { QueueData } from './model.ts';
import { QueueFields } from './QueueFields.tsx';
import { QueueNode } from './QueueNode.tsx';

export const ui = defineKindUi<QueueData>({ View: QueueNode, Form: QueueFields });
