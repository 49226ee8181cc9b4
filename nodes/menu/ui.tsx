/** The Menu kind's React side: its canvas view and inspector form (loaded by the editor only). */
import { defineKindUi } from '../../editor/kit/ui.ts';
import { MenuFields } from './MenuFields.tsx';
import type { MenuData } from './model.ts';
import { MenuNode } from './MenuNode.tsx';

export const ui = defineKindUi<MenuData>({ View: MenuNode, Form: MenuFields });
