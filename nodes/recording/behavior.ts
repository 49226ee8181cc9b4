import { defineBehavior } from '../../runtime/call/behavior.ts';
import type { RecordingData } from './model.ts';

/** R5/R6: starts or stops recording the moment it runs; R3: its channels and pause settings win from now on. */
export const recordingBehavior = defineBehavior<RecordingData>({
  enter: (d) => ({ kind: 'next', port: 'next', recording: { record: d.record, channels: d.channels, agentPause: d.agentPause } }),
});
