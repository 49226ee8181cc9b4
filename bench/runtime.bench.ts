/**
 * Runtime bench (not a test): `npx tsx bench/runtime.bench.ts`
 *
 * 1. Simulated calls per CPU-second for one 20-action call through Recflow's
 *    runtime (startCall + 20 × apply + result) and for a bare xstate actor
 *    (a one-state machine counting events) fed the same 20 events; the ratio
 *    is the goal figure (≥ 0.5). The two run in alternating slices so that
 *    load from other processes hits both alike.
 *
 * Batch throughput (`recflow simulate --batch`) has its own bench: bench/batch.bench.ts.
 *
 * Options (env): BENCH_SECONDS (default 4) per runtime measurement.
 */
import { availableParallelism } from 'node:os';
import { assign, createActor, setup } from 'xstate';
import { simulate } from '../runtime/call/scenario.ts';
import { startCall } from '../runtime/call/session.ts';
import { buildFlow, testWorkspace } from '../runtime/call/testkit.ts';
import type { CallAction, CallStart } from '../runtime/call/types.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

const ws = testWorkspace({ account: { agentPause: true } });
const flow = buildFlow(
  [
    ['s', 'start', { numberIds: ['main'] }],
    ['m', 'menu', { timeoutSeconds: 10 }],
    ['r', 'recording', { record: 'on' }],
    ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 30 }],
  ],
  [
    ['s', 'next', 'm'],
    ['m', '1', 'r'],
    ['r', 'next', 'a'],
  ],
);
const start: CallStart = { direction: 'inbound', numberId: 'main', callerNumber: '+15550111' };
const OUT = { type: 'external', number: '+15550100' } as const;

/** The 20 actions: IVR, answer, hold, pauses, a conference with a refused pause, a cancelled warm transfer, hang-up. */
const steps: Array<[number, CallAction]> = [
  [3, { type: 'press', digit: '1' }],
  [8, { type: 'answer', agentId: 'ana' }],
  [20, { type: 'hold', agentId: 'ana' }],
  [30, { type: 'unhold', agentId: 'ana' }],
  [40, { type: 'pause', agentId: 'ana' }],
  [50, { type: 'resume', agentId: 'ana' }],
  [60, { type: 'pause', agentId: 'ana' }],
  [70, { type: 'resume', agentId: 'ana' }],
  [80, { type: 'conference', agentId: 'ana', target: { type: 'agent', agentId: 'cy' } }],
  [82, { type: 'answer', agentId: 'cy' }],
  [90, { type: 'pause', agentId: 'cy' }],
  [100, { type: 'hangUp', party: 'agent:cy' }],
  [110, { type: 'transfer', agentId: 'ana', mode: 'warm', target: OUT }],
  [120, { type: 'cancelTransfer', agentId: 'ana' }],
  [130, { type: 'pause', agentId: 'ana' }],
  [140, { type: 'resume', agentId: 'ana' }],
  [150, { type: 'hold', agentId: 'ana' }],
  [160, { type: 'unhold', agentId: 'ana' }],
  [170, { type: 'wait' }],
  [180, { type: 'hangUp', party: 'contact' }],
];

function recflowCall(): number {
  const s = startCall(ws, flow, start);
  for (const [at, action] of steps) s.apply(action, at);
  return s.result().totalRecordedSeconds;
}

/** The baseline: the smallest useful machine, counting every event it is sent. */
const bareMachine = setup({
  types: { context: {} as { count: number }, events: {} as CallAction & { at: number } },
}).createMachine({
  context: { count: 0 },
  on: { '*': { actions: assign({ count: ({ context }) => context.count + 1 }) } },
});
const bareEvents = steps.map(([at, action]) => ({ ...action, at }));

function bareCall(): number {
  const actor = createActor(bareMachine).start();
  for (const e of bareEvents) actor.send(e);
  const n = actor.getSnapshot().context.count;
  actor.stop();
  return n;
}

function compare(seconds: number): { recflow: number; bare: number } {
  for (let i = 0; i < 3000; i++) {
    recflowCall();
    bareCall();
  }
  // CPU time of this process (µs), not wall time: other processes on a busy machine then skew neither side.
  const cpu = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  let tr = 0;
  let tb = 0;
  let nr = 0;
  let nb = 0;
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    let t = cpu();
    for (let i = 0; i < 200; i++) recflowCall();
    tr += cpu() - t;
    nr += 200;
    t = cpu();
    for (let i = 0; i < 200; i++) bareCall();
    tb += cpu() - t;
    nb += 200;
  }
  return { recflow: nr / (tr / 1e6), bare: nb / (tb / 1e6) };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

console.log(`Recflow runtime bench (Node ${process.version}, ${availableParallelism()} cores)`);
const sanity = simulate(ws, flow, { call: start, actions: steps.map(([at, a]) => ({ at, ...a }) as never) });
console.log(`20-action call: ${sanity.segments.length} segments, ${sanity.totalRecordedSeconds} s recorded, ${sanity.rejections.length} refused action(s)`);

const { recflow, bare } = compare(SECONDS);
console.log(`runtime: recflow ${fmt(recflow)} calls/s, bare xstate actor ${fmt(bare)} calls/s, ratio ${(recflow / bare).toFixed(2)} (goal ≥ 0.50)`);

