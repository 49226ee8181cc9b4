/**
 * The kinds' React side (canvas view and inspector form), loaded once through
 * each kind's `ui()` before the editor first renders (`main.tsx`, and the
 * Storybook preview). Loaded, every lookup is synchronous; a kind whose UI is
 * missing or incomplete stops the editor with an error that names it, rather
 * than drawing a generic box.
 */
import { kinds } from '../nodes/index.ts';
import type { AnyKind } from '../nodes/kit/contract.ts';
import { type KindUi, uiGaps } from './kit/ui.ts';

const loaded = new Map<string, KindUi>();
let loading: Promise<void> | null = null;

async function loadOne(kind: AnyKind): Promise<void> {
  const { ui } = await kind.ui();
  const gaps = uiGaps(ui);
  if (gaps.length > 0) throw new Error(`node kind "${kind.kind}": its ui module needs ${gaps.join(' and ')}`);
  loaded.set(kind.kind, ui as KindUi);
}

/** Loads every registered kind's view and form (once; later calls return the same promise). */
export function loadKindUis(): Promise<void> {
  loading ??= Promise.all(kinds.map(loadOne)).then(() => undefined);
  return loading;
}

/**
 * The view and form of a registered kind, or undefined for a kind the
 * registry does not know. Throws when asked before `loadKindUis()` finished:
 * that is a wiring mistake, not something to draw around.
 */
export function uiOf(kind: string): KindUi | undefined {
  const ui = loaded.get(kind);
  if (ui) return ui;
  if (kinds.some((k) => k.kind === kind)) throw new Error(`the UI of node kind "${kind}" is not loaded: await loadKindUis() before rendering`);
  return undefined;
}
