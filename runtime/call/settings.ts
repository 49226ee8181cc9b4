/**
 * Effective settings (R1–R4): for one call at one moment, the value of each
 * recording setting and where it comes from, so the UI can explain it.
 */
import type { RecordingSettings } from '../../nodes/kit/contract.ts';
import type { AccountSettings, PhoneNumber, TriState, WorkspaceDoc } from '../document/workspace.ts';
import { type PresetSettingName, presetOf } from '../platforms/presets.ts';
import type { CallStart, Effective, EffectiveSettings, SettingSource } from './types.ts';

/** A Recording node the call executed, in execution order. */
export interface RecordingNodeRun {
  nodeId: string;
  data: RecordingSettings;
}

/** R4: an inbound call uses the number dialled; an outbound call the number the agent dials from. */
export function callNumberId(start: CallStart): string {
  return start.direction === 'inbound' ? start.numberId : start.fromNumberId;
}

const ACCOUNT: SettingSource = { kind: 'account' };
const NO_RUNS: readonly RecordingNodeRun[] = [];

/** R2: a number's tri-state, when its override switch is on and the value is not `inherit`. */
function numberValue(number: PhoneNumber | undefined, pick: (o: PhoneNumber['override']) => TriState): Effective<boolean> | null {
  if (!number?.override.enabled) return null;
  const v = pick(number.override);
  if (v === 'inherit') return null;
  return { value: v === 'enabled', source: { kind: 'number', numberId: number.id } };
}

/** R3 (1): the most recent executed Recording node that sets the value. */
function latestNode<T>(runs: readonly RecordingNodeRun[], pick: (d: RecordingNodeRun['data']) => T | null): Effective<T> | null {
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i]!;
    const v = pick(run.data);
    if (v !== null) return { value: v, source: { kind: 'node', nodeId: run.nodeId } };
  }
  return null;
}

/**
 * Resolves every setting for a call by R3's precedence: latest Recording
 * node that sets it, then the number's override (R2, R4), then the account (R1).
 *
 * @example
 * resolveSettings(ws, { direction: 'inbound', numberId: 'main', callerNumber: '+1555' }, [
 *   { nodeId: 'rec1', data: { record: 'on', channels: 'mono', agentPause: 'default' } },
 * ]).channels; // { value: 'mono', source: { kind: 'node', nodeId: 'rec1' } }
 */
export function resolveSettings(
  ws: Pick<WorkspaceDoc, 'account' | 'numbers'> & Partial<Pick<WorkspaceDoc, 'platform'>>,
  start: CallStart,
  runs: readonly RecordingNodeRun[] = [],
): EffectiveSettings {
  const account: AccountSettings = ws.account;
  const preset = presetOf(ws.platform);
  // R30: a setting the platform fixes comes from the platform, whatever the document says; the rest from the account.
  const fromAccount = <K extends PresetSettingName>(name: K): Effective<AccountSettings[K]> =>
    name in preset.fixed
      ? { value: preset.fixed[name] as AccountSettings[K], source: { kind: 'platform', platform: preset.id } }
      : { value: account[name], source: ACCOUNT };
  // R30: a Recording node sets only what the platform's recording block has; anything else it holds is ignored
  // (the flow check says so), so the simulation records what the platform would.
  const nodeRuns = (option: keyof typeof preset.node) => (preset.node[option] ? runs : NO_RUNS);
  const numberId = callNumberId(start);
  const number = ws.numbers.find((n) => n.id === numberId);
  const inbound = start.direction === 'inbound';

  const record =
    latestNode(runs, (d) => d.record === 'on') ??
    numberValue(number, (o) => (inbound ? o.inbound : o.outbound)) ??
    fromAccount(inbound ? 'recordInbound' : 'recordOutbound');
  // R2: channels are account-wide; only a Recording node overrides them (R3).
  const dual = fromAccount('dualChannel');
  const channels = latestNode(nodeRuns('channels'), (d) => (d.channels === 'default' ? null : d.channels)) ?? {
    value: dual.value ? ('dual' as const) : ('mono' as const),
    source: dual.source,
  };
  const agentPause =
    latestNode(nodeRuns('agentPause'), (d) => (d.agentPause === 'default' ? null : d.agentPause === 'enabled')) ??
    numberValue(number, (o) => o.agentPause) ??
    fromAccount('agentPause');
  return {
    record,
    channels,
    agentPause,
    continueOnExternalTransfer: fromAccount('continueOnExternalTransfer'),
    retention: { value: { autoDelete: account.autoDelete.enabled, months: account.autoDelete.months }, source: ACCOUNT },
    // R29/R31: a Recording node's own choice wins (R3), then the account (or the platform that fixes it, R30).
    recordedParties: latestNode(nodeRuns('parties'), (d) => (d.parties === undefined || d.parties === 'default' ? null : d.parties)) ?? fromAccount('recordedParties'),
    pauseLeaves: fromAccount('pauseLeaves'),
    recordIvr: latestNode(nodeRuns('ivr'), (d) => (d.ivr === undefined || d.ivr === 'default' ? null : d.ivr === 'record')) ?? fromAccount('recordIvr'),
    outsidePartiesChannel: fromAccount('outsidePartiesChannel'),
  };
}
