/**
 * Random walks through the sample flows: each step picks one of the actions
 * the call offers (with random parameter choices and times) and the
 * recording invariants must hold at the end, as must replaying the history.
 * Complements the exhaustive model-based tests with long, varied calls.
 */
import { expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../examples/index.ts';
import { startCall } from './session.ts';
import type { AvailableAction, CallAction, CallStart } from './types.ts';

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
  let s = seed;
  const next = (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[next(xs.length)]! };
}

function randomAction(a: AvailableAction, g: ReturnType<typeof generator>): CallAction {
  switch (a.type) {
    case 'press':
      return { type: 'press', digit: g.pick(a.digits).value };
    case 'choose':
      return { type: 'choose', option: g.pick(a.options).value };
    case 'answer':
      return { type: 'answer', agentId: g.pick(a.agents).value };
    case 'contactAnswer':
    case 'outsideAnswer':
    case 'wait':
      return { type: a.type };
    case 'hold':
    case 'unhold':
    case 'pause':
    case 'resume':
    case 'completeTransfer':
    case 'cancelTransfer':
      return { type: a.type, agentId: g.pick(a.agents).value };
    case 'transfer':
      return { type: 'transfer', agentId: g.pick(a.agents).value, mode: g.pick(a.modes), target: g.pick(a.targets).target };
    case 'conference':
      return { type: 'conference', agentId: g.pick(a.agents).value, target: g.pick(a.targets).target };
    case 'hangUp':
      return { type: 'hangUp', party: g.pick(a.parties).value };
  }
}

it('R9/R11/R14 (random walks over the sample flows): segments ordered, inside the call, outside pauses and external portions; replay is exact', () => {
  const ws = loadExampleWorkspace();
  const starts: CallStart[] = [
    { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' },
    { direction: 'inbound', numberId: 'num-payments', callerNumber: '+15550111' },
    { direction: 'inbound', numberId: 'num-partner', callerNumber: '+15550111' },
    { direction: 'inbound', numberId: 'num-direct', callerNumber: '+15550111' },
    { direction: 'outbound', agentId: 'ag-ben', fromNumberId: 'num-support', contactNumber: '+15550199' },
  ];
  const g = generator(20260101);
  const failures: string[] = [];
  for (let n = 0; n < 1500 && failures.length < 5; n++) {
    ws.account.continueOnExternalTransfer = g.next(2) === 0;
    ws.account.agentPause = g.next(3) > 0;
    const s = startCall(ws, undefined, g.pick(starts));
    const pauses: Array<[number, number]> = [];
    let pausedSince: number | null = null;
    let t = 0;
    for (let i = 0; i < 30 && !s.ended; i++) {
      t += g.next(3) === 0 ? 0 : g.next(40);
      const out = s.apply(randomAction(g.pick(s.available()), g), t);
      if (!out.ok) throw new Error(out.error);
      if (s.paused && pausedSince === null) pausedSince = s.time;
      if (!s.paused && pausedSince !== null) {
        pauses.push([pausedSince, s.time]);
        pausedSince = null;
      }
    }
    const r = s.result();
    if (pausedSince !== null) pauses.push([pausedSince, r.duration]);
    let sum = 0;
    r.segments.forEach((seg, i) => {
      sum += seg.end - seg.start;
      const where = `walk ${n}, segment ${seg.start}-${seg.end}`;
      if (!(seg.start < seg.end) || seg.start < 0 || seg.end > r.duration) failures.push(`${where}: outside the call`);
      if (i > 0 && r.segments[i - 1]!.end > seg.start) failures.push(`${where}: overlaps the previous one`);
      if (pauses.some(([a, b]) => seg.start < b && seg.end > a)) failures.push(`${where}: during a pause`);
      if (!ws.account.continueOnExternalTransfer && r.externalPortionAt !== null && seg.end > r.externalPortionAt) {
        failures.push(`${where}: after the external portion at ${r.externalPortionAt}`);
      }
    });
    if (Math.abs(sum - r.totalRecordedSeconds) > 1e-6) failures.push(`walk ${n}: total ${r.totalRecordedSeconds} ≠ ${sum}`);
    const text = JSON.stringify(r);
    s.goTo(0);
    s.goTo(s.history.length);
    if (JSON.stringify(s.result()) !== text) failures.push(`walk ${n}: replaying the history gives another result`);
  }
  expect(failures).toEqual([]);
}, 120_000);
