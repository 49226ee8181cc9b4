/**
 * The workspace as node kinds see it: only the fields their checks, forms and
 * descriptions read, declared structurally so the kit needs nothing from
 * `runtime/document/`. The runtime's `WorkspaceDoc` is such a view (the
 * checker passes one where a `WorkspaceView` is expected, so the compiler
 * keeps the two in step).
 */
import type { PlatformName } from './platforms.ts';

export interface WorkspaceView {
  /** R30: the platform the workspace models (what its recording block offers: `recordingOptionsOf`). */
  readonly platform: PlatformName;
  readonly account: {
    /** R1 */
    readonly recordInbound: boolean;
    readonly continueOnExternalTransfer: boolean;
    readonly agentPause: boolean;
    readonly dualChannel: boolean;
    /** R29: which sides are on tape unless a Recording node says otherwise. */
    readonly recordedParties: 'both' | 'contact' | 'agent';
    /** R31: whether recording turned on before an agent joins records the IVR part too. */
    readonly recordIvr: boolean;
  };
  readonly numbers: ReadonlyArray<{ readonly id: string; readonly number: string; readonly label: string; readonly flowId: string | null }>;
  readonly agents: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly ringGroups: ReadonlyArray<{ readonly id: string; readonly name: string; readonly memberIds: readonly string[] }>;
  readonly flows: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}
