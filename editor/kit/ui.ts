/**
 * The React side of a node kind: its canvas view and its inspector form. A
 * kind's `ui.tsx` exports `ui = defineKindUi({ View, Form })`; its `kind.ts`
 * names that module through `ui: () => import('./ui.tsx')`, which only the
 * editor ever calls (`editor/kindUi.ts`).
 */
import type { ComponentType } from 'react';
import type { FieldsProps } from './form.ts';
import type { KindViewProps } from './viewData.ts';

export interface KindUi<D = unknown> {
  /** The node on the canvas: usually a `NodeShell` with the kind's key fields inside. */
  View: ComponentType<KindViewProps<D>>;
  /** The inspector form for the node's data. */
  Form: ComponentType<FieldsProps<D>>;
}

/** Identity helper that checks the view and form against the kind's data type. */
export function defineKindUi<D>(ui: KindUi<D>): KindUi<D> {
  return ui;
}

/** React components are functions, or objects for `memo` and `forwardRef`. */
function isComponent(value: unknown): boolean {
  return typeof value === 'function' || (typeof value === 'object' && value !== null && '$$typeof' in value);
}

/** What a loaded `ui` module lacks, in words (empty when it has a view and a form). */
export function uiGaps(ui: unknown): string[] {
  if (typeof ui !== 'object' || ui === null) return ['an exported `ui` (defineKindUi({ View, Form }))'];
  const gaps: string[] = [];
  if (!isComponent((ui as Partial<KindUi>).View)) gaps.push('a View component');
  if (!isComponent((ui as Partial<KindUi>).Form)) gaps.push('a Form component');
  return gaps;
}
