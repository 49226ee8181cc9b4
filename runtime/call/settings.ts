/**
 * Effective settings (R1–R4): for one call at one moment, the value of each
 * recording setting and where it comes from, so the UI can explain it.
 */
import type { RecordingSettings } from '../../nodes/kit/contract.ts';
import type { AccountSettings, PhoneNumber, TriState, WorkspaceDoc } from '../document/workspace.ts';
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
  ws: Pick<WorkspaceDoc, 'account' | 'numbers'>,
  start: CallStart,
  runs: readonly RecordingNodeRun[] = [],
): EffectiveSettings {
  const account: AccountSettings = ws.account;
  const numberId = callNumberId(start);
  const number = ws.numbers.find((n) => n.id === numberId);
  const inbound = start.direction === 'inbound';

  const record =
    latestNode(runs, (d) => d.record === 'on') ??
    numberValue(number, (o) => (inbound ? o.inbound : o.outbound)) ?? {
      value: inbound ? account.recordInbound : account.recordOutbound,
      source: ACCOUNT,
    };
  // R2: channels are account-wide; only a Recording node overrides them (R3).
  const channels = latestNode(runs, (d) => (d.channels === 'default' ? null : d.channels)) ?? {
    value: account.dualChannel ? ('dual' as const) : ('mono' as const),
    source: ACCOUNT,
  };
  const agentPause = latestNode(runs, (d) => (d.agentPause === 'default' ? null : d.agentPause === 'enabled')) ??
    numberValue(number, (o) => o.agentPause) ?? { value: account.agentPause, source: ACCOUNT };
  return {
    record,
    channels,
    agentPause,
    continueOnExternalTransfer: { value: account.continueOnExternalTransfer, source: ACCOUNT },
    retention: { value: { autoDelete: account.autoDelete.enabled, months: account.autoDelete.months }, source: ACCOUNT },
  };
}
