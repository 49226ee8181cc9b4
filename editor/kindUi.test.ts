/**
 * The kinds' React side is loaded from their definitions, and a kind without
 * a view or a form stops the editor with its name rather than drawing a
 * generic box. Kind colours come from the definitions too.
 */
import { describe, expect, it } from 'vitest';
import { kinds } from '../nodes/index.ts';
import { loadKindUis, uiOf } from './kindUi.ts';
import { kindStyleSheet } from './kit/kindStyles.ts';
import { uiGaps } from './kit/ui.ts';

const View = () => null;

describe('kind UIs', () => {
  it('refuses to answer for a registered kind before they are loaded, and knows no unregistered kind', () => {
    expect(() => uiOf('menu')).toThrow('the UI of node kind "menu" is not loaded: await loadKindUis() before rendering');
    expect(uiOf('fax')).toBeUndefined();
  });

  it('loads a view and a form for every registered kind, once', async () => {
    const first = loadKindUis();
    expect(loadKindUis()).toBe(first);
    await first;
    for (const k of kinds) {
      const ui = uiOf(k.kind);
      expect(uiGaps(ui), k.kind).toEqual([]);
      expect(ui).toBe((await k.ui()).ui);
    }
  });

  it('names what a ui module lacks', () => {
    expect(uiGaps(undefined)).toEqual(['an exported `ui` (defineKindUi({ View, Form }))']);
    expect(uiGaps({ View })).toEqual(['a Form component']);
    expect(uiGaps({ View: 'PlayNode', Form: View })).toEqual(['a View component']);
    expect(uiGaps({ View: { $$typeof: Symbol.for('react.memo') }, Form: View })).toEqual([]);
  });
});

describe('kind colours', () => {
  it('are custom properties for the light and the dark theme, and minimap fills, from each definition', () => {
    const css = kindStyleSheet(kinds);
    for (const k of kinds) {
      expect(css).toContain(`--kind-${k.kind}: ${k.look.color.light};`);
      expect(css).toContain(`--kind-${k.kind}: ${k.look.color.dark};`);
      expect(css).toContain(`.mm-${k.kind} { fill: var(--kind-${k.kind}); }`);
    }
    expect(kindStyleSheet([{ kind: 'queue', look: { icon: [{ path: 'M0 0' }], color: { light: '#111111', dark: '#eeeeee' }, estimatedHeight: 1 } }])).toBe(
      ':root { --kind-queue: #111111; }\n:root[data-theme="dark"] { --kind-queue: #eeeeee; }\n.mm-queue { fill: var(--kind-queue); }\n',
    );
  });
});
