/**
 * Property tests: the parser's promises hold for generated input, not only
 * for the hand-picked cases in flow.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocError, ParseResult } from './errors.ts';
import { parseFlow, serializeFlow } from './flow.ts';
import { validFlowArbitrary } from './flowArbitrary.ts';
import { parseWorkspace } from './workspace.ts';

/** The refusal contract: at least one error, every one with a `$` path and a message. */
function expectWellFormedErrors(errors: DocError[]) {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(e.path.startsWith('$')).toBe(true);
    expect(typeof e.message).toBe('string');
    expect(e.message.trim().length).toBeGreaterThan(0);
  }
}

function expectContract<T>(parse: (input: unknown) => ParseResult<T>, input: unknown) {
  let result: ParseResult<T> | undefined;
  expect(() => {
    result = parse(input);
  }).not.toThrow();
  if (result && !result.ok) expectWellFormedErrors(result.errors);
  return result!;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON value, as the container and the key or index within it. */
function places(root: Json): Array<{ parent: Json[] | { [key: string]: Json }; key: string | number }> {
  const out: Array<{ parent: Json[] | { [key: string]: Json }; key: string | number }> = [];
  const visit = (v: Json) => {
    if (Array.isArray(v)) {
      v.forEach((child, i) => {
        out.push({ parent: v, key: i });
        visit(child);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        out.push({ parent: v, key: k });
        visit(child);
      }
    }
  };
  visit(root);
  return out;
}

const mutationArb = fc.record({
  flow: validFlowArbitrary,
  at: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'duplicate', 'hostile', 'addKey', 'swapType'),
  value: fc.jsonValue({ maxDepth: 3 }),
  key: fc.string({ maxLength: 12 }),
  hostileKey: fc.constantFrom('__proto__', 'constructor', 'prototype'),
});


const PLACEHOLDER = 'recflow-hostile-placeholder';

/** Breaks a valid flow in one place, the way hand edits and buggy exporters do; returns the JSON text. */
function mutate(m: { flow: unknown; at: number; op: string; value: unknown; key: string; hostileKey: string }): string {
  const root = JSON.parse(JSON.stringify(m.flow)) as Json;
  const all = places(root);
  const place = all[m.at % all.length]!;
  const { parent, key } = place;
  const value = m.value as Json;
  const set = (v: Json) => {
    if (Array.isArray(parent)) parent[key as number] = v;
    else parent[key as string] = v;
  };
  const current = Array.isArray(parent) ? parent[key as number]! : parent[key as string]!;
  switch (m.op) {
    case 'replace':
      set(value);
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(JSON.parse(JSON.stringify(current)));
      else set([current, current]);
      break;
    case 'addKey':
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) current[m.key] = value;
      else set({ [m.key]: value });
      break;
    case 'hostile':
      // Placed through the text below, because an object literal cannot hold an own "__proto__" key.
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) current[PLACEHOLDER] = value;
      else set({ [PLACEHOLDER]: value });
      break;
    case 'swapType':
      set(typeof current === 'string' ? current.length : typeof current === 'number' ? String(current) : typeof current === 'boolean' ? Number(current) : null);
      break;
  }
  return JSON.stringify(root).replace(`"${PLACEHOLDER}"`, `"${m.hostileKey}"`);
}

describe('parseFlow properties', () => {
  it('any valid flow survives serialise → parse unchanged', () => {
    fc.assert(
      fc.property(validFlowArbitrary, (flow) => {
        expect(parseFlow(serializeFlow(flow))).toEqual({ ok: true, value: flow });
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary JSON values never throw and every refusal has paths and messages', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectContract(parseFlow, value);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary text never throws and every refusal has paths and messages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        expectContract(parseFlow, text);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated valid flows never throw; refusals have paths, acceptances are stable', () => {
    fc.assert(
      fc.property(mutationArb, (m) => {
        const text = mutate(m);
        const result = expectContract(parseFlow, text);
        if (result.ok) expect(parseFlow(serializeFlow(result.value))).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it('a hostile key inserted anywhere is always refused', () => {
    fc.assert(
      fc.property(mutationArb, (m) => {
        const result = expectContract(parseFlow, mutate({ ...m, op: 'hostile' }));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseWorkspace properties', () => {
  it('arbitrary JSON values and text never throw and every refusal has paths and messages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.json()), (value) => {
        expectContract(parseWorkspace, value);
      }),
      { numRuns: 300 },
    );
  });

  it('a workspace holding mutated flows never throws', () => {
    fc.assert(
      fc.property(mutationArb, (m) => {
        const flow = JSON.parse(mutate(m));
        expectContract(parseWorkspace, { format: 'recflow.workspace', version: 1, flows: [flow] });
      }),
      { numRuns: 100 },
    );
  });
});
