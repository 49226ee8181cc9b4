/**
 * Kind colours as CSS custom properties, written from the kinds' definitions
 * (`look.color`) rather than from a stylesheet that lists kinds: `--kind-<kind>`
 * for the light and the dark theme, and the minimap class `mm-<kind>`.
 */
import type { AnyKind } from '../../nodes/kit/contract.ts';

const STYLE_ID = 'recflow-kind-colours';

/** The stylesheet text for these kinds. Names and colours were checked by `definitionGaps` (letters and `#rrggbb`). */
export function kindStyleSheet(kinds: readonly Pick<AnyKind, 'kind' | 'look'>[]): string {
  const vars = (theme: 'light' | 'dark') => kinds.map((k) => `--kind-${k.kind}: ${k.look.color[theme]};`).join(' ');
  const minimap = kinds.map((k) => `.mm-${k.kind} { fill: var(--kind-${k.kind}); }`).join('\n');
  return `:root { ${vars('light')} }\n:root[data-theme="dark"] { ${vars('dark')} }\n${minimap}\n`;
}

/** Puts the kinds' colours into the document once (again only when they change). */
export function installKindStyles(kinds: readonly Pick<AnyKind, 'kind' | 'look'>[], doc: Document = document): void {
  const text = kindStyleSheet(kinds);
  let el = doc.getElementById(STYLE_ID);
  if (!el) {
    el = doc.createElement('style');
    el.id = STYLE_ID;
    doc.head.append(el);
  }
  if (el.textContent !== text) el.textContent = text;
}
