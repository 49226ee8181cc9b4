import { defineBehavior } from '../kit/contract.ts';
import type { PlayData } from './model.ts';

/** Plays the message for its duration, then goes on; key presses are not listened to. */
export const playBehavior = defineBehavior<PlayData>({
  enter: (d) => ({ kind: 'prompt', seconds: d.durationSeconds, port: 'next' }),
  timeout: () => 'next',
});
