import { describe, expect, it } from 'vitest';
import { type MenuData, menuModel } from './model.ts';

const withOptions = (digits: string[], timeoutSeconds: number | null = 10): MenuData =>
  ({ ...menuModel.defaults(), options: digits.map((digit) => ({ digit, label: `Option ${digit}` })), timeoutSeconds }) as MenuData;

describe('menu model', () => {
  it('its defaults pass its own schema and its own checks', () => {
    const d = menuModel.defaults();
    expect(menuModel.schema.safeParse(d).success).toBe(true);
    expect(menuModel.check?.(d, {})).toEqual([]);
  });

  it('has one port per option, then timeout and invalid', () => {
    expect(menuModel.ports(withOptions(['1', '2', '#'])).map((p) => p.id)).toEqual(['1', '2', '#', 'timeout', 'invalid']);
    expect(menuModel.ports(withOptions(['1'])).find((p) => p.id === '1')?.label).toBe('1 · Option 1');
  });

  it('C4: without a timeout there is no timeout port, and a warning', () => {
    const d = withOptions(['1'], null);
    expect(menuModel.ports(d).map((p) => p.id)).toEqual(['1', 'invalid']);
    expect(menuModel.check?.(d, {})).toEqual([
      { severity: 'warning', code: 'C4-menu-no-timeout', message: expect.stringContaining('waits forever'), field: 'timeoutSeconds' },
    ]);
  });

  it('refuses keys that are not on a phone keypad and more than 12 options', () => {
    expect(menuModel.schema.safeParse(withOptions(['A'])).success).toBe(false);
    expect(menuModel.schema.safeParse(withOptions(Array.from({ length: 13 }, () => '1'))).success).toBe(false);
  });

  it('refuses a timeout outside 1–300 seconds', () => {
    expect(menuModel.schema.safeParse(withOptions(['1'], 0)).success).toBe(false);
    expect(menuModel.schema.safeParse(withOptions(['1'], 301)).success).toBe(false);
  });

  it('reports a key used by two options as an error', () => {
    const problems = menuModel.check?.(withOptions(['1', '1']), {}) ?? [];
    expect(problems.map((p) => [p.severity, p.code])).toEqual([['error', 'duplicate-digit']]);
  });

  it('warns about a menu with no options', () => {
    expect((menuModel.check?.(withOptions([]), {}) ?? []).map((p) => p.code)).toEqual(['no-options']);
  });

  it('is found by prompt and option labels', () => {
    const text = menuModel.searchText(withOptions(['3']));
    expect(text).toContain('Option 3');
    expect(text).toContain(menuModel.defaults().prompt);
  });
});
