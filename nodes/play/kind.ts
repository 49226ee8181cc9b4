/** Play: a message to the caller; one marked as the recording notice satisfies C2. */
import { defineKind } from '../kit/contract.ts';
import { playBehavior } from './behavior.ts';
import { playModel } from './model.ts';

export const playKind = defineKind({
  model: playModel,
  behavior: playBehavior,
  traits: {
    recordingNotice: (d) => d.recordingNotice,
  },
  look: {
    icon: [{ path: 'M11 5 6 9H3v6h3l5 4z' }, { path: 'M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13' }],
    color: { light: '#2359d1', dark: '#6f9dff' },
    estimatedHeight: 132,
  },
  arbitrary: (fc, a) => fc.record({ label: a.label, text: a.text(400), durationSeconds: a.seconds(600), recordingNotice: fc.boolean() }),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'amazon-connect': (await import('./connect.ts')).playConnect, 'twilio-studio': (await import('./twilio.ts')).playTwilio }),
});
