import { describe, expect, it } from 'vitest';
import { createFlow, parseFlow, serializeFlow } from '../../runtime/document/flow.ts';
import { stepBehavior } from './behavior.ts';
import { type StepData, stepModel } from './model.ts';

const lookup: StepData = { label: 'Look up the caller', action: 'lambda', system: 'CRM', seconds: 2 };
const ok = (d: unknown) => stepModel.schema.safeParse(d).success;

/** The flow document of one step node of `data`, as text. */
function docWith(data: unknown): string {
  const flow = createFlow('f', 'F');
  return JSON.stringify({ ...JSON.parse(serializeFlow(flow)), nodes: [...flow.nodes, { id: 's', kind: 'step', position: { x: 0, y: 200 }, data }] });
}

describe('step model (R27)', () => {
  it('its defaults pass its own schema: an HTTP request of one second, drawn here (no original)', () => {
    const d = stepModel.defaults();
    expect(ok(d)).toBe(true);
    expect(d).toEqual({ label: 'Look up the caller', action: 'http', system: '', seconds: 1 });
    expect('original' in d).toBe(false);
  });

  it('has an input and the ports next and error', () => {
    expect(stepModel.hasInput).toBe(true);
    expect(stepModel.ports(lookup).map((p) => p.id)).toEqual(['next', 'error']);
  });

  it('does one of the platforms’ kinds of step, takes 1–600 whole seconds, and names what it calls in at most 200 characters', () => {
    for (const action of ['http', 'function', 'lambda', 'set-variables', 'send-message', 'logging', 'other']) expect(ok({ ...lookup, action })).toBe(true);
    expect(ok({ ...lookup, action: 'play' })).toBe(false);
    expect(ok({ ...lookup, seconds: 0 })).toBe(false);
    expect(ok({ ...lookup, seconds: 601 })).toBe(false);
    expect(ok({ ...lookup, seconds: 1.5 })).toBe(false);
    expect(ok({ ...lookup, system: 's'.repeat(201) })).toBe(false);
    expect(ok({ ...lookup, retries: 3 })).toBe(false);
  });

  it('keeps an imported step’s platform configuration verbatim through save and reopen', () => {
    const original = {
      Identifier: 'a1b2',
      Type: 'InvokeLambdaFunction',
      Parameters: { LambdaFunctionARN: 'arn:aws:lambda:eu-west-2:1:function:lookup', InvocationTimeLimitSeconds: '3', ResponseValidation: { ResponseType: 'STRING_MAP' } },
      Transitions: { NextAction: 'b', Errors: [{ NextAction: 'c', ErrorType: 'NoMatchingError' }] },
      list: [1, 2.5, null, true, 'x'],
    };
    const parsed = parseFlow(docWith({ ...lookup, original }));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.nodes[1]?.data).toEqual({ ...lookup, original });
  });

  it('refuses an original that JSON cannot hold, and one with a key documents never accept, with its path', () => {
    expect(ok({ ...lookup, original: { at: new Date(0) } })).toBe(false);
    const parsed = parseFlow(docWith({ ...lookup, original: { Parameters: { __proto__x: 1 } } }).replace('__proto__x', '__proto__'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]?.path).toBe('$.nodes[1].data.original.Parameters.__proto__');
  });

  it('is found by its label, what it does and what it calls', () => {
    const text = stepModel.searchText(lookup);
    for (const word of ['Look up the caller', 'Lambda', 'CRM']) expect(text).toContain(word);
  });
});

describe('step behaviour (R27)', () => {
  it('takes its seconds and goes on by next unless the reviewer chooses that it fails', () => {
    expect(stepBehavior.enter(lookup)).toEqual({
      kind: 'choose',
      options: [
        { value: 'next', label: 'succeeds' },
        { value: 'error', label: 'fails' },
      ],
      timeoutSeconds: 2,
      timeoutPort: 'next',
    });
    expect(stepBehavior.timeout?.(lookup)).toBe('next');
  });

  it('leaves by next or error as chosen; nothing else may be chosen', () => {
    expect(stepBehavior.choose?.(lookup, 'error')).toBe('error');
    expect(stepBehavior.choose?.(lookup, 'next')).toBe('next');
    expect(stepBehavior.choose?.(lookup, 'noMatch')).toBeNull();
  });
});
