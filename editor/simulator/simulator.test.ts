import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../examples/index.ts';
import { parseScenario } from '../../runtime/call/scenario.ts';
import { parseFlow } from '../../runtime/document/flow.ts';
import { parseWorkspace } from '../../runtime/document/workspace.ts';
import { exportScenarios, scenarioFiles } from './scenarioExport.ts';
import { checkScenario, type SavedScenario, scenarioOf, stepsOf } from './scenarios.ts';
import type { CallStart } from '../../runtime/call/types.ts';
import { onPlatform } from '../settings/platform.ts';
import { highlightOf } from './Simulator.tsx';
import { createSimStore } from './simStore.ts';
import { startedAtOf, utcMinute } from './StartForm.tsx';
import { callStartedAt, utcText } from './format.ts';
import { externalCut, markerLabels, onTape, pauseGaps, placeLabels, placeMarkers, tickStep } from './timelineLayout.ts';
import { crc32 } from './zip.ts';

const caller = '+15550111';

function supportCall() {
  const ws = loadExampleWorkspace();
  const sim = createSimStore(ws, 5);
  sim.start({ direction: 'inbound', numberId: 'num-support', callerNumber: caller });
  sim.runToNextTimer(); // the recording notice ends at 5 s
  sim.apply({ type: 'press', digit: '1' }); // 10 s: Recording node on (R5)
  sim.apply({ type: 'answer', agentId: 'ag-ana' }); // 15 s
  return { ws, sim };
}

describe('simulator store', () => {
  it('drives the runtime session: each action lands `advance` seconds later', () => {
    const { sim } = supportCall();
    const call = sim.getState().call!;
    expect(call.time).toBe(15);
    expect(call.flowId).toBe('support-line');
    expect(call.path).toEqual(['start', 'notice', 'menu', 'record', 'ring-support']);
    expect(call.parties.map((p) => p.id)).toEqual(['agent:ag-ana']);
    expect(call.result.segments).toMatchObject([{ start: 10, end: 15, endReason: 'in-progress' }]);
  });

  it('R10: a refused pause is reported in the note and kept in the history', () => {
    const { sim } = supportCall();
    const out = sim.apply({ type: 'pause', agentId: 'ag-ana' });
    expect(out).toMatchObject({ ok: true, accepted: false });
    expect(sim.getState().note?.tone).toBe('refused');
    expect(sim.getState().call!.result.rejections).toHaveLength(1);
  });

  it('steps back two actions and takes another branch', () => {
    const { sim } = supportCall();
    sim.goTo(sim.getState().call!.historyIndex - 2); // before the key press
    expect(sim.getState().call!.currentNodeId).toBe('menu');
    sim.apply({ type: 'press', digit: '2' });
    const call = sim.getState().call!;
    expect(call.history).toHaveLength(2);
    expect(call.path.at(-1)).toBe('billing');
  });

  it('replays the call when the workspace changes (an edit shows its effect at once)', () => {
    const { ws, sim } = supportCall();
    sim.apply({ type: 'hangUp', party: 'contact' });
    expect(sim.getState().call!.result.channels).toBe('dual');
    const next = structuredClone(ws);
    const rec = next.flows.find((f) => f.id === 'support-line')!.nodes.find((n) => n.id === 'record')!;
    if (rec.kind === 'recording') rec.data.channels = 'mono';
    sim.setWorkspace(next);
    const call = sim.getState().call!;
    expect(call.result.channels).toBe('mono');
    expect(call.result.transcribable).toBe(false);
    expect(call.history).toHaveLength(4);
  });

  it('R8: an outbound call runs no flow and records from the contact answering', () => {
    const sim = createSimStore(loadExampleWorkspace(), 5);
    sim.start({ direction: 'outbound', agentId: 'ag-dev', fromNumberId: 'num-support', contactNumber: '+15550199' });
    expect(sim.getState().call!.available.map((a) => a.type)).toContain('contactAnswer');
    sim.apply({ type: 'contactAnswer' });
    sim.apply({ type: 'hangUp', party: 'contact' });
    const call = sim.getState().call!;
    expect(call.flowId).toBeNull();
    expect(call.result.segments).toMatchObject([{ start: 5, end: 10, endReason: 'hang-up' }]);
  });

  it('gives the canvas the node the call is at and the nodes it went through, for the flow on screen only', () => {
    const { sim } = supportCall();
    const call = sim.getState().call!;
    expect(highlightOf(call, 'support-line')).toEqual({ activeNodeId: null, visitedNodeIds: call.path });
    expect(highlightOf(call, 'payments-line')).toBeNull();
  });
});

/** The call in `sim` saved as a scenario, its result the expectation. */
function savedFrom(sim: ReturnType<typeof createSimStore>, id: string, name: string): SavedScenario {
  const call = sim.getState().call!;
  return {
    id,
    flowId: call.flowId,
    flowChoice: call.flowChoice,
    savedAt: '2026-01-01T00:00:00.000Z',
    scenario: scenarioOf(name, call.start, call.history, call.result),
  };
}

describe('scenarios', () => {
  function saved(): { ws: ReturnType<typeof loadExampleWorkspace>; s: SavedScenario } {
    const { ws, sim } = supportCall();
    sim.apply({ type: 'hangUp', party: 'contact' });
    return { ws, s: savedFrom(sim, 'a', 'Support, Ana answers') };
  }

  it('a saved scenario passes on the same documents and is valid for recflow test', () => {
    const { ws, s } = saved();
    expect(checkScenario(ws, s)).toMatchObject({ pass: true, differences: [] });
    expect(parseScenario(JSON.parse(JSON.stringify(s.scenario)))).toMatchObject({ ok: true });
  });

  it('R10: a refused action that differs reads as words: "pause at 20 s was expected to be refused as not allowed by settings"', () => {
    const ws = loadExampleWorkspace();
    ws.account.agentPause = true;
    const sim = createSimStore(ws, 5);
    sim.start({ direction: 'inbound', numberId: 'num-support', callerNumber: caller });
    sim.runToNextTimer();
    sim.apply({ type: 'press', digit: '1' });
    sim.apply({ type: 'answer', agentId: 'ag-ana' });
    sim.apply({ type: 'pause', agentId: 'ag-ana' }); // 20 s, allowed while agent pause is on
    sim.apply({ type: 'hangUp', party: 'contact' });
    const s = savedFrom(sim, 'p', 'Pause');
    s.scenario.expect!.rejections = [{ at: 20, code: 'not-allowed-by-settings' }];
    const out = checkScenario(ws, s);
    expect(out.pass).toBe(false);
    expect(out.differences).toContain('pause at 20 s was expected to be refused as not allowed by settings, but it was not refused.');
    expect(out.differences.join(' ')).not.toMatch(/not-allowed-by-settings|\$\./);
    // Segments speak of why they ended in words too.
    s.scenario.expect!.rejections = [];
    s.scenario.expect!.segments = [{ start: 10, end: 20, endReason: 'hang-up' }];
    expect(checkScenario(ws, s).differences[0]).toMatch(/^Segments: expected 10–20 s \(ended: call ended \(R9\)\); got 10–20 s \(ended: paused by the agent \(R11\)\)/);
  });

  it('R14: editing the account shows what changed, in words', () => {
    const { ws, s } = saved();
    const edited = structuredClone(ws);
    edited.account.dualChannel = false;
    edited.flows.find((f) => f.id === 'support-line')!.nodes.forEach((n) => {
      if (n.kind === 'recording') n.data.channels = 'default';
    });
    const out = checkScenario(edited, s);
    expect(out.pass).toBe(false);
    expect(out.differences).toContain('Channel layout: expected dual, got mono.');
    expect(out.differences).toContain('Transcribable: expected yes, got no.');
  });

  it('exports a zip of workspace and scenario files that the parsers accept', () => {
    const { ws, s } = saved();
    const files = scenarioFiles(ws, [s, { ...s, id: 'b', flowChoice: { kind: 'flow', flowId: 'payments-line' } }]);
    expect(files.map((f) => f.path)).toEqual([
      'workspace.json',
      'scenarios/support-ana-answers.json',
      'flows/payments-line.json',
      'scenarios/support-ana-answers-2.json',
    ]);
    expect(parseWorkspace(files[0]!.text)).toMatchObject({ ok: true });
    expect(parseFlow(files[2]!.text)).toMatchObject({ ok: true });
    const sc = parseScenario(files[3]!.text);
    expect(sc).toMatchObject({ ok: true, value: { workspace: '../workspace.json', flow: '../flows/payments-line.json' } });
    const bytes = exportScenarios(ws, [s]);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('timeline layout', () => {
  it('ticks stay at least 56 px apart', () => {
    expect(tickStep(10)).toBe(10);
    expect(tickStep(1)).toBe(60);
  });

  it('labels too wide for their bar go under it, on a row free of the previous one', () => {
    const placed = placeLabels([
      { x: 0, width: 10, text: '0–1 s' },
      { x: 12, width: 10, text: '1–2 s' },
      { x: 200, width: 300, text: '10–40 s' },
    ]);
    expect(placed.map((p) => p.row)).toEqual([1, 2, 0]);
    // A third short bar with both rows taken gets no label rather than one drawn over another (the table has it).
    const crowded = placeLabels([
      { x: 0, width: 4, text: '0–1 s' },
      { x: 6, width: 4, text: '1–2 s' },
      { x: 12, width: 4, text: '2–3 s' },
    ]);
    expect(crowded.map((p) => p.row)).toEqual([1, 2, null]);
  });

  it('event markers get their words where there is room before the next marker of their row, else shorter, else none', () => {
    const markers = [
      { at: 0, kind: 'answer' as const, label: 'Ana answers' },
      { at: 100, kind: 'refusal' as const, label: 'Agent-initiated pause is not enabled for this call.' },
      { at: 101, kind: 'pause' as const, label: 'Ana pauses' },
      { at: 300, kind: 'hang-up' as const, label: 'hangs up' },
    ];
    const placed = placeMarkers(markers, (t) => t * 2);
    const texts = markerLabels(placed, ['answer', 'pause refused: Agent-initiated pause is not enabled for this call.', 'pause', 'hang-up'], 604);
    expect(texts.map((t) => t.text.replace(/:.*…$/, ': …'))).toEqual(['answer', 'pause refused: …', 'pause', 'hang-up']);
    // The refusal's reason is cut where the hang-up marker of its row is; the hang-up at the drawing's end is labelled on its left.
    expect(texts[1]!.text).toMatch(/^pause refused: Agent-initiated.*…$/);
    expect(texts.map((t) => t.side)).toEqual(['right', 'right', 'right', 'left']);
    // Crowded: the answer has 13 px before the hang-up of its row (nothing fits); the refusal keeps what was refused, not why.
    const tight = markerLabels(placeMarkers(markers, (t) => t * 0.1), ['answer', 'pause refused: not enabled', 'pause', 'hang-up'], 100);
    expect(tight.map((t) => t.text)).toEqual(['', 'pause refused', 'pause', 'hang-up']);
  });

  it('R30: a paused stretch the recording keeps as silence is marked silent; one cut out is not', () => {
    const paused = (platform: 'talkdesk' | 'amazon-connect') => {
      const ws = structuredClone(onPlatform(loadExampleWorkspace(), platform));
      ws.account.agentPause = true;
      const sim = createSimStore(ws, 1);
      // The claims line: notice, look-up, "open", the Recording node, the queue; Ana answers, pauses and resumes.
      sim.start({ direction: 'inbound', numberId: 'num-claims', callerNumber: '+15550111' });
      sim.runToNextTimer();
      sim.apply({ type: 'choose', option: 'error' });
      sim.apply({ type: 'answer', agentId: 'ag-ana' });
      sim.apply({ type: 'pause', agentId: 'ag-ana' });
      sim.apply({ type: 'resume', agentId: 'ag-ana' });
      sim.apply({ type: 'hangUp', party: 'contact' });
      return pauseGaps(sim.getState().call!.result);
    };
    // The choice takes no time (5 s); Ana answers at 6 s, pauses at 7 s and resumes at 8 s.
    expect(paused('talkdesk')).toEqual([{ start: 7, end: 8, silent: false }]);
    expect(paused('amazon-connect')).toEqual([{ start: 7, end: 8, silent: true }]);
  });

  it('R29: channel A is on tape unless only the agent side is recorded, channel B unless only the contact is; mono always', () => {
    expect((['both', 'contact', 'agent'] as const).map((s) => [onTape('A', s), onTape('B', s), onTape('mono', s)])).toEqual([
      [true, true, true],
      [true, false, true],
      [false, true, true],
    ]);
  });

  it('R25–R27: a choice is applied at the current time, so a running step cannot decide first', () => {
    const sim = createSimStore(loadExampleWorkspace(), 5);
    sim.start({ direction: 'inbound', numberId: 'num-claims', callerNumber: '+15550111' });
    sim.runToNextTimer(); // the notice ends at 5 s; the look-up takes 2 s
    const out = sim.apply({ type: 'choose', option: 'error' });
    expect(out).toEqual({ ok: true, accepted: true });
    const call = sim.getState().call!;
    expect(call.time).toBe(5);
    expect(call.path.at(-1)).toBe('queue');
  });

  it('R11 gaps follow paused segments; R14 cut covers the rest of the call', () => {
    const { sim } = supportCall();
    sim.apply({ type: 'transfer', agentId: 'ag-ana', mode: 'blind', target: { type: 'external', number: '+15550100' } });
    sim.apply({ type: 'hangUp', party: 'contact' });
    const r = sim.getState().call!.result;
    expect(pauseGaps(r)).toEqual([]);
    expect(externalCut(r)).toEqual({ start: 20, end: 25 });
  });
});

describe('when the call starts (R20)', () => {
  const at = (startedAt: string) => ({ direction: 'inbound' as const, numberId: 'num-support', callerNumber: caller, startedAt });
  function answeredAndEnded(sim: ReturnType<typeof createSimStore>) {
    sim.runToNextTimer();
    sim.apply({ type: 'press', digit: '1' });
    sim.apply({ type: 'answer', agentId: 'ag-ana' });
    sim.apply({ type: 'hangUp', party: 'contact' });
  }

  it('the start form reads its date-time field as UTC, to the minute, and refuses an incomplete one', () => {
    expect(utcMinute(new Date('2026-12-02T05:10:42.123Z'))).toBe('2026-12-02T05:10');
    expect(startedAtOf('2026-12-24T18:30')).toBe('2026-12-24T18:30:00.000Z');
    expect(startedAtOf('2026-12-24T18:30:15')).toBe('2026-12-24T18:30:15.000Z');
    for (const bad of ['', '2026-12-24', '2026-13-40T18:30', 'tomorrow']) expect(startedAtOf(bad)).toBeNull();
    expect(utcText('2026-12-24T19:30:00+01:00')).toBe('2026-12-24 18:30 UTC');
    expect(utcText('2026-12-24T18:30:15Z')).toBe('2026-12-24 18:30:15 UTC');
    expect(callStartedAt({ direction: 'inbound', numberId: 'num-support', callerNumber: caller })).toEqual({ text: '2026-01-01 09:00 UTC', isDefault: true });
  });

  it('R20: a call started at a chosen moment is deleted six months after it ended; saved, it replays with its own start', () => {
    const ws = loadExampleWorkspace();
    const sim = createSimStore(ws, 5);
    sim.start(at('2026-12-24T18:30:00.000Z'));
    answeredAndEnded(sim);
    expect(sim.getState().call!.result.deletionDate).toBe('2027-06-24');
    const s = savedFrom(sim, 'x', 'Christmas Eve');
    expect(s.scenario.call.startedAt).toBe('2026-12-24T18:30:00.000Z');
    // A new call started later runs from its own start; loading the saved one brings back the saved start.
    sim.start(at('2027-03-31T08:00:00.000Z'));
    answeredAndEnded(sim);
    expect(sim.getState().call!.result.deletionDate).toBe('2027-09-30');
    sim.load(s.scenario.call as CallStart, s.flowChoice, stepsOf(s.scenario));
    expect(sim.getState().call!.start.startedAt).toBe('2026-12-24T18:30:00.000Z');
    expect(sim.getState().call!.result.deletionDate).toBe('2027-06-24');
    expect(checkScenario(ws, s)).toMatchObject({ pass: true, differences: [] });
  });
});
