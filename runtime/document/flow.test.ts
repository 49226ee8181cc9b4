import { describe, expect, it } from 'vitest';
import { createFlow, parseFlow, serializeFlow } from './flow.ts';

describe('parseFlow', () => {
  it('round-trips a new flow', () => {
    const flow = createFlow('f1', 'First');
    const parsed = parseFlow(serializeFlow(flow));
    expect(parsed).toEqual({ ok: true, value: flow });
  });
});
