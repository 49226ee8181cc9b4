/**
 * The README's list of `--fields` names is the list `recflow simulate --batch` reads (RESULT_FIELDS), in
 * the same order, so the two cannot drift apart again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESULT_FIELDS } from './batchLines.ts';

describe('README: --fields', () => {
  it('names every result field, and nothing else, in the order RESULT_FIELDS has them', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const at = readme.indexOf('- `--fields a,b,…` picks the result fields');
    expect(at).toBeGreaterThan(0);
    const item = readme.slice(at, readme.indexOf('\n- ', at + 1));
    const list = item.slice(item.indexOf('or any of'), item.indexOf(').'));
    const names = [...list.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]);
    expect(names).toEqual(RESULT_FIELDS);
  });
});
