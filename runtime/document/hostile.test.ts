/**
 * The hostile-document scan (`scanHostile`) on objects nested in objects: the depth limit counts object levels as it
 * counts list levels, and a refusal names the whole path. (Lists, keys and the limit on the number of refusals:
 * messages.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { scanHostile } from './errors.ts';

/** `levels` objects nested under the key `a`, the innermost holding `inner`. */
function nested(levels: number, inner: unknown): unknown {
  let doc = inner;
  for (let i = 0; i < levels; i++) doc = { a: doc };
  return doc;
}

describe('scanHostile on nested objects (64 levels at most, no prototype keys)', () => {
  it('accepts 65 object levels (the innermost at depth 64) and refuses 66 once, at the path of the level too deep', () => {
    expect(scanHostile(nested(65, 1))).toEqual([]);
    expect(scanHostile(nested(66, 1))).toEqual([{ path: `$${'.a'.repeat(65)}`, message: 'nested deeper than 64 levels' }]);
  });

  it('names a prototype key deep in objects and lists by its whole path', () => {
    const doc = nested(3, [1, 'text', null, JSON.parse('{"ok": {}, "__proto__": {}}')]);
    expect(scanHostile(doc)).toEqual([{ path: '$.a.a.a[3].__proto__', message: 'the key "__proto__" is not allowed' }]);
  });
});
