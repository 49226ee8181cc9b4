import { defineBehavior, type RecordingSettings } from '../kit/contract.ts';
import type { RecordingData } from './model.ts';

/** The settings the node applies: R5/R6 on or off, R3 channels and agent pause. */
export const recordingSettings = (d: RecordingData): RecordingSettings => ({ record: d.record, channels: d.channels, agentPause: d.agentPause });

/** R5/R6: starts or stops recording the moment it runs; R3: its channels and pause settings win from now on. */
export const recordingBehavior = defineBehavior<RecordingData>({
  enter: (d) => ({ kind: 'pass', port: 'next', recording: recordingSettings(d) }),
});
