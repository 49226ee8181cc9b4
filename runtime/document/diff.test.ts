import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDiff, diffFlows, formatValue } from './diff.ts';
import { type FlowDoc, parseFlow } from './flow.ts';
import { validFlowArbitrary } from './flowArbitrary.ts';

function support(): FlowDoc {
  const parsed = parseFlow(readFileSync(new URL('../../examples/flows/support-line.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('sample flow does not parse');
  return parsed.value;
}

const edit = (flow: FlowDoc, recipe: (f: FlowDoc) => void): FlowDoc => {
  const copy = structuredClone(flow);
  recipe(copy);
  return copy;
};
const node = (f: FlowDoc, id: string) => f.nodes.find((n) => n.id === id)!;

describe('diffFlows', () => {
  it('finds nothing between a flow and itself', () => {
    const d = diffFlows(support(), support());
    expect(d).toMatchObject({ identical: true, layoutOnly: false, flow: [], nodes: [], connections: [] });
    expect(describeDiff(d)).toEqual([]);
  });

  it('names each changed field of a node with its old and new value (a Recording node switched off, R6)', () => {
    const after = edit(support(), (f) => {
      const rec = node(f, 'record');
      (rec.data as { record: string }).record = 'off';
      (rec.data as { channels: string }).channels = 'mono';
    });
    const d = diffFlows(support(), after);
    expect(d.identical).toBe(false);
    expect(d.nodes).toEqual([
      {
        id: 'record',
        kind: 'recording',
        label: 'Record support call',
        change: 'changed',
        moved: false,
        fields: [
          { field: 'record', before: 'on', after: 'off' },
          { field: 'channels', before: 'dual', after: 'mono' },
        ],
      },
    ]);
    expect(describeDiff(d)).toEqual([
      'changed     Recording "Record support call" (record)',
      '              record: "on" → "off"',
      '              channels: "dual" → "mono"',
    ]);
  });

  it('reads into nested data: menu options by position, transfer targets by field', () => {
    const after = edit(support(), (f) => {
      const menu = node(f, 'menu').data as { options: Array<{ digit: string; label: string }> };
      menu.options[1]!.label = 'Payments';
      menu.options.push({ digit: '3', label: 'Sales' });
      (node(f, 'billing').data as { target: unknown }).target = { type: 'external', number: '+15550300' };
    });
    const fields = Object.fromEntries(diffFlows(support(), after).nodes.map((n) => [n.id, n.fields]));
    expect(fields.menu).toEqual([
      { field: 'options[1].label', before: 'Billing', after: 'Payments' },
      { field: 'options[2]', before: undefined, after: { digit: '3', label: 'Sales' } },
    ]);
    expect(fields.billing).toEqual([
      { field: 'target.type', before: 'ringGroup', after: 'external' },
      { field: 'target.number', before: undefined, after: '+15550300' },
      { field: 'target.ringGroupId', before: 'rg-billing', after: undefined },
    ]);
  });

  it('tells added, removed and moved nodes apart, and a re-layout alone is layout only', () => {
    const moved = edit(support(), (f) => {
      node(f, 'bye').position.x += 40;
    });
    const onlyMoved = diffFlows(support(), moved);
    expect(onlyMoved).toMatchObject({ identical: false, layoutOnly: true, counts: { moved: 1, added: 0, removed: 0, changed: 0, connections: 0 } });
    expect(diffFlows(support(), moved, { ignoreLayout: true })).toMatchObject({ identical: true, nodes: [] });

    const after = edit(support(), (f) => {
      f.nodes = f.nodes.filter((n) => n.id !== 'invalid');
      f.edges = f.edges.filter((e) => e.source !== 'invalid' && e.target !== 'invalid');
      f.nodes.push({ id: 'sorry', kind: 'hangup', position: { x: 0, y: 900 }, data: { label: 'Sorry' } });
      f.edges.push({ id: 'e-new', source: 'menu', sourcePort: 'invalid', target: 'sorry' });
    });
    const d = diffFlows(support(), after);
    expect(d.nodes.map((n) => [n.change, n.id])).toEqual([
      ['added', 'sorry'],
      ['removed', 'invalid'],
    ]);
    // The menu's invalid port now leads elsewhere; the removed node's own port is gone with it.
    expect(d.connections).toEqual([
      { source: 'menu', port: 'invalid', change: 'rewired', before: 'invalid', after: 'sorry' },
      { source: 'invalid', port: 'next', change: 'removed', before: 'menu' },
    ]);
    expect(d.layoutOnly).toBe(false);
  });

  it('a port marked as ending the call and the flow’s own properties are changes too', () => {
    const after = edit(support(), (f) => {
      f.name = 'Support line v2';
      f.description = undefined;
      f.edges = f.edges.filter((e) => e.id !== 'e-voicemail-bye');
      node(f, 'voicemail').endsCall = ['next'];
    });
    const d = diffFlows(support(), after);
    expect(d.flow).toEqual([
      { field: 'name', before: 'Support line', after: 'Support line v2' },
      { field: 'description', before: support().description, after: undefined },
    ]);
    expect(d.nodes[0]).toMatchObject({ id: 'voicemail', fields: [{ field: 'endsCall', before: [], after: ['next'] }] });
    expect(d.connections).toEqual([{ source: 'voicemail', port: 'next', change: 'removed', before: 'bye' }]);
    expect(describeDiff(d)).toContain('unconnected "voicemail" port "next" (was → "bye")');
  });

  it('edge ids and the order of nodes and edges are not changes', () => {
    const after = edit(support(), (f) => {
      f.nodes.reverse();
      f.edges = f.edges.reverse().map((e, i) => ({ ...e, id: `x${i}` }));
    });
    expect(diffFlows(support(), after).identical).toBe(true);
  });

  it('property: diff(a, a) is empty, and diff(b, a) mirrors diff(a, b)', () => {
    fc.assert(
      fc.property(validFlowArbitrary, validFlowArbitrary, (a, b) => {
        expect(diffFlows(a, structuredClone(a)).identical).toBe(true);
        const ab = diffFlows(a, b);
        const ba = diffFlows(b, a);
        expect(ab.counts.added).toBe(ba.counts.removed);
        expect(ab.counts.removed).toBe(ba.counts.added);
        expect(ab.counts.changed).toBe(ba.counts.changed);
        expect(ab.counts.moved).toBe(ba.counts.moved);
        const flip = { added: 'removed', removed: 'added', rewired: 'rewired' } as const;
        const key = (c: { source: string; port: string; change: string }) => `${c.change} ${c.source} ${c.port}`;
        expect(ab.connections.map((c) => key({ ...c, change: flip[c.change] })).sort()).toEqual(ba.connections.map(key).sort());
        expect(ab.identical).toBe(ba.identical);
        // Every field change swaps its sides.
        const fields = (d: typeof ab) => d.nodes.flatMap((n) => n.fields.map((f) => `${n.id} ${f.field}`)).sort();
        expect(fields(ab)).toEqual(fields(ba));
      }),
      { numRuns: 200 },
    );
  });
});

describe('formatValue', () => {
  it('quotes strings, shortens long ones, and names what is not set', () => {
    expect(formatValue('on')).toBe('"on"');
    expect(formatValue(30)).toBe('30');
    expect(formatValue(undefined)).toBe('not set');
    expect(formatValue(null)).toBe('none');
    expect(formatValue('x'.repeat(100))).toHaveLength(60);
  });
});
