/** One reason a document was refused: where (a JSON path such as `$.nodes[2].data.label`) and why. */
export interface DocError {
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: DocError[] };

/** `['nodes', 2, 'data']` → `$.nodes[2].data` */
export function toJsonPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

/**
 * Finds keys that could pollute prototypes once the document is spread or
 * merged, and nesting deep enough to be an attack rather than a flow.
 * Iterative, so hostile depth cannot overflow the stack.
 */
export function scanHostile(root: unknown, limit = 20): DocError[] {
  const errors: DocError[] = [];
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: root, path: [] }];
  while (stack.length > 0 && errors.length < limit) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_DEPTH) {
      errors.push({ path: toJsonPath(path), message: `nested deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push({ path: toJsonPath([...path, key]), message: `the key "${key}" is not allowed` });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return errors;
}

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Turns text or an already-parsed value into a value, refusing oversize text and bad JSON. */
export function readJson(input: unknown): ParseResult<unknown> {
  if (typeof input !== 'string') return { ok: true, value: input };
  // Length in UTF-16 units is a lower bound of the UTF-8 size; measure exactly only near the limit.
  if (input.length > MAX_DOCUMENT_BYTES || (input.length > MAX_DOCUMENT_BYTES / 4 && new TextEncoder().encode(input).length > MAX_DOCUMENT_BYTES)) {
    return { ok: false, errors: [{ path: '$', message: 'the document is larger than 5 MB' }] };
  }
  try {
    return { ok: true, value: JSON.parse(input) };
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `not valid JSON: ${(e as Error).message}` }] };
  }
}
