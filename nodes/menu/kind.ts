/** Menu: waits for a key and branches on it; its invalid and timeout paths are C4's concern. */
import { defineKind } from '../kit/contract.ts';
import { menuBehavior } from './behavior.ts';
import { MENU_DIGITS, menuModel } from './model.ts';

export const menuKind = defineKind({
  model: menuModel,
  behavior: menuBehavior,
  traits: {
    fallbackPorts: (d) => [
      { port: 'invalid', reason: 'invalid' },
      ...(d.timeoutSeconds === null ? [] : [{ port: 'timeout', reason: 'timeout' as const }]),
    ],
  },
  look: {
    icon: [
      { rect: [4, 3, 4, 4, 1] },
      { rect: [10, 3, 4, 4, 1] },
      { rect: [16, 3, 4, 4, 1] },
      { rect: [4, 10, 4, 4, 1] },
      { rect: [10, 10, 4, 4, 1] },
      { rect: [16, 10, 4, 4, 1] },
      { rect: [10, 17, 4, 4, 1] },
    ],
    color: { light: '#7443c9', dark: '#b48cff' },
    estimatedHeight: 153,
  },
  arbitrary: (fc, a) =>
    fc.record({
      label: a.label,
      prompt: a.text(400),
      options: fc.uniqueArray(fc.record({ digit: fc.constantFrom(...MENU_DIGITS), label: a.label }), { selector: (o) => o.digit, maxLength: 12 }),
      timeoutSeconds: fc.option(a.seconds(300), { nil: null }),
    }),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'amazon-connect': (await import('./connect.ts')).menuConnect, 'twilio-studio': (await import('./twilio.ts')).menuTwilio }),
});
