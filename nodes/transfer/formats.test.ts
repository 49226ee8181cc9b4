/**
 * What a Transfer becomes on Amazon Connect and Twilio Studio (its connect.ts and twilio.ts), through the
 * exporters: outside numbers in E.164 (both platforms refuse other forms), and Studio's one callCompleted
 * event for a failed call and an ended one, reported as the import reports it (R16).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFlow, type FlowDoc } from '../../runtime/document/flow.ts';
import { exportConnectFlow } from '../../runtime/platforms/amazon-connect/export.ts';
import { describeExport, type ExportOutcome } from '../../runtime/platforms/format.ts';
import { importPlatformFlow } from '../../runtime/platforms/formats.ts';
import { exportStudioFlow } from '../../runtime/platforms/twilio-studio/export.ts';
import { toE164 } from '../kit/fields.ts';

const example = (): FlowDoc => {
  const r = parseFlow(readFileSync(new URL('../../examples/flows/outside-transfer.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('example does not read');
  return r.value;
};
/** The example with its outside transfer ringing `number`. */
const ringing = (number: string): FlowDoc => {
  const flow = example();
  const node = flow.nodes.find((n) => n.id === 'to-partner')!;
  (node.data as { target: { number: string } }).target.number = number;
  return flow;
};
type Ok = Extract<ExportOutcome, { ok: true }>;
const ok = (o: ExportOutcome): Ok => {
  if (!o.ok) throw new Error(JSON.stringify(o.errors));
  return o;
};
const connectNumber = (o: Ok) =>
  (o.document as { Actions: Array<{ Type: string; Parameters: { ThirdPartyPhoneNumber?: string } }> }).Actions.find((a) => a.Type === 'TransferParticipantToThirdParty')!.Parameters
    .ThirdPartyPhoneNumber;
const studioState = (o: Ok) =>
  (o.document as { states: Array<{ type: string; properties: { to?: string }; transitions: Array<{ event: string; next?: string }> }> }).states.find(
    (s) => s.type === 'connect-call-to',
  )!;
const rowOf = (o: Ok) => o.report.rows.find((r) => r.nodeId === 'to-partner')!;

describe('E.164 numbers', () => {
  it.each([
    ['+1 555 020 0300', '+15550200300'],
    ['+1 (555) 020-0300', '+15550200300'],
    ['+442079460000', '+442079460000'],
    ['555 0100', undefined],
    ['+0 555 0100', undefined],
    ['+1234567890123456', undefined],
  ])('%s → %s', (written, e164) => {
    expect(toE164(written)).toBe(e164);
  });

  it('Connect: a number written for people is exported compacted, the row has nothing to say', () => {
    const out = ok(exportConnectFlow(example()));
    expect(connectNumber(out)).toBe('+15550200300');
    expect(rowOf(out).fidelity).toBe('simulated');
    expect(out.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('Studio: the same number is dialled in E.164, and the export check passes it', () => {
    const out = ok(exportStudioFlow(example()));
    expect(studioState(out).properties.to).toBe('+15550200300');
    expect(out.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('Connect: a number with no country code is refused with its path and marked on the row', () => {
    const out = ok(exportConnectFlow(ringing('555 0100')));
    expect(rowOf(out).fidelity).toBe('not-simulated');
    expect(rowOf(out).notes).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/"555 0100" is not an E\.164 number/) }));
    const index = (out.document as { Actions: Array<{ Type: string }> }).Actions.findIndex((a) => a.Type === 'TransferParticipantToThirdParty');
    expect(out.report.problems).toContainEqual({
      severity: 'error',
      path: `$.Actions[${index}].Parameters.ThirdPartyPhoneNumber`,
      message: expect.stringMatching(/Connect would refuse this \(node to-partner\)/),
    });
  });

  it('Studio: a number with no country code is refused by the export check and marked on the row', () => {
    const out = ok(exportStudioFlow(ringing('555 0100')));
    expect(rowOf(out).fidelity).toBe('not-simulated');
    expect(out.report.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', path: expect.stringMatching(/^\$\.states\[\d+\]\.properties\.to$/), message: expect.stringMatching(/node to-partner.*E\.164/) }),
    );
  });

  it('Connect: an imported action whose number is not E.164 is refused on export too', () => {
    const imported = importPlatformFlow(
      JSON.stringify({
        Version: '2019-10-30',
        StartAction: 'out',
        Metadata: { name: 'Partner' },
        Actions: [
          { Identifier: 'out', Type: 'TransferParticipantToThirdParty', Parameters: { ThirdPartyPhoneNumber: '+44 20 7946 0000', ThirdPartyConnectionTimeoutSeconds: '20' }, Transitions: {} },
        ],
      }),
      'amazon-connect',
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const out = ok(exportConnectFlow(imported.flow));
    expect(out.report.problems).toContainEqual(expect.objectContaining({ severity: 'error', path: '$.Actions[0].Parameters.ThirdPartyPhoneNumber' }));
  });
});

describe('Studio: failed is callCompleted, which also follows a connected call (R16)', () => {
  it('the export row says what the import says: after the connected party hangs up, Studio runs on where failed leads', () => {
    const out = ok(exportStudioFlow(example()));
    expect(studioState(out).transitions).toContainEqual({ event: 'callCompleted', next: 'sorry' });
    // Ringing, failing and recording are as simulated; the note names the part that is not (as the import's row does).
    const row = rowOf(out);
    expect(row.fidelity).toBe('simulated');
    expect(row.notes).toContainEqual(expect.objectContaining({ fidelity: 'not-simulated', part: true, message: expect.stringMatching(/callCompleted.*connected party hangs up.*R16/) }));
    expect(describeExport(out.report)).toMatch(/not-simulated \(one part\): Studio has one event, callCompleted/);
    expect(describeExport(out.report)).toMatch(/\(1 with a part not simulated\)/);
    // The import of the same widget reports the same difference.
    const back = importPlatformFlow(out.text, 'twilio-studio');
    if (!back.ok) throw new Error('does not read back');
    const imported = back.report.rows.find((r) => r.actionType === 'connect-call-to')!;
    expect(imported.fidelity).toBe('simulated');
    expect(imported.notes).toContainEqual(expect.objectContaining({ fidelity: 'not-simulated', part: true, message: expect.stringMatching(/connected party hangs up, Studio runs on by callCompleted/) }));
  });
});
