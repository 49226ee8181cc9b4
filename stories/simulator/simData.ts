/**
 * Realistic simulator data for the stories: calls run with the runtime's
 * step API on the example workspace and flows (examples/), never typed-in
 * results. Each builder returns what a panel needs.
 */
import { loadExampleWorkspace } from '../../examples/index.ts';
import { parseScenario } from '../../runtime/call/scenario.ts';
import { startCall } from '../../runtime/call/session.ts';
import type { CallAction, CallResult, CallSession, CallStart, EffectiveSettings } from '../../runtime/call/types.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import type { PlatformId } from '../../runtime/platforms/presets.ts';
import { onPlatform } from '../../editor/settings/platform.ts';

export interface SimCall {
  workspace: WorkspaceDoc;
  flow: FlowDoc | undefined;
  start: CallStart;
  session: CallSession;
  result: CallResult;
  settings: EffectiveSettings;
}

type Step = [at: number, action: CallAction] | [at: 'timer'];

function run(workspace: WorkspaceDoc, start: CallStart, steps: Step[]): SimCall {
  const flowId = start.direction === 'inbound' ? workspace.numbers.find((n) => n.id === start.numberId)?.flowId : null;
  const flow = flowId ? workspace.flows.find((f) => f.id === flowId) : undefined;
  const session = startCall(workspace, flow, start);
  for (const step of steps) {
    const out = step[0] === 'timer' ? session.runToNextTimer() : session.apply(step[1]!, step[0]);
    if (!out.ok) throw new Error(`story data: ${out.error}`);
  }
  return { workspace, flow, start, session, result: session.result(), settings: session.effectiveSettings() };
}

const caller = '+1 555 300 4000';
const inbound = (numberId: string): CallStart => ({ direction: 'inbound', numberId, callerNumber: caller });

/** Support line: notice, press 1 (Recording node on, R5), Ana answers, the caller hangs up. Dual channel. */
export function supportCall(): SimCall {
  return run(loadExampleWorkspace(), inbound('num-support'), [
    ['timer'],
    [8, { type: 'press', digit: '1' }],
    [20, { type: 'answer', agentId: 'ag-ana' }],
    [95, { type: 'hangUp', party: 'contact' }],
  ]);
}

/** The support call started a minute before midnight on New Year's Eve: it ends in the new year, and R20 counts from its end. */
export function newYearCall(): SimCall {
  return run(loadExampleWorkspace(), { ...inbound('num-support'), startedAt: '2026-12-31T23:59:00.000Z' }, [
    ['timer'],
    [8, { type: 'press', digit: '1' }],
    [20, { type: 'answer', agentId: 'ag-ana' }],
    [95, { type: 'hangUp', party: 'contact' }],
  ]);
}

/** The direct number (no flow) on an account with dual channel off: one mixed channel, not transcribable (R17, R18). */
export function monoCall(): SimCall {
  const ws = loadExampleWorkspace();
  ws.account.dualChannel = false;
  return run(ws, inbound('num-direct'), [
    [6, { type: 'answer', agentId: 'ag-ben' }],
    [70, { type: 'hangUp', party: 'contact' }],
  ]);
}

/** Payments line (its number enables agent pause, R2): Dev answers, pauses for 20 s and resumes (R11). */
export function pauseCall(): SimCall {
  return run(loadExampleWorkspace(), inbound('num-payments'), [
    ['timer'],
    [7, { type: 'press', digit: '2' }],
    [15, { type: 'answer', agentId: 'ag-dev' }],
    [40, { type: 'pause', agentId: 'ag-dev' }],
    [60, { type: 'resume', agentId: 'ag-dev' }],
    [90, { type: 'hangUp', party: 'contact' }],
  ]);
}

/** Payments line: Dev conferences in Eva, Eva tries to pause and is refused (R10, R12: Dev controls). */
export function conferenceRefusalCall(): SimCall {
  return run(loadExampleWorkspace(), inbound('num-payments'), [
    ['timer'],
    [7, { type: 'press', digit: '2' }],
    [15, { type: 'answer', agentId: 'ag-dev' }],
    [30, { type: 'conference', agentId: 'ag-dev', target: { type: 'agent', agentId: 'ag-eva' } }],
    [36, { type: 'answer', agentId: 'ag-eva' }],
    [50, { type: 'pause', agentId: 'ag-eva' }],
    [80, { type: 'hangUp', party: 'contact' }],
  ]);
}

/** Payments line: Dev answers at 15 s and pauses nine times for 2 s, 38 s apart; the caller hangs up at 400 s (R11). */
export function ninePausesCall(): SimCall {
  const steps: Step[] = [['timer'], [7, { type: 'press', digit: '2' }], [15, { type: 'answer', agentId: 'ag-dev' }]];
  for (let i = 0; i < 9; i++) {
    steps.push([15 + 40 * i + 38, { type: 'pause', agentId: 'ag-dev' }], [15 + 40 * i + 40, { type: 'resume', agentId: 'ag-dev' }]);
  }
  steps.push([400, { type: 'hangUp', party: 'contact' }]);
  return run(loadExampleWorkspace(), inbound('num-payments'), steps);
}

/** Support line: Ana blind-transfers to an outside number; the account keeps recording off on external transfer (R14). */
export function externalTransferCall(): SimCall {
  return run(loadExampleWorkspace(), inbound('num-support'), [
    ['timer'],
    [8, { type: 'press', digit: '1' }],
    [20, { type: 'answer', agentId: 'ag-ana' }],
    [60, { type: 'transfer', agentId: 'ag-ana', mode: 'blind', target: { type: 'external', number: '+1 555 020 0300' } }],
    [120, { type: 'hangUp', party: 'contact' }],
  ]);
}

/** Support line with nobody answering: the caller leaves a voicemail (R19) and nothing else is recorded. */
export function voicemailCall(): SimCall {
  return run(loadExampleWorkspace(), inbound('num-support'), [['timer'], [8, { type: 'press', digit: '1' }], ['timer'], [60, { type: 'press', digit: '#' }]]);
}

/** Support line, mid-call: Ana is still talking at 45 s (an open segment). */
export function inProgressCall(): SimCall {
  return run(loadExampleWorkspace(), inbound('num-support'), [
    ['timer'],
    [8, { type: 'press', digit: '1' }],
    [20, { type: 'answer', agentId: 'ag-ana' }],
    [45, { type: 'wait' }],
  ]);
}

/** The sample workspace as it is on `platform` (R30), optionally changed further. */
export function sampleOn(platform: PlatformId, change: (ws: WorkspaceDoc) => void = () => {}): WorkspaceDoc {
  // onPlatform's result is immer's, frozen: a copy to change.
  const ws = structuredClone(onPlatform(loadExampleWorkspace(), platform));
  change(ws);
  return ws;
}

/**
 * Claims line (R25–R27): the notice plays, the policy look-up succeeds, the reviewer chooses "open", the
 * Recording node runs at 10 s, Ana answers the queued call at 30 s and the caller hangs up at 90 s; `extra`
 * steps go between the answer and the hang-up.
 */
export function claimsCall(ws: WorkspaceDoc = loadExampleWorkspace(), extra: Step[] = []): SimCall {
  return run(ws, inbound('num-claims'), [
    ['timer'],
    [6, { type: 'choose', option: 'next' }],
    [10, { type: 'choose', option: 'open' }],
    [30, { type: 'answer', agentId: 'ag-ana' }],
    ...extra,
    [90, { type: 'hangUp', party: 'contact' }],
  ]);
}

/** R29 on Amazon Connect: the claims line's Recording node records the contact only, so channel B holds nothing. */
export function contactOnlyCall(): SimCall {
  const ws = sampleOn('amazon-connect', (w) => {
    const node = w.flows.find((f) => f.id === 'claims-line')?.nodes.find((n) => n.kind === 'recording');
    if (node?.kind === 'recording') node.data.parties = 'contact';
  });
  return claimsCall(ws);
}

/** R30 on Amazon Connect with agent pause allowed: Ana pauses 50–60 s and the recording keeps the stretch as silence. */
export function silenceCall(): SimCall {
  const ws = sampleOn('amazon-connect', (w) => {
    w.account.agentPause = true;
  });
  return claimsCall(ws, [
    [50, { type: 'pause', agentId: 'ag-ana' }],
    [60, { type: 'resume', agentId: 'ag-ana' }],
  ]);
}

const exampleScenarios = import.meta.glob<unknown>('../../examples/scenarios/*.json', { eager: true, import: 'default' });

/**
 * One of the example scenarios (examples/scenarios/<name>.json, the scenario format)
 * run step by step on the example workspace, so the story shows exactly
 * what `recflow simulate` computes for it.
 */
export function exampleCall(name: string): SimCall {
  const raw = exampleScenarios[`../../examples/scenarios/${name}.json`];
  if (raw === undefined) throw new Error(`story data: no example scenario ${name}`);
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(`story data: ${name}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const sc = parsed.value;
  const ws = loadExampleWorkspace();
  const start = sc.call as CallStart;
  const flowId = sc.flow?.replace(/^.*\/|\.json$/g, '');
  const steps: Step[] = sc.actions.map(({ at, ...action }) => [at, action as CallAction]);
  if (sc.runUntil !== undefined) steps.push([sc.runUntil, { type: 'wait' }]);
  const call = run(ws, start, steps);
  if (flowId && call.flow?.id !== flowId) throw new Error(`story data: ${name} names flow ${flowId}, the number runs ${call.flow?.id}`);
  return call;
}
