/**
 * recordingDiff's exported functions called directly, as `recflow diff --calls` and the editor's Compare panel
 * call them: what changed between two versions of a call's recording (seconds per channel layout, segments that
 * appeared or vanished, voicemails), the words for it, and the node or setting the call passed through that is why.
 */
import { describe, expect, it } from 'vitest';
import { diffFlows } from '../document/diff.ts';
import type { FlowDoc } from '../document/flow.ts';
import { changeNotes, recordingChange, recordingFigures } from './recordingDiff.ts';
import { buildFlow } from './testkit.ts';
import type { CallResult, ChannelLayout, Segment, VoicemailRecording } from './types.ts';

/** A segment `[start, end)` of the contact with agent Ana, ended by a hang-up unless said otherwise. */
const seg = (start: number, end: number, more: Partial<Segment> = {}): Segment => ({
  start,
  end,
  channelA: ['contact'],
  channelB: ['agent:ana'],
  endReason: 'hang-up',
  sides: 'both',
  ...more,
});

const vm = (start: number, end: number, nodeId = 'vm'): VoicemailRecording => ({
  nodeId,
  start,
  end,
  maxLengthSeconds: 120,
  channel: 'mono',
  parties: ['contact'],
  endReason: 'finished',
});

/** A result as the simulator gives it (R21): recorded and a channel layout exactly when a segment is on tape (R17). */
function result(segments: Segment[], opts: { channels?: ChannelLayout; voicemails?: VoicemailRecording[]; path?: string[] } = {}): CallResult {
  const recorded = segments.length > 0;
  const total = segments.reduce((sum, s) => sum + s.end - s.start, 0);
  return {
    direction: 'inbound',
    recorded,
    channels: recorded ? (opts.channels ?? 'dual') : null,
    segments,
    totalRecordedSeconds: total,
    recordingSeconds: total,
    silences: [],
    transcribable: recorded && (opts.channels ?? 'dual') === 'dual',
    voicemails: opts.voicemails ?? [],
    deletionDate: null,
    rejections: [],
    handledBy: { agentIds: ['ana'], ringGroupIds: [] },
    ended: true,
    duration: 100,
    path: opts.path ?? ['s', 'r'],
    externalPortionAt: null,
    limitReached: null,
    flowStopped: null,
    timeline: { phases: [], markers: [] },
  };
}

const noNotes = new Map<string, string[]>();

describe('recordingChange: what changed', () => {
  it('R21: a segment with other bounds is one vanished and one appeared, with the seconds lost on its layout', () => {
    expect(recordingChange(result([seg(0, 30)]), result([seg(0, 20)]), noNotes)).toMatchObject({
      effect: 'records less',
      seconds: { dual: -10, mono: 0 },
      appeared: [seg(0, 20)],
      vanished: [seg(0, 30)],
      voicemailsChanged: 0,
    });
  });

  it('R21: a segment ending for another reason, over the same seconds, is "records other segments"', () => {
    const c = recordingChange(result([seg(0, 30)]), result([seg(0, 30, { endReason: 'recording-off' })]), noNotes);
    expect(c).toMatchObject({
      effect: 'records other segments',
      seconds: { dual: 0, mono: 0 },
      appeared: [seg(0, 30, { endReason: 'recording-off' })],
      vanished: [seg(0, 30)],
    });
  });

  it('R21: a segment shifted later with the same length records other segments, not more nor less', () => {
    expect(recordingChange(result([seg(0, 30)]), result([seg(5, 35)]), noNotes)?.effect).toBe('records other segments');
  });

  it('R21: only a segment that appeared, with the others kept, is "records more" and counts only the new one', () => {
    const c = recordingChange(result([seg(0, 10)]), result([seg(0, 10, { endReason: 'paused' }), seg(20, 50)]), noNotes);
    expect(c).toMatchObject({ effect: 'records more', seconds: { dual: 30, mono: 0 } });
    expect(c?.appeared).toHaveLength(2);
    expect(c?.vanished).toEqual([seg(0, 10)]);
    const kept = recordingChange(result([seg(0, 10)]), result([seg(0, 10), seg(20, 50)]), noNotes);
    expect(kept).toMatchObject({ effect: 'records more', appeared: [seg(20, 50)], vanished: [] });
  });

  it('R17/R21: on a mono recording the seconds lost are mono seconds, and it records less', () => {
    const c = recordingChange(result([seg(0, 40)], { channels: 'mono' }), result([seg(0, 25)], { channels: 'mono' }), noNotes);
    expect(c).toMatchObject({ effect: 'records less', seconds: { dual: 0, mono: -15 } });
    const more = recordingChange(result([seg(0, 25)], { channels: 'mono' }), result([seg(0, 40)], { channels: 'mono' }), noNotes);
    expect(more).toMatchObject({ effect: 'records more', seconds: { dual: 0, mono: 15 } });
  });

  it('R21: parties are compared one by one, not as run-together text', () => {
    const two = seg(0, 30, { channelB: ['agent:ana', 'agent:bo'] });
    const one = seg(0, 30, { channelB: ['agent:anaagent:bo'] });
    expect(recordingChange(result([two]), result([one]), noNotes)).toMatchObject({ effect: 'records other segments', appeared: [one], vanished: [two] });
    const outside = seg(0, 30, { channelA: ['contact', 'external:+15550111'] });
    const joined = seg(0, 30, { channelA: ['contactexternal:+15550111'] });
    expect(recordingChange(result([outside]), result([joined]), noNotes)).toMatchObject({ appeared: [joined], vanished: [outside] });
  });

  it('R5/R6: a call recorded in neither version but now recorded gets every second as new, on the new layout', () => {
    expect(recordingChange(result([]), result([seg(10, 40)], { channels: 'mono' }), noNotes)).toEqual({
      effect: 'now recorded',
      causes: ['a change the call did not pass through (the call start, or the flow the number runs)'],
      seconds: { dual: 0, mono: 30 },
      appeared: [seg(10, 40)],
      vanished: [],
      voicemailsChanged: 0,
    });
  });

  it('R19: a voicemail with other bounds is two that differ (one only in each version), and the recording is otherwise the same', () => {
    const before = result([seg(0, 30)], { voicemails: [vm(40, 60)] });
    const after = result([seg(0, 30)], { voicemails: [vm(40, 75)] });
    expect(recordingChange(before, after, noNotes)).toEqual({
      effect: 'voicemail differs',
      causes: ['a change the call did not pass through (the call start, or the flow the number runs)'],
      seconds: { dual: 0, mono: 0 },
      appeared: [],
      vanished: [],
      voicemailsChanged: 2,
    });
    expect(recordingChange(result([]), result([], { voicemails: [vm(40, 60)] }), noNotes)).toMatchObject({
      effect: 'voicemail differs',
      voicemailsChanged: 1,
    });
    // Another voicemail node over the same seconds is another message.
    expect(recordingChange(before, result([seg(0, 30)], { voicemails: [vm(40, 60, 'vm2')] }), noNotes)?.voicemailsChanged).toBe(2);
    expect(recordingChange(before, result([seg(0, 30)], { voicemails: [vm(40, 60)] }), noNotes)).toBeNull();
  });

  it('causes: the notes of the nodes either version of the call passed through, each node once, in path order', () => {
    const notes = new Map([
      ['r', ['Recording "Record" (r): record: "on" → "off"']],
      ['m', ['Menu "Main" (m) port "2" now leads to "r" (was "a2")']],
      ['x', ['Play "Elsewhere" (x) added']],
    ]);
    const before = result([seg(0, 30)], { path: ['s', 'm', 'r', 'm'] });
    const after = result([], { path: ['s', 'm', 'a2'] });
    expect(recordingChange(before, after, notes)?.causes).toEqual([
      'Menu "Main" (m) port "2" now leads to "r" (was "a2")',
      'Recording "Record" (r): record: "on" → "off"',
    ]);
  });
});

/** Start → Menu (1: Recording → Assign, 2: Assign 2), with the Recording node's data and the menu's port 2 as given. */
function flow(recording: Record<string, unknown> = { record: 'on' }, edges: Array<[string, string, string]> = [['m', '2', 'a2']], extra: Array<[string, string, Record<string, unknown>]> = []): FlowDoc {
  return buildFlow(
    [
      ['s', 'start', { numberIds: ['main'] }],
      ['m', 'menu', { timeoutSeconds: 10, label: 'Main' }],
      ['r', 'recording', recording],
      ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 30 }],
      ['a2', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 30 }],
      ...(extra as Array<[string, 'play', Record<string, unknown>]>),
    ],
    [['s', 'next', 'm'], ['m', '1', 'r'], ['r', 'next', 'a'], ...edges],
  );
}

const notesOf = (before: FlowDoc, after: FlowDoc) => changeNotes(diffFlows(before, after), before, after);

describe('changeNotes: the node or setting why', () => {
  it('a changed node is named with every field that changed, joined by commas', () => {
    const notes = notesOf(flow({ record: 'on', channels: 'dual' }), flow({ record: 'off', channels: 'mono' }));
    expect(notes.get('r')).toEqual([expect.stringMatching(/^Recording "[^"]+" \(r\): (.+: .+ → .+), (.+: .+ → .+)$/)]);
    expect(notes.get('r')?.[0]).toContain('record: "on" → "off"');
    expect(notes.get('r')?.[0]).toContain('channels: "dual" → "mono"');
    expect([...notes.keys()]).toEqual(['r']);
  });

  it('an added node and a removed node are named as added and removed', () => {
    const withPlay = flow(undefined, [['m', '2', 'a2']], [['p', 'play', { label: 'Welcome' }]]);
    expect(notesOf(flow(), withPlay).get('p')).toEqual([expect.stringMatching(/^Play "Welcome" \(p\) added$/)]);
    expect(notesOf(withPlay, flow()).get('p')).toEqual([expect.stringMatching(/^Play "Welcome" \(p\) removed$/)]);
  });

  it('a node that only moved has no note: it changes nothing a call does', () => {
    const before = flow();
    const moved = structuredClone(before);
    moved.nodes.find((n) => n.id === 'r')!.position.x += 80;
    expect(notesOf(before, moved).size).toBe(0);
  });

  it('connections: added, removed and rewired, from the node named by its label (or its id without one)', () => {
    const bare = flow(undefined, []);
    expect(notesOf(bare, flow()).get('m')).toEqual(['Menu "Main" (m) port "2" now leads to "a2"']);
    expect(notesOf(flow(), bare).get('m')).toEqual(['Menu "Main" (m) port "2" no longer leads to "a2"']);
    expect(notesOf(flow(), flow(undefined, [['m', '2', 'r']])).get('m')).toEqual(['Menu "Main" (m) port "2" now leads to "r" (was "a2")']);
    const unlabelled = (f: FlowDoc) => {
      for (const n of f.nodes) if (n.id === 'r') delete (n.data as { label?: string }).label;
      return f;
    };
    const a = unlabelled(flow(undefined, [['m', '2', 'a2']]));
    const b = unlabelled(flow(undefined, [['m', '2', 'a2']]));
    b.edges = b.edges.map((e) => (e.source === 'r' ? { ...e, target: 'a2' } : e));
    expect(notesOf(a, b).get('r')).toEqual(['Recording "r" port "next" now leads to "a2" (was "a")']);
  });

  it('a node both changed and rewired has both notes', () => {
    const notes = notesOf(flow({ record: 'on' }), flow({ record: 'off' }, [['m', '2', 'a2']]));
    const rewired = flow({ record: 'off' });
    rewired.edges = rewired.edges.map((e) => (e.source === 'r' ? { ...e, target: 'a2' } : e));
    const both = notesOf(flow({ record: 'on' }), rewired).get('r');
    expect(both).toHaveLength(2);
    expect(both?.[0]).toBe(notes.get('r')?.[0]);
    expect(both?.[1]).toMatch(/port "next" now leads to "a2" \(was "a"\)$/);
  });

  it('a connection from a node neither version holds is named by its id', () => {
    const f = flow();
    const notes = changeNotes(
      { ...diffFlows(f, f), connections: [{ source: 'ghost', port: 'next', change: 'added', after: 'a' }] },
      f,
      f,
    );
    expect(notes.get('ghost')).toEqual(['"ghost" port "next" now leads to "a"']);
  });
});

describe('recordingFigures: the words for the numbers', () => {
  it('segments that appeared, singular and plural', () => {
    expect(recordingFigures({ seconds: { dual: 30, mono: 0 }, appeared: 1, vanished: 0 })).toBe('dual +30 s · 1 segment appeared');
    expect(recordingFigures({ seconds: { dual: 0, mono: -5 }, appeared: 2, vanished: 1 })).toBe('mono −5 s · 2 segments appeared · 1 segment vanished');
  });

  it('voicemails that differ, singular and plural', () => {
    expect(recordingFigures({ seconds: { dual: 0, mono: 0 }, appeared: 0, vanished: 0, voicemailsChanged: 2 })).toBe('2 voicemails differ');
    expect(recordingFigures({ seconds: { dual: 0, mono: 0 }, appeared: 0, vanished: 0, voicemailsChanged: 0 })).toBe('');
  });
});
