/**
 * The workspace as node kinds see it: only the fields their checks, forms and
 * descriptions read, declared structurally so the kit needs nothing from
 * `runtime/document/`. The runtime's `WorkspaceDoc` is such a view (the
 * checker passes one where a `WorkspaceView` is expected, so the compiler
 * keeps the two in step).
 */
export interface WorkspaceView {
  readonly account: {
    /** R1 */
    readonly recordInbound: boolean;
    readonly continueOnExternalTransfer: boolean;
    readonly agentPause: boolean;
    readonly dualChannel: boolean;
  };
  readonly numbers: ReadonlyArray<{ readonly id: string; readonly number: string; readonly label: string; readonly flowId: string | null }>;
  readonly agents: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly ringGroups: ReadonlyArray<{ readonly id: string; readonly name: string; readonly memberIds: readonly string[] }>;
  readonly flows: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}
