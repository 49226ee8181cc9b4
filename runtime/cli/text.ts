/**
 * Text the CLI prints for people. Labels, names, ports and file contents
 * come from documents anyone may have written, so nothing in them may reach
 * the terminal as a control sequence (clear the screen, retitle the window,
 * plant a link), and no list of problems may run to megabytes.
 */
import type { DocError } from '../document/errors.ts';

/**
 * C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI on some terminals), and the
 * bidirectional overrides and isolates that make text read in another order than it runs.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every control character written as a `\u` escape. Also safe on JSON text: the escape is how
 * JSON writes that character inside a string, and JSON has none outside strings.
 *
 * @example
 * forPeople('Menu \u001b[2J'); // 'Menu \\u001b[2J'
 */
export function forPeople(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** How many of a document's errors the CLI lists before "and N more". */
export const LISTED_ERRORS = 20;

/**
 * The first `max` items and how many were left out.
 *
 * @example
 * capped([1, 2, 3], 2); // { shown: [1, 2], more: 1 }
 */
export function capped<T>(items: readonly T[], max = LISTED_ERRORS): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** `and 299,980 more`: what a capped list says about the rest. */
export function andMore(more: number): string {
  return `and ${more.toLocaleString('en-US')} more`;
}

/** One document error as text: `$.nodes[2].kind: unknown node kind "fax"` (a whole-document error without `$`). */
export function errorText(e: DocError): string {
  return e.path === '$' ? e.message : `${e.path}: ${e.message}`;
}

/** A document's errors on one line, at most `max` of them, joined by `; `. */
export function errorsInline(errors: readonly DocError[], max = 5): string {
  const { shown, more } = capped(errors, max);
  const text = shown.map(errorText).join('; ');
  return more > 0 ? `${text}; ${andMore(more)}` : text;
}
