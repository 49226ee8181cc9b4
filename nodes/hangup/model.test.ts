import { describe, expect, it } from 'vitest';
import { nodeModels } from '../index.ts';
import { hangupModel } from './model.ts';

describe('hangup model', () => {
  it('its defaults pass its own schema', () => {
    expect(hangupModel.schema.safeParse(hangupModel.defaults()).success).toBe(true);
  });

  it('C1: has an input and no ports, so it never leaves a path open', () => {
    expect(hangupModel.hasInput).toBe(true);
    expect(hangupModel.ports(hangupModel.defaults())).toEqual([]);
  });

  it('refuses data other than a label', () => {
    expect(hangupModel.schema.safeParse({ label: 'Bye', reason: 'x' }).success).toBe(false);
    expect(hangupModel.schema.safeParse({}).success).toBe(false);
  });

  it('is registered under its kind, like every kind', () => {
    expect(nodeModels.hangup).toBe(hangupModel);
    for (const [kind, model] of Object.entries(nodeModels)) {
      expect(model.kind).toBe(kind);
      expect(model.schema.safeParse(model.defaults()).success).toBe(true);
    }
  });
});
