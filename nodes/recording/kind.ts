/** Recording: turns recording on or off from here on (R5/R6) with its channels and pause settings (R3). */
import { defineKind } from '../kit/contract.ts';
import { recordingBehavior, recordingSettings } from './behavior.ts';
import { recordingModel } from './model.ts';

export const recordingKind = defineKind({
  model: recordingModel,
  behavior: recordingBehavior,
  traits: {
    recording: recordingSettings,
  },
  look: {
    icon: [{ circle: [12, 12, 8] }, { circle: [12, 12, 3.5], filled: true }],
    color: { light: '#c22a3f', dark: '#ff7085' },
    estimatedHeight: 155,
  },
  arbitrary: (fc, a) =>
    fc.record({
      label: a.label,
      record: fc.constantFrom('on' as const, 'off' as const),
      channels: fc.constantFrom('default' as const, 'dual' as const, 'mono' as const),
      agentPause: fc.constantFrom('default' as const, 'enabled' as const, 'disabled' as const),
      parties: fc.constantFrom('default' as const, 'both' as const, 'contact' as const, 'agent' as const),
      ivr: fc.constantFrom('default' as const, 'record' as const, 'skip' as const),
    }),
  ui: () => import('./ui.tsx'),
  // Loaded on the first import or export: the editor opens without the platforms' formats.
  formats: async () => ({ 'amazon-connect': (await import('./connect.ts')).recordingConnect, 'twilio-studio': (await import('./twilio.ts')).recordingTwilio }),
});
