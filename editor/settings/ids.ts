import { RESERVED_IDS } from '../../nodes/kit/fields.ts';

/** A readable id for a new agent, group, role or number, unique among `taken` and valid for `idSchema`. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  // A reserved name ("constructor" from an agent called Constructor) counts as taken: the next is "constructor-2".
  const used = new Set([...taken, ...RESERVED_IDS]);
  const slug =
    base
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  if (!used.has(slug)) return slug;
  for (let i = 2; ; i++) {
    const id = `${slug}-${i}`;
    if (!used.has(id)) return id;
  }
}

/** A name is required, trimmed non-empty, at most 200 characters; returns the message or undefined. */
export function nameMessage(raw: string, what: string): string | undefined {
  if (raw.trim() === '') return `Enter a name for the ${what}.`;
  if (raw.length > 200) return 'Keep the name to 200 characters or fewer.';
  return undefined;
}

/**
 * A warning, not a refusal, when `raw` names what another one is already called (case and outer spaces aside):
 * two agents called the same are told apart only by their ids, which pickers and reports do not show.
 */
export function sameNameWarning(raw: string, otherNames: Iterable<string>, what: string): string | undefined {
  const key = raw.trim().toLocaleLowerCase();
  if (key === '') return undefined;
  for (const other of otherNames) {
    if (other.trim().toLocaleLowerCase() === key) return `Another ${what} is already called “${other.trim()}”: pickers and reports will not tell them apart.`;
  }
  return undefined;
}

/** Digits only, for comparing phone numbers written with spaces or dashes. */
export function phoneDigits(number: string): string {
  return number.replace(/[^0-9+]/g, '');
}
