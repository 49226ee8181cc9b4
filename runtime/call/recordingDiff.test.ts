import { describe, expect, it } from 'vitest';
import { diffFlows } from '../document/diff.ts';
import type { FlowDoc } from '../document/flow.ts';
import { changeNotes, recordingChange, recordingFigures } from './recordingDiff.ts';
import { simulate } from './scenario.ts';
import { buildFlow, inbound, testWorkspace } from './testkit.ts';

/** Start → Menu (1: Recording → Assign support, 2: Assign support) ; the Recording node's data as given. */
function flow(recording: Record<string, unknown>, menu2 = 'a2'): FlowDoc {
  return buildFlow(
    [
      ['s', 'start', { numberIds: ['main'] }],
      ['m', 'menu', { timeoutSeconds: 10 }],
      ['r', 'recording', recording],
      ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 30 }],
      ['a2', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 30 }],
    ],
    [
      ['s', 'next', 'm'],
      ['m', '1', 'r'],
      ['m', '2', menu2],
      ['r', 'next', 'a'],
    ],
  );
}

const ws = testWorkspace({ account: { recordInbound: false } });
const callPressing = (digit: string, hangUpAt = 60) =>
  ({
    call: inbound(),
    actions: [
      { at: 3, type: 'press', digit },
      { at: 8, type: 'answer', agentId: 'ana' },
      { at: hangUpAt, type: 'hangUp', party: 'contact' },
    ],
  }) as Parameters<typeof simulate>[2];

function change(before: FlowDoc, after: FlowDoc, scenario = callPressing('1')) {
  return recordingChange(simulate(ws, before, scenario), simulate(ws, after, scenario), changeNotes(diffFlows(before, after), before, after));
}

describe('recordingChange', () => {
  it('the same recording through both versions is no change, whatever else differs', () => {
    const before = flow({ record: 'on' });
    const moved = structuredClone(before);
    moved.nodes[0]!.position.x += 50;
    expect(change(before, moved)).toBeNull();
    expect(change(before, before)).toBeNull();
  });

  it('R5/R6: recording switched off is "no longer recorded", because of that node, with the seconds lost per channel layout', () => {
    expect(change(flow({ record: 'on' }), flow({ record: 'off' }))).toEqual({
      effect: 'no longer recorded',
      causes: ['Recording "Record call" (r): record: "on" → "off"'],
      seconds: { dual: -57, mono: 0 },
      appeared: [],
      vanished: [{ start: 3, end: 60, channelA: ['contact'], channelB: ['agent:ana'], endReason: 'hang-up', sides: 'both' }],
      voicemailsChanged: 0,
    });
    expect(change(flow({ record: 'off' }), flow({ record: 'on' }))?.effect).toBe('now recorded');
  });

  it('R17: another channel layout moves the seconds from one layout to the other', () => {
    const c = change(flow({ record: 'on', channels: 'dual' }), flow({ record: 'on', channels: 'mono' }));
    expect(c).toMatchObject({ effect: 'channels dual → mono', seconds: { dual: -57, mono: 57 } });
    expect(recordingFigures({ ...c!, appeared: c!.appeared.length, vanished: c!.vanished.length })).toBe('dual −57 s · mono +57 s');
  });

  it('a rewired connection the call took is the cause; a call that did not take it does not change', () => {
    const before = flow({ record: 'on' });
    const after = flow({ record: 'on' }, 'r');
    expect(change(before, after, callPressing('2'))).toMatchObject({
      effect: 'now recorded',
      causes: [expect.stringMatching(/^Menu "[^"]+" \(m\) port "2" now leads to "r" \(was "a2"\)$/)],
    });
    expect(change(before, after, callPressing('1'))).toBeNull();
  });

  it('recordingFigures leaves out what did not change and groups thousands', () => {
    expect(recordingFigures({ seconds: { dual: -131_988, mono: 0 }, appeared: 0, vanished: 1512 })).toBe('dual −131,988 s · 1,512 segments vanished');
    expect(recordingFigures({ seconds: { dual: 0, mono: 0 }, appeared: 0, vanished: 0, voicemailsChanged: 1 })).toBe('1 voicemail differs');
    expect(recordingFigures({ seconds: { dual: 0, mono: 0 }, appeared: 0, vanished: 0 })).toBe('');
  });
});
