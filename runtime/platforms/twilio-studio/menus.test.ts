/**
 * A digit menu on Studio is two widgets: Gather Input On Call, whose keypress leads to a Split Based On
 * `{{widgets.<gather>.Digits}}` with one `equal_to` condition per key. Recflow reads the pair as one Menu (a
 * port per key, noMatch its invalid port) and writes a Menu back as the pair. The definitions are written for
 * these tests from Studio's Gather Input On Call and Split Based On widget pages (fixtures/digit-menus.json).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../../examples/index.ts';
import type { StudioState } from '../../../nodes/kit/twilio.ts';
import type { FlowDoc, FlowNode } from '../../document/flow.ts';
import type { ImportOutcome } from '../format.ts';
import { importPlatformFlow } from '../formats.ts';
import { checkStudioDocument } from './document.ts';
import { exportStudioFlow } from './export.ts';

const here = dirname(fileURLToPath(import.meta.url));
const text = (name: string) => readFileSync(join(here, 'fixtures', name), 'utf8');
type Ok = Extract<ImportOutcome, { ok: true }>;
const importText = (t: string): Ok => {
  const o = importPlatformFlow(t, 'twilio-studio');
  if (!o.ok) throw new Error(JSON.stringify(o.errors));
  return o;
};
const node = (flow: FlowDoc, id: string) => flow.nodes.find((n) => n.id === id) as FlowNode & { data: Record<string, unknown> };
const edge = (flow: FlowDoc, source: string, port: string) => flow.edges.find((e) => e.source === source && e.sourcePort === port)?.target;
interface Definition {
  states: StudioState[];
  initial_state: string;
}
const exported = (flow: FlowDoc) => {
  const out = exportStudioFlow(flow);
  if (!out.ok) throw new Error('export failed');
  return { out, doc: JSON.parse(out.text) as Definition };
};
const state = (doc: Definition, name: string) => doc.states.find((s) => s.name === name)!;

describe('Studio gather + split on its digits ↔ one Menu', () => {
  const original = JSON.parse(text('digit-menus.json')) as Definition;

  it('imports the pair as one Menu with a port per key; the split is no node of its own, its row says where it went', () => {
    const o = importText(text('digit-menus.json'));
    const f = o.flow;
    expect(node(f, 'clinic_menu').kind).toBe('menu');
    expect(node(f, 'clinic_menu').data).toMatchObject({
      options: [
        { digit: '1', label: 'Appointments' },
        { digit: '2', label: 'Results' },
        { digit: '9', label: 'Repeat' },
        { digit: '0', label: 'Front desk' },
      ],
      timeoutSeconds: 8,
    });
    expect(f.nodes.some((n) => n.id === 'clinic_keys')).toBe(false);
    expect(edge(f, 'clinic_menu', '1')).toBe('appointments');
    expect(edge(f, 'clinic_menu', '2')).toBe('results_pin');
    expect(edge(f, 'clinic_menu', '0')).toBe('front_desk');
    // noMatch is the key nobody listed: the invalid port; the gather's timeout is the timeout port.
    expect(edge(f, 'clinic_menu', 'invalid')).toBe('not_heard');
    expect(edge(f, 'clinic_menu', 'timeout')).toBe('not_heard');
    // 9 leads back into the menu: no edge into the same node, so the port ends the call in the simulation.
    expect(edge(f, 'clinic_menu', '9')).toBeUndefined();
    expect(node(f, 'clinic_menu').endsCall).toEqual(['9']);
    const menuRow = o.report.rows.find((r) => r.actionId === 'clinic_menu')!;
    expect(menuRow.notes).toEqual([
      { fidelity: 'approximated', message: expect.stringMatching(/^the match transition of "clinic_keys" leads back into this widget: .*the 9 port ends the call/), path: '$.states[2].transitions[3]' },
    ]);
    const splitRow = o.report.rows.find((r) => r.actionId === 'clinic_keys')!;
    expect(splitRow).toMatchObject({ path: '$.states[2]', actionType: 'split-based-on', nodeId: 'clinic_menu', kind: 'menu', fidelity: 'simulated' });
  });

  it('a gather whose split tests anything but single keys stays a gather with every key on keypress, the split a decision (both reported)', () => {
    const o = importText(text('digit-menus.json'));
    const f = o.flow;
    expect(node(f, 'results_check').kind).toBe('decision');
    expect(edge(f, 'results_pin', '1')).toBe('results_check');
    expect(edge(f, 'results_pin', '#')).toBe('results_check');
    const row = o.report.rows.find((r) => r.actionId === 'results_pin')!;
    expect(row.notes.map((n) => [n.fidelity, n.path])).toEqual([
      ['approximated', '$.states[5].transitions'],
      ['approximated', '$.states[5].properties.input'],
      ['not-simulated', '$.states[5].transitions[1]'],
    ]);
    expect(row.notes[0]!.message).toMatch(/no split on its Digits follows: every key leads where keypress does/);
  });

  it('a split another widget also leads to is not absorbed: it stays a decision, and every key leads there', () => {
    const doc = structuredClone(original);
    state(doc as Definition, 'not_heard').transitions[0]!.next = 'clinic_keys';
    const o = importText(JSON.stringify(doc));
    expect(node(o.flow, 'clinic_keys').kind).toBe('decision');
    expect(edge(o.flow, 'clinic_menu', '5')).toBe('clinic_keys');
  });

  it('how many digits the gather waits for: one is the menu; none or several are approximated, at the property', () => {
    const notesWith = (digits: number | undefined) => {
      const doc = structuredClone(original);
      if (digits === undefined) delete state(doc, 'clinic_menu').properties.number_of_digits;
      else state(doc, 'clinic_menu').properties.number_of_digits = digits;
      const o = importText(JSON.stringify(doc));
      expect(node(o.flow, 'clinic_menu').kind).toBe('menu');
      return o.report.rows.find((r) => r.actionId === 'clinic_menu')!.notes.filter((n) => !/leads back/.test(n.message));
    };
    expect(notesWith(1)).toEqual([]);
    expect(notesWith(3)).toEqual([{ fidelity: 'approximated', message: expect.stringMatching(/gathers 3 digits/), path: '$.states[1].properties.number_of_digits' }]);
    expect(notesWith(undefined)).toEqual([{ fidelity: 'approximated', message: expect.stringMatching(/no number_of_digits/), path: '$.states[1].properties' }]);
  });

  it('a split on another widget’s digits, or a key tested twice, is not read as this menu', () => {
    const other = structuredClone(original);
    state(other, 'clinic_keys').properties.input = '{{widgets.results_pin.Digits}}';
    expect(node(importText(JSON.stringify(other)).flow, 'clinic_keys').kind).toBe('decision');
    const twice = structuredClone(original);
    const split = state(twice, 'clinic_keys');
    split.transitions.push(structuredClone(split.transitions[1]!));
    expect(node(importText(JSON.stringify(twice)).flow, 'clinic_keys').kind).toBe('decision');
  });

  it('exports an unedited import back exactly, the split included, offsets and all', () => {
    const { out, doc } = exported(importText(text('digit-menus.json')).flow);
    for (const s of original.states) expect(state(doc, s.name)).toEqual(s);
    expect(doc.states).toHaveLength(original.states.length);
    const row = out.report.rows.find((r) => r.nodeId === 'clinic_menu')!;
    expect(row).toMatchObject({ origin: 'unchanged', actions: [{ id: 'clinic_menu', type: 'gather-input-on-call' }, { id: 'clinic_keys', type: 'split-based-on' }] });
  });

  it('an edited menu: a key removed and one added, the split keeps its name and the conditions of the keys it had', () => {
    const o = importText(text('digit-menus.json'));
    const flow = structuredClone(o.flow);
    const menu = node(flow, 'clinic_menu');
    menu.data.options = [
      { digit: '1', label: 'Appointments' },
      { digit: '9', label: 'Repeat' },
      { digit: '3', label: 'Billing' },
    ];
    flow.edges = flow.edges.filter((e) => !(e.source === 'clinic_menu' && e.sourcePort === '2'));
    flow.edges.push({ id: 'e-billing', source: 'clinic_menu', sourcePort: '3', target: 'front_desk' });
    const { out, doc } = exported(flow);
    expect(checkStudioDocument(doc).ok).toBe(true);
    expect(state(doc, 'clinic_menu').transitions[0]).toEqual({ event: 'keypress', next: 'clinic_keys' });
    const split = state(doc, 'clinic_keys');
    expect(split.properties.input).toBe('{{ widgets.clinic_menu.Digits }}');
    expect(split.transitions).toEqual([
      { event: 'noMatch', next: 'not_heard' },
      original.states[2]!.transitions[1],
      // Still back into the menu, as imported.
      original.states[2]!.transitions[3],
      { event: 'match', next: 'front_desk', conditions: [{ friendly_name: 'Billing', arguments: ['{{widgets.clinic_menu.Digits}}'], type: 'equal_to', value: '3' }] },
    ]);
    expect(out.report.rows.find((r) => r.nodeId === 'clinic_menu')!.origin).toBe('edited');
    // Read back, it is the edited menu.
    const back = importText(out.text);
    expect(node(back.flow, 'clinic_menu').data.options).toEqual(menu.data.options);
    expect(edge(back.flow, 'clinic_menu', '3')).toBe('front_desk');
  });

  const ws = loadExampleWorkspace();
  const drawn = ws.flows.flatMap((f) => f.nodes.filter((n) => n.kind === 'menu' && n.data && (n.data as { options: unknown[] }).options.length > 1).map((n) => [`${f.id} ${n.id}`, f, n] as const));

  it('there are drawn menus with several options to export', () => {
    expect(drawn.length).toBeGreaterThan(0);
  });

  it.each(drawn)('drawn menu %s: written as a gather and a split on its digits, one condition per key, read back as the same menu', (_name, flow, menu) => {
    const { out, doc } = exported(flow);
    const row = out.report.rows.find((r) => r.nodeId === menu.id)!;
    const [gatherName, splitName] = row.actions.map((a) => a.id);
    expect(row.actions.map((a) => a.type)).toEqual(['gather-input-on-call', 'split-based-on']);
    expect(splitName).toBe(`${gatherName}_digits`);
    const gather = state(doc, gatherName!);
    const split = state(doc, splitName!);
    expect(gather.transitions.find((t) => t.event === 'keypress')!.next).toBe(splitName);
    expect(split.properties.input).toBe(`{{widgets.${gatherName}.Digits}}`);
    const firstStateOf = (nodeId: string | undefined) => out.report.rows.find((r) => r.nodeId === nodeId)?.actions[0]?.id;
    const options = (menu.data as { options: Array<{ digit: string }> }).options;
    expect(split.transitions.map((t) => [t.event, (t.conditions?.[0] as { value?: string } | undefined)?.value, t.next])).toEqual([
      ['noMatch', undefined, firstStateOf(edge(flow, menu.id, 'invalid'))],
      ...options.map((o) => ['match', o.digit, firstStateOf(edge(flow, menu.id, o.digit))]),
    ]);
    // Re-import recognises the pair: one Menu, the same keys, each leading where it did.
    const back = importText(out.text);
    const again = back.flow.nodes.find((n) => n.id === gatherName)!;
    expect(again.kind).toBe('menu');
    expect((again.data as { options: Array<{ digit: string }> }).options.map((o) => o.digit)).toEqual(options.map((o) => o.digit));
    for (const o of options) expect(edge(back.flow, again.id, o.digit)).toBe(firstStateOf(edge(flow, menu.id, o.digit)));
    expect(back.report.rows.find((r) => r.actionId === splitName)).toMatchObject({ nodeId: gatherName, kind: 'menu' });
  });
});
