/**
 * Issue 12, item 2: the export validates against the rules of Studio's flow-definition schema that Recflow can
 * check: state types and their events, each widget's required configuration, transitions naming states, the
 * envelope, at most 1000 states. Every widget type an export writes has rules here, and removing a required
 * property from an exporter's output is caught at its JSON path.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../../examples/index.ts';
import type { StudioState } from '../../../nodes/kit/twilio.ts';
import { STEP_ACTIONS } from '../../../nodes/step/model.ts';
import { generateFlow } from '../../checks/generateFlow.ts';
import type { FlowDoc } from '../../document/flow.ts';
import { importPlatformFlow } from '../formats.ts';
import { exportStudioFlow } from './export.ts';
import { STUDIO_WIDGETS, validateStudioDefinition } from './widgets.ts';

interface Definition {
  description: string;
  states: StudioState[];
  initial_state: string;
  flags: Record<string, unknown>;
}
const here = dirname(fileURLToPath(import.meta.url));
const ws = loadExampleWorkspace();
const drawn: FlowDoc[] = [
  ...ws.flows,
  ...[
    [14, 1],
    [18, 2],
    [22, 3],
    [16, 7],
    [60, 11],
  ].map(([count, seed]) => generateFlow(count!, seed!, { ringGroupIds: ws.ringGroups.map((g) => g.id), numberIds: [ws.numbers[0]!.id], flowIds: [ws.flows[0]!.id] })),
];
// The drawn flow's step as every action, so each widget a step is written as is checked.
for (const action of STEP_ACTIONS) {
  const variant = structuredClone(drawn.at(-1)!);
  variant.id = `step-as-${action}`;
  for (const n of variant.nodes.filter((x) => x.kind === 'step')) (n.data as { action: string }).action = action;
  drawn.push(variant);
}
const exportOf = (flow: FlowDoc) => {
  const out = exportStudioFlow(flow);
  if (!out.ok) throw new Error('export failed');
  return { out, doc: JSON.parse(out.text) as Definition };
};
const imported = (name: string) => {
  const o = importPlatformFlow(readFileSync(join(here, 'fixtures', name), 'utf8'), 'twilio-studio');
  if (!o.ok) throw new Error(name);
  return o.flow;
};

/** The properties each widget page lists as required (one of a group: the first is removed with the others). */
const REQUIRED: Record<string, string[][]> = {
  'say-play': [['say', 'play', 'digits']],
  'split-based-on': [['input']],
  'record-call': [['record_call']],
  'connect-call-to': [['noun'], ['to']],
  'enqueue-call': [['queue_name', 'workflow_sid']],
  'send-to-flex': [['workflow'], ['channel']],
  'run-subflow': [['flow_sid'], ['flow_revision']],
  'run-function': [['url']],
  'make-http-request': [['method'], ['url'], ['content_type']],
  'set-variables': [['variables']],
  'send-message': [['body']],
};

describe('Studio export validation (the schema rules Recflow can check)', () => {
  const exports = drawn.map((f) => exportOf(f));
  // Send to Flex is written only when an imported one is edited: its example comes from an import.
  const withFlex = exportOf(imported('support-line.json'));

  it.each(drawn.map((f, i) => [f.id, i] as const))('%s: the export passes, and its report has no error', (_id, i) => {
    const { out, doc } = exports[i]!;
    expect(validateStudioDefinition(doc)).toEqual([]);
    expect(out.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('every widget type a drawn flow is written as has its rules, and every rule with required properties is tested here', () => {
    const written = new Set(exports.flatMap(({ doc }) => doc.states.map((s) => s.type)));
    expect([...written].filter((t) => !STUDIO_WIDGETS[t])).toEqual([]);
    const withRequired = Object.keys(STUDIO_WIDGETS).filter((t) => !STUDIO_WIDGETS[t]!.properties.safeParse({}).success);
    expect(withRequired.sort()).toEqual(Object.keys(REQUIRED).sort());
  });

  const cases = Object.entries(REQUIRED).flatMap(([type, groups]) => groups.map((group) => [type, group] as const));
  it.each(cases)('%s without %j is refused at its JSON path', (type, group) => {
    const source = [...exports, withFlex].find(({ doc }) => doc.states.some((s) => s.type === type));
    expect(source, `no export writes ${type}`).toBeDefined();
    const doc = structuredClone(source!.doc);
    const i = doc.states.findIndex((s) => s.type === type);
    expect(validateStudioDefinition(doc)).toEqual([]);
    for (const key of group) delete doc.states[i]!.properties[key];
    expect(validateStudioDefinition(doc)).toEqual([{ path: `$.states[${i}].properties.${group[0]}`, message: expect.stringContaining(type) }]);
  });

  it('an empty required property is as good as none', () => {
    const doc = structuredClone(withFlex.doc);
    const i = doc.states.findIndex((s) => s.type === 'connect-call-to');
    doc.states[i]!.properties.to = '  ';
    expect(validateStudioDefinition(doc)).toEqual([{ path: `$.states[${i}].properties.to`, message: 'connect-call-to: is required' }]);
  });

  it.each([
    ['+1 555 020 0300', false],
    ['555 0100', false],
    ['+15550200300, 0800 123', false],
    ['+15550200300', true],
    ['+15550200300,+442079460000', true],
    ['{{flow.variables.partner}}', true],
    ['rg-billing', true],
  ])('connect-call-to %j: Studio dials E.164 only, passes: %s', (to, passes) => {
    const doc = structuredClone(withFlex.doc);
    const i = doc.states.findIndex((s) => s.type === 'connect-call-to');
    doc.states[i]!.properties.noun = 'number';
    doc.states[i]!.properties.to = to;
    expect(validateStudioDefinition(doc)).toEqual(passes ? [] : [{ path: `$.states[${i}].properties.to`, message: expect.stringMatching(/connect-call-to: .*E\.164/) }]);
  });

  it('an event the widget does not have, and a match with no conditions, are refused', () => {
    const doc = structuredClone(withFlex.doc);
    const say = doc.states.findIndex((s) => s.type === 'say-play');
    doc.states[say]!.transitions[0]!.event = 'finished';
    const split = doc.states.findIndex((s) => s.type === 'split-based-on');
    const match = doc.states[split]!.transitions.findIndex((t) => t.event === 'match');
    delete doc.states[split]!.transitions[match]!.conditions;
    expect(validateStudioDefinition(doc)).toEqual([
      { path: `$.states[${say}].transitions[0].event`, message: 'say-play has no finished event (audioComplete)' },
      { path: `$.states[${split}].transitions[${match}]`, message: expect.stringMatching(/match transition needs its conditions/) },
    ]);
  });

  it('the envelope: flags.allow_concurrent_calls is required, states not empty, transitions name states, at most 1000 states', () => {
    const doc = structuredClone(withFlex.doc);
    expect(validateStudioDefinition({ ...doc, flags: {} })).toEqual([{ path: '$.flags.allow_concurrent_calls', message: expect.stringMatching(/required/) }]);
    expect(validateStudioDefinition({ ...doc, states: [] })).toEqual([
      { path: '$.initial_state', message: expect.stringMatching(/names no state/) },
    ]);
    const wrongNext = structuredClone(doc);
    wrongNext.states[1]!.transitions[0]!.next = 'nowhere';
    expect(validateStudioDefinition(wrongNext)).toEqual([{ path: '$.states[1].transitions[0].next', message: 'names no state: there is no state "nowhere"' }]);
    const many = { ...doc, states: Array.from({ length: 1001 }, (_, i) => ({ name: `s${i}`, type: 'say-play', transitions: [], properties: { say: 'hi' } })), initial_state: 's0' };
    expect(validateStudioDefinition(many)).toEqual([{ path: '$.states', message: expect.stringMatching(/at most 1000/) }]);
  });

  it('an imported definition Studio would refuse is given back as it came, and the export report says what Studio would refuse', () => {
    // no-offsets.json was written with empty flags: Studio's schema requires allow_concurrent_calls.
    const { out, doc } = exportOf(imported('no-offsets.json'));
    expect(doc.flags).toEqual({});
    expect(out.report.problems.filter((p) => p.severity === 'error')).toEqual([
      { severity: 'error', path: '$.flags.allow_concurrent_calls', message: expect.stringMatching(/^Studio would refuse this: .*required/) },
    ]);
  });

  it('the report names the node a refused state came from', () => {
    const flow = structuredClone(drawn[0]!);
    const play = flow.nodes.find((n) => n.kind === 'play')!;
    (play.data as { text: string }).text = '';
    const { out } = exportOf(flow);
    expect(out.report.problems.filter((p) => p.severity === 'error')).toEqual([
      { severity: 'error', path: expect.stringMatching(/^\$\.states\[\d+\]\.properties\.say$/), message: expect.stringContaining(`(node ${play.id}): say-play: needs a message to say`) },
    ]);
  });
});
