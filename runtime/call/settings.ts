/**
 * Effective settings (R1–R4): for one call at one moment, the value of each
 * recording setting and where it comes from, so the UI can explain it.
 */
import type { RecordingData } from '../../nodes/recording/model.ts';
import type { AccountSettings, PhoneNumber, TriState, WorkspaceDoc } from '../document/workspace.ts';
import type { CallStart, ChannelLayout, Effective, EffectiveSettings, SettingSource } from './types.ts';

/** A Recording node the call executed, in execution order. */
export interface RecordingNodeRun {
  nodeId: string;
  data: Pick<RecordingData, 'record' | 'channels' | 'agentPause'>;
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

/** The latest executed Recording node that set each value (R3 (1)), or null where none did. */
interface LatestNodes {
  record: Effective<boolean> | null;
  channels: Effective<ChannelLayout> | null;
  agentPause: Effective<boolean> | null;
}

/** Folds one more run into the latest values: a later node that sets a value replaces the earlier one. */
function fold(latest: LatestNodes, run: RecordingNodeRun): void {
  const { nodeId, data } = run;
  const source = { kind: 'node', nodeId } as const;
  latest.record = { value: data.record === 'on', source };
  if (data.channels !== 'default') latest.channels = { value: data.channels, source };
  if (data.agentPause !== 'default') latest.agentPause = { value: data.agentPause === 'enabled', source };
}

/**
 * What `latestNodes` folded so far for each list of runs it was given. A call appends a run each time it
 * executes a Recording node and asks again; folding only the new runs keeps a call that loops through a
 * Recording node linear in its length (scanning every earlier run each time made it quadratic).
 */
const folded = new WeakMap<readonly RecordingNodeRun[], { count: number; last: RecordingNodeRun | undefined; latest: LatestNodes }>();

const NO_NODES: Readonly<LatestNodes> = Object.freeze({ record: null, channels: null, agentPause: null });

function latestNodes(runs: readonly RecordingNodeRun[]): Readonly<LatestNodes> {
  if (runs.length === 0) return NO_NODES;
  let memo = folded.get(runs);
  // The list was cut or rewritten since (not only appended to): fold it again from the start.
  if (memo && (memo.count > runs.length || (memo.count > 0 && runs[memo.count - 1] !== memo.last))) memo = undefined;
  if (!memo) {
    memo = { count: 0, last: undefined, latest: { record: null, channels: null, agentPause: null } };
    folded.set(runs, memo);
  }
  for (let i = memo.count; i < runs.length; i++) fold(memo.latest, runs[i]!);
  memo.count = runs.length;
  memo.last = runs[runs.length - 1];
  return memo.latest;
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

  const latest = latestNodes(runs);
  const record = latest.record ??
    numberValue(number, (o) => (inbound ? o.inbound : o.outbound)) ?? {
      value: inbound ? account.recordInbound : account.recordOutbound,
      source: ACCOUNT,
    };
  // R2: channels are account-wide; only a Recording node overrides them (R3).
  const channels = latest.channels ?? {
    value: account.dualChannel ? ('dual' as const) : ('mono' as const),
    source: ACCOUNT,
  };
  const agentPause = latest.agentPause ?? numberValue(number, (o) => o.agentPause) ?? { value: account.agentPause, source: ACCOUNT };
  return {
    record,
    channels,
    agentPause,
    continueOnExternalTransfer: { value: account.continueOnExternalTransfer, source: ACCOUNT },
    retention: { value: { autoDelete: account.autoDelete.enabled, months: account.autoDelete.months }, source: ACCOUNT },
  };
}
