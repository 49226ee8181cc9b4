/**
 * Whatever a platform file calls its flow and its queues, what `recflow import` writes (the flow, and the
 * workspace of `--workspace-out`) passes Recflow's own validation: names longer than a label may be are cut
 * with an ellipsis, and ids are made from them, bounded. Files written for these tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idSchema } from '../../nodes/kit/fields.ts';
import { checkFlow } from '../checks/checkFlow.ts';
import { parseFlow } from '../document/flow.ts';
import { parseWorkspace } from '../document/workspace.ts';
import type { FormatName, ImportOutcome } from './format.ts';
import { importPlatformFlow } from './formats.ts';
import { exportStudioFlow } from './twilio-studio/export.ts';

/** A Connect flow named `name` that sets the working queue `queue` and transfers to it. */
function connectFlow(name: string, queue: string): string {
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'set-queue',
    Metadata: { name, description: name },
    Actions: [
      { Identifier: 'set-queue', Type: 'UpdateContactTargetQueue', Parameters: { QueueId: queue }, Transitions: { NextAction: 'to-queue', Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] } },
      {
        Identifier: 'to-queue',
        Type: 'TransferContactToQueue',
        Parameters: {},
        Transitions: { Errors: [{ NextAction: 'bye', ErrorType: 'QueueAtCapacity' }, { NextAction: 'bye', ErrorType: 'NoMatchingError' }] },
      },
      { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  });
}

/** A Studio definition described as `name` whose trigger enqueues the call in `queue`. */
function studioFlow(name: string, queue: string): string {
  return JSON.stringify({
    description: name,
    states: [
      { name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingCall', next: 'wait_here' }], properties: { offset: { x: 0, y: 0 } } },
      { name: 'wait_here', type: 'enqueue-call', transitions: [{ event: 'callComplete' }, { event: 'failedToEnqueue' }, { event: 'callFailure' }], properties: { queue_name: queue, offset: { x: 0, y: 200 } } },
    ],
    initial_state: 'Trigger',
    flags: { allow_concurrent_calls: true },
  });
}

const FILES: Array<[FormatName, (name: string, queue: string) => string]> = [
  ['amazon-connect', connectFlow],
  ['twilio-studio', studioFlow],
];

/** Imports, then reads both written documents back as `recflow validate f.json -w w.json` does. */
function importAndValidate(format: FormatName, text: string) {
  const o = importPlatformFlow(text, format) as ImportOutcome;
  if (!o.ok) throw new Error(JSON.stringify(o.errors));
  const flow = parseFlow(JSON.stringify(o.flow));
  const workspace = parseWorkspace(JSON.stringify(o.workspace));
  return { o, flow, workspace };
}

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', minLength: 150, maxLength: 300 }),
  fc.constantFrom('constructor', '__proto__', '///', ':', '-', '   ', '😀'.repeat(150), `${'a'.repeat(199)}😀b`, 'arn:aws:connect:eu-west-2:1:instance/x/queue/'),
);

describe('import writes what Recflow reads back, whatever the names', () => {
  it.each(FILES)('%s: a 190-character flow name: the workspace validates and the stand-in number label is cut with an ellipsis', (format, file) => {
    const name = `Northwind ${'very '.repeat(36)}long line`;
    expect(name.length).toBe(199);
    const { o, flow, workspace } = importAndValidate(format, file(name, 'billing'));
    expect(flow.ok).toBe(true);
    expect(workspace.ok, JSON.stringify(!workspace.ok && workspace.errors)).toBe(true);
    if (!o.ok || !workspace.ok) return;
    expect(o.flow.name).toBe(name);
    const label = o.workspace.numbers[0]!.label;
    expect(label.length).toBe(200);
    expect(label.endsWith('…')).toBe(true);
    expect(label.startsWith('Stand-in number for Northwind very')).toBe(true);
    // A bounded id from the name's first words, not the whole sentence.
    expect(o.flow.id).toMatch(/^northwind-very-very/);
    expect(o.flow.id.length).toBeLessThanOrEqual(40);
    expect(checkFlow(o.flow, { workspace: workspace.value }).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.each(FILES)('%s: any flow and queue names give a flow and a workspace that validate, names cut with an ellipsis', (format, file) => {
    fc.assert(
      fc.property(oddText, oddText, (name, queue) => {
        const { o, flow, workspace } = importAndValidate(format, file(name, queue));
        expect(flow.ok, JSON.stringify(!flow.ok && flow.errors)).toBe(true);
        expect(workspace.ok, JSON.stringify(!workspace.ok && workspace.errors)).toBe(true);
        if (!o.ok) return;
        expect(idSchema.safeParse(o.flow.id).success).toBe(true);
        expect(o.flow.id.length).toBeLessThanOrEqual(40);
        if (name.trim() !== '' && name.length > 200) {
          expect(o.flow.name.length).toBeLessThanOrEqual(200);
          expect(o.flow.name.endsWith('…')).toBe(true);
        }
        // A cut never leaves half of a character made of two UTF-16 units.
        for (const text of [o.flow.name, o.workspace.numbers[0]!.label, ...o.workspace.ringGroups.map((g) => g.name)]) {
          expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('Studio: the flow name travels in the definition', () => {
  it('a drawn flow exported to Studio and imported back keeps its name and id; its own description is reported as not written', async () => {
    const { readFile } = await import('node:fs/promises');
    const drawn = parseFlow(await readFile(new URL('../../examples/flows/support-line.json', import.meta.url), 'utf8'));
    if (!drawn.ok) throw new Error('example does not read');
    expect(drawn.value.description?.length).toBeGreaterThan(40);
    const out = exportStudioFlow(drawn.value);
    if (!out.ok) throw new Error('export failed');
    expect((out.document as { description: string }).description).toBe(drawn.value.name);
    expect(out.report.problems).toContainEqual(expect.objectContaining({ severity: 'warning', path: '$.description', message: expect.stringMatching(/description is not written/) }));
    const { o, flow, workspace } = importAndValidate('twilio-studio', out.text);
    expect(flow.ok && workspace.ok).toBe(true);
    if (!o.ok) return;
    expect(o.flow.name).toBe(drawn.value.name);
    expect(o.flow.id).toBe(drawn.value.id);
  });
});
