/**
 * Effective settings (R1–R4): for one call at one moment, the value of each
 * recording setting and where it comes from, so the UI can explain it.
 */
import type { RecordingSettings } from '../../nodes/kit/contract.ts';
import type { AccountSettings, PhoneNumber, TriState, WorkspaceDoc } from '../document/workspace.ts';
import { type PresetSettingName, presetOf } from '../platforms/presets.ts';
import type { CallStart, Effective, EffectiveSettings, RecordedSides, SettingSource } from './types.ts';

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

/** The latest run of each distinct settings object in a list of runs, oldest first, and how much of the list that covers. */
interface LatestRuns {
  count: number;
  last: RecordingNodeRun | undefined;
  runs: RecordingNodeRun[];
}

/**
 * A call appends a run each time it executes a Recording node and resolves its settings again; scanning back
 * through every earlier run made a call that loops through a Recording node quadratic in its length. A value
 * is picked from a run's settings alone, so of the runs sharing one settings object (one node, run again and
 * again) only the latest can be the one R3 wants: `latestNode` looks at those few, kept up to date here by
 * reading only the runs added since the list was last seen (each run's `data` once).
 */
const latestRunsOf = new WeakMap<readonly RecordingNodeRun[], LatestRuns>();

function latestRuns(runs: readonly RecordingNodeRun[]): readonly RecordingNodeRun[] {
  let memo = latestRunsOf.get(runs);
  // A list cut or rewritten since (not only appended to) is read again from the start: its run at the last length
  // seen is no longer the one seen last (a cut list has none there; an unseen or empty one has none and saw none).
  if (!memo || runs[memo.count - 1] !== memo.last) {
    memo = { count: 0, last: undefined, runs: [] };
    latestRunsOf.set(runs, memo);
  }
  for (let i = memo.count; i < runs.length; i++) {
    const { nodeId, data } = runs[i]!;
    // Stryker disable next-line ArrowFunction: finding nothing keeps an earlier run of the same settings; the latest run of those settings comes later in the list, so latestNode still finds it first
    const earlier = memo.runs.findIndex((r) => r.data === data);
    if (earlier >= 0) memo.runs.splice(earlier, 1);
    memo.runs.push({ nodeId, data });
  }
  memo.count = runs.length;
  memo.last = runs[runs.length - 1];
  return memo.runs;
}

/** R3 (1): the most recent executed Recording node that sets the value. */
function latestNode<T>(runs: readonly RecordingNodeRun[], pick: (d: RecordingNodeRun['data']) => T | null): Effective<T> | null {
  if (runs.length === 0) return null;
  const latest = latestRuns(runs);
  for (let i = latest.length - 1; i >= 0; i--) {
    const run = latest[i]!;
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
  if (runs.length > 0) return resolve(ws, start, runs);
  // Every call to a number starts with the same settings: resolved once per workspace document, direction and number.
  let byCall = startSettings.get(ws);
  if (!byCall) {
    byCall = new Map();
    startSettings.set(ws, byCall);
  }
  const key = `${start.direction}\u0000${callNumberId(start)}`;
  let settings = byCall.get(key);
  if (!settings) {
    settings = resolve(ws, start, NO_RUNS);
    byCall.set(key, settings);
  }
  return settings;
}

const startSettings = new WeakMap<object, Map<string, EffectiveSettings>>();

type Preset = ReturnType<typeof presetOf>;

/** R30: a setting the platform fixes comes from the platform, whatever the document says; the rest from the account. */
function fromAccount<K extends PresetSettingName>(preset: Preset, account: AccountSettings, name: K): Effective<AccountSettings[K]> {
  return name in preset.fixed
    ? { value: preset.fixed[name] as AccountSettings[K], source: { kind: 'platform', platform: preset.id } }
    : { value: account[name], source: ACCOUNT };
}

/**
 * R30: a Recording node sets only what the platform's recording block has; anything else it holds is ignored
 * (the flow check says so), so the simulation records what the platform would.
 */
function nodeRuns(preset: Preset, runs: readonly RecordingNodeRun[], option: keyof Preset['node']): readonly RecordingNodeRun[] {
  return preset.node[option] ? runs : NO_RUNS;
}

// What each setting reads from a Recording node's settings and from a number's override (null: not set there).
// Module-level rather than written inline per call: the settings are resolved again at every Recording node run.
type NodePick<T> = (d: RecordingNodeRun['data']) => T | null;
const nodeRecord: NodePick<boolean> = (d) => d.record === 'on';
const nodeChannels: NodePick<'dual' | 'mono'> = (d) => (d.channels === 'default' ? null : d.channels);
const nodeAgentPause: NodePick<boolean> = (d) => (d.agentPause === 'default' ? null : d.agentPause === 'enabled');
const nodeParties: NodePick<RecordedSides> = (d) => (d.parties === undefined || d.parties === 'default' ? null : d.parties);
const nodeIvr: NodePick<boolean> = (d) => (d.ivr === undefined || d.ivr === 'default' ? null : d.ivr === 'record');
const numberInbound = (o: PhoneNumber['override']) => o.inbound;
const numberOutbound = (o: PhoneNumber['override']) => o.outbound;
const numberAgentPause = (o: PhoneNumber['override']) => o.agentPause;

function resolve(
  ws: Pick<WorkspaceDoc, 'account' | 'numbers'> & Partial<Pick<WorkspaceDoc, 'platform'>>,
  start: CallStart,
  runs: readonly RecordingNodeRun[],
): EffectiveSettings {
  const account: AccountSettings = ws.account;
  const preset = presetOf(ws.platform);
  const numberId = callNumberId(start);
  const number = ws.numbers.find((n) => n.id === numberId);
  const inbound = start.direction === 'inbound';

  const record =
    latestNode(runs, nodeRecord) ??
    numberValue(number, inbound ? numberInbound : numberOutbound) ??
    fromAccount(preset, account, inbound ? 'recordInbound' : 'recordOutbound');
  // R2: channels are account-wide; only a Recording node overrides them (R3).
  const dual = fromAccount(preset, account, 'dualChannel');
  const channels = latestNode(nodeRuns(preset, runs, 'channels'), nodeChannels) ?? {
    value: dual.value ? ('dual' as const) : ('mono' as const),
    source: dual.source,
  };
  const agentPause =
    latestNode(nodeRuns(preset, runs, 'agentPause'), nodeAgentPause) ?? numberValue(number, numberAgentPause) ?? fromAccount(preset, account, 'agentPause');
  return {
    record,
    channels,
    agentPause,
    continueOnExternalTransfer: fromAccount(preset, account, 'continueOnExternalTransfer'),
    retention: { value: { autoDelete: account.autoDelete.enabled, months: account.autoDelete.months }, source: ACCOUNT },
    // R29/R31: a Recording node's own choice wins (R3), then the account (or the platform that fixes it, R30).
    recordedParties: latestNode(nodeRuns(preset, runs, 'parties'), nodeParties) ?? fromAccount(preset, account, 'recordedParties'),
    pauseLeaves: fromAccount(preset, account, 'pauseLeaves'),
    recordIvr: latestNode(nodeRuns(preset, runs, 'ivr'), nodeIvr) ?? fromAccount(preset, account, 'recordIvr'),
    outsidePartiesChannel: fromAccount(preset, account, 'outsidePartiesChannel'),
  };
}
