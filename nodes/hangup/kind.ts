/** Hang up: ends the call (R9). */
import { defineKind } from '../kit/contract.ts';
import { hangupBehavior } from './behavior.ts';
import { hangupModel } from './model.ts';

export const hangupKind = defineKind({
  model: hangupModel,
  behavior: hangupBehavior,
  traits: {
    leavesFlow: () => true,
  },
  look: {
    icon: [{ path: 'M3 14c5-5 13-5 18 0l-2.5 2.5-3.5-1.5v-3c-2-.7-4-.7-6 0v3l-3.5 1.5z' }],
    color: { light: '#5e6878', dark: '#a3adba' },
    estimatedHeight: 54,
  },
  arbitrary: (fc, a) => fc.record({ label: a.label }),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'amazon-connect': (await import('./connect.ts')).hangupConnect }),
});
