/**
 * Rule checks that both the call machine's guards and the simulator's
 * offers ask, so a refusal the simulator predicts is the one the machine
 * gives.
 */
import type { CallData, RecordingState } from './callData.ts';
import { agentParty, outsideParty } from './parties.ts';
import type { RejectionInfo, TransferTarget } from './types.ts';

/**
 * R10: whether `agentId` may pause (or resume) now, checked in this order:
 * settings, controlling agent (R12), recording running, pause state.
 */
export function pauseRefusal(d: CallData, recording: RecordingState, agentId: string, pause: boolean): RejectionInfo | null {
  if (!d.settings.agentPause.value) {
    return { code: 'not-allowed-by-settings', message: 'Agent-initiated pause is not enabled for this call.' };
  }
  if (d.controller !== agentId) {
    return { code: 'not-controlling-agent', message: `${d.agentName(agentId)} does not control the recording of this call.` };
  }
  if (recording !== 'recording' && recording !== 'paused') return { code: 'not-recording', message: 'The call is not being recorded.' };
  if (pause && recording === 'paused') return { code: 'already-paused', message: 'The recording is already paused.' };
  if (!pause && recording === 'recording') return { code: 'not-paused', message: 'The recording is not paused.' };
  return null;
}

/** Why an agent cannot hand the call to, or bring in, `target` now; null when they can. */
export function handOverProblem(d: CallData, agentId: string, target: TransferTarget): string | null {
  if (!d.isOn(agentParty(agentId))) return `${d.agentName(agentId)} is not on the call.`;
  if (d.consult) return 'A warm transfer is in progress.';
  if (target.type === 'agent') {
    if (!d.wsIx.agents.has(target.agentId)) return `No agent "${target.agentId}" in the workspace.`;
    if (d.isOn(agentParty(target.agentId))) return `${d.agentName(target.agentId)} is already on the call.`;
  }
  if (target.type === 'ringGroup' && !d.wsIx.ringGroups.has(target.ringGroupId)) {
    return `No ring group "${target.ringGroupId}" in the workspace.`;
  }
  if (target.type !== 'agent' && target.type !== 'ringGroup' && d.isOn(outsideParty(target))) {
    return `${d.describe(target)} is already on the call.`;
  }
  return null;
}
