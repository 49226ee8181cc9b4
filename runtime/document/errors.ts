import type { z } from 'zod';

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

/** An object or list met while scanning: its key in its parent, so its path is built only if it is reported. */
interface Visit {
  value: object;
  /** Its key or index in its parent (the document itself has none). */
  key?: PropertyKey;
  parent: Visit | null;
  depth: number;
}

/** Only objects and lists can hold a key (or nest). */
const holdsKeys = (value: unknown): value is object => value !== null && typeof value === 'object';

function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let v: Visit | null = visit; v.parent !== null; v = v.parent) path.push(v.key!);
  return path.reverse();
}

/**
 * Finds keys that could pollute prototypes once the document is spread or
 * merged, and nesting deep enough to be an attack rather than a flow.
 * Iterative, so hostile depth cannot overflow the stack. Runs on every line of a
 * call log, so it visits objects and lists only (numbers and text cannot hold a
 * key) and keeps each one's key rather than a copy of its path.
 */
export function scanHostile(root: unknown, limit = 20): DocError[] {
  const errors: DocError[] = [];
  // Stryker disable next-line ConditionalExpression: a number, text or boolean holds no key, so scanning it would find nothing either
  if (!holdsKeys(root)) return errors;
  const stack: Visit[] = [{ value: root, parent: null, depth: 0 }];
  while (stack.length > 0 && errors.length < limit) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (depth > MAX_DEPTH) {
      errors.push({ path: toJsonPath(pathOf(visit)), message: `nested deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    if (Array.isArray(value)) {
      // Stryker disable next-line ArithmeticOperator: starting past the end reads missing items, skipped like any value that is not an object
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (holdsKeys(item)) stack.push({ value: item, key: i, parent: visit, depth: depth + 1 });
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push({ path: toJsonPath([...pathOf(visit), key]), message: `the key "${key}" is not allowed` });
        continue;
      }
      const item: unknown = (value as Record<string, unknown>)[key];
      if (holdsKeys(item)) stack.push({ value: item, key, parent: visit, depth: depth + 1 });
    }
  }
  return errors;
}

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Turns text or an already-parsed value into a value, refusing oversize text and bad JSON. */
export function readJson(input: unknown): ParseResult<unknown> {
  if (typeof input !== 'string') return { ok: true, value: input };
  // Editors on Windows often save a byte-order mark; it is not part of the JSON.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // Length in UTF-16 units is a lower bound of the UTF-8 size; measure exactly only near the limit.
  if (text.length > MAX_DOCUMENT_BYTES || (text.length > MAX_DOCUMENT_BYTES / 4 && new TextEncoder().encode(text).length > MAX_DOCUMENT_BYTES)) {
    return { ok: false, errors: [{ path: '$', message: 'the document is larger than 5 MB' }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `not valid JSON: ${(e as Error).message}` }] };
  }
}

/** `12` → "a number", `[]` → "a list": how a received JSON value is named in a message. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return Number.isFinite(value) ? 'a number' : 'a non-finite number';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const EXPECTED_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function sizeWord(origin: string, amount: number | bigint): string {
  if (origin === 'array' || origin === 'set') return `${amount} item${amount === 1 ? '' : 's'}`;
  if (origin === 'string') return `${amount} character${amount === 1 ? '' : 's'}`;
  return String(amount);
}

/**
 * Plain-language wording for zod's built-in issues. Schemas that carry their
 * own message keep it (zod prefers a schema's message over this map).
 */
export const plainErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${EXPECTED_NAMES[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'is not a field this document has';
    case 'too_small':
      return `must be at least ${sizeWord(issue.origin, issue.minimum)}`;
    case 'too_big':
      return `must be at most ${sizeWord(issue.origin, issue.maximum)}`;
    case 'invalid_union': {
      const options: unknown = issue.options;
      if (issue.discriminator === undefined || !Array.isArray(options)) return 'does not match any allowed shape';
      return `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
    }
    case 'invalid_format':
      return `is not a valid ${issue.format}`;
    default:
      return undefined;
  }
};

/**
 * Turns zod issues into document errors with JSON paths under `prefix`. An
 * unknown key is reported at the key itself (`$.nodes[0].colour`), one error per key.
 */
export function zodIssues(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): DocError[] {
  const out: DocError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: toJsonPath([...prefix, ...issue.path, key]), message: issue.message });
      continue;
    }
    out.push({ path: toJsonPath([...prefix, ...issue.path]), message: issue.message });
  }
  return out;
}

/** `schema.safeParse` with plain-language messages and JSON-path errors. */
export function parseWithSchema<T>(schema: z.ZodType<T>, value: unknown, prefix: ReadonlyArray<PropertyKey> = []): ParseResult<T> {
  const result = schema.safeParse(value, { error: plainErrorMap });
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: zodIssues(result.error, prefix) };
}
