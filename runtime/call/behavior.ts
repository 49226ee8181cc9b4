/**
 * The contract of a node kind's behaviour: what a call does when it reaches
 * a node of that kind. Behaviours are pure: they describe a step and the
 * runtime (`core.ts`) carries it out, so a kind stays one folder plus one
 * registry line in `nodes/index.ts`.
 */
import type { TransferTarget } from '../../nodes/kind.ts';
import type { RecordingData } from '../../nodes/recording/model.ts';
import type { Choice } from './types.ts';

/** An internal ringing target: who may answer. */
export type RingTarget = Extract<TransferTarget, { type: 'agent' } | { type: 'ringGroup' }>;
/** An outside party: a private extension (R13) or an outside number (R14/R16). */
export type ConnectTarget = Extract<TransferTarget, { type: 'extension' } | { type: 'external' }>;

/**
 * What the call does on arriving at a node.
 * - `next`: go straight on through `port` (optionally applying a Recording node's settings, R5/R6/R3);
 * - `play`: play for `seconds`, then go on through `port`;
 * - `menu`: wait for a key, or `timeoutSeconds` (null: forever);
 * - `voicemail`: record the caller's message (R19) up to `maxLengthSeconds`;
 * - `ring`: ring an agent or ring group; after `timeoutSeconds` unanswered, go on through `noAnswerPort`;
 * - `connect`: ring an extension (R13) or outside number (R16); when it answers the flow ends
 *   there, after `timeoutSeconds` unanswered the call goes on through `noAnswerPort`;
 * - `end`: hang up.
 */
export type NodeStep =
  | { kind: 'next'; port: string; recording?: Pick<RecordingData, 'record' | 'channels' | 'agentPause'> }
  | { kind: 'play'; seconds: number; port: string }
  | { kind: 'menu'; timeoutSeconds: number | null; digits: Choice[] }
  | { kind: 'voicemail'; maxLengthSeconds: number }
  | { kind: 'ring'; target: RingTarget; timeoutSeconds: number; noAnswerPort: string }
  | { kind: 'connect'; target: ConnectTarget; timeoutSeconds: number; noAnswerPort: string }
  | { kind: 'end' };

export interface NodeBehavior<D> {
  /** The step the call takes on arriving at the node. */
  enter(data: D): NodeStep;
  /**
   * A key the caller pressed while the call waits at the node: the port to
   * leave by, or null when the key means nothing here (the press is refused).
   */
  press?(data: D, digit: string): string | null;
  /** The node's timer fell due: the port to leave by, or null to end the call. */
  timeout?(data: D): string | null;
}

/** Identity helper that keeps `D` checked against the kind's data. */
export function defineBehavior<D>(behavior: NodeBehavior<D>): NodeBehavior<D> {
  return behavior;
}
