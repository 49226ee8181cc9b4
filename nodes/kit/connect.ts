/**
 * Amazon Connect's flow language as kinds see it: one action, and helpers
 * the kinds' `connect.ts` share to read and write one. The document around
 * the actions (Version, StartAction, Metadata, limits) is the runtime's
 * (`runtime/platforms/amazon-connect/`).
 * Source: docs.aws.amazon.com/connect/latest/APIReference/flow-language-actions.html
 * and the per-action pages.
 */
import type { ExitBinding, FormatNote, JsonObject, JsonValue, KindFormat } from './formats.ts';
import { clip } from './fields.ts';

export { clip };

export interface ConnectCondition {
  NextAction: string;
  Condition: { Operator: string; Operands: JsonValue[] };
}
export interface ConnectError {
  NextAction: string;
  ErrorType: string;
}
export interface ConnectTransitions {
  NextAction?: string;
  Conditions?: ConnectCondition[];
  Errors?: ConnectError[];
}
/** One action of a flow: `Identifier` is unique in the flow; transitions name other actions' identifiers. */
export interface ConnectAction {
  Identifier: string;
  Type: string;
  Parameters: JsonObject;
  Transitions: ConnectTransitions;
}

/** What a kind knows of the Connect flow language. */
export type ConnectFormat<D> = KindFormat<D, ConnectAction>;

/** A string parameter, or undefined when absent or not a string. */
export function textParam(p: JsonObject, key: string): string | undefined {
  const v = p[key];
  return typeof v === 'string' ? v : undefined;
}

/** A parameter Connect writes as a number or a numeric string ("5"). */
export function numberParam(p: JsonObject, key: string): number | undefined {
  const v = p[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Slot names of an action's transitions, as `ExitBinding.slot` and report paths use them. */
export const NEXT = 'NextAction';
export const conditionSlot = (i: number) => `Conditions[${i}]`;
export const errorSlot = (i: number) => `Errors[${i}]`;

/** The index of the first error of `type` (or of any of `types`, in order), or -1. */
export function errorIndex(action: ConnectAction, ...types: string[]): number {
  const errors = action.Transitions.Errors ?? [];
  for (const t of types) {
    const i = errors.findIndex((e) => e.ErrorType === t);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Binds the action's error transitions to one port: the first error of `types` (in order; else the first
 * error) takes the port. Errors bound to other ports already (`taken`) are left alone; any other error leading
 * elsewhere keeps its own target on export and is noted, since one port has one connection.
 */
export function bindErrors(
  action: ConnectAction,
  port: string,
  types: readonly string[],
  exits: ExitBinding[],
  notes: FormatNote[],
  taken: ReadonlySet<string> = new Set(),
): void {
  const errors = action.Transitions.Errors ?? [];
  const free = errors.map((e, i) => ({ e, i })).filter(({ e }) => !taken.has(e.ErrorType));
  const bound = types.map((t) => free.find(({ e }) => e.ErrorType === t)).find((x) => x !== undefined) ?? free[0];
  if (!bound) return;
  exits.push({ slot: errorSlot(bound.i), port });
  for (const { e, i } of free) {
    if (i === bound.i || e.NextAction === bound.e.NextAction) continue;
    notes.push({
      fidelity: 'approximated',
      message: `error "${e.ErrorType}" leads elsewhere than "${bound.e.ErrorType}", but the node has one ${port} port: the simulation takes "${bound.e.ErrorType}"'s path (export keeps both)`,
      at: `Transitions.Errors[${i}]`,
    });
  }
}

/** A prompt's words as Recflow shows them: its text, its SSML without tags, or the prompt it names. */
export function promptText(p: JsonObject): { text: string; spoken: boolean } {
  const text = textParam(p, 'Text');
  if (text !== undefined) return { text, spoken: true };
  const ssml = textParam(p, 'SSML');
  if (ssml !== undefined) return { text: ssml.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim(), spoken: true };
  const prompt = textParam(p, 'PromptId');
  if (prompt !== undefined) return { text: `Recorded prompt ${prompt}`, spoken: false };
  return { text: '', spoken: false };
}

/** Seconds a text-to-speech prompt takes: about 2.5 words a second, at least one second. */
export function spokenSeconds(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.min(600, Math.round(words / 2.5)));
}

/** The note for a prompt's length: estimated from its words, or unknown for a recorded prompt. */
export function promptNote(p: JsonObject, seconds: number, hinted: boolean): FormatNote | null {
  if (hinted) return null;
  const { spoken } = promptText(p);
  return spoken
    ? { fidelity: 'approximated', message: `the prompt's length is estimated from its words (${seconds} s)`, at: 'Parameters' }
    : { fidelity: 'approximated', message: `a recorded or dynamic prompt: its length is unknown, ${seconds} s assumed`, at: 'Parameters' };
}

/** A short, readable name for an ARN or id: the part after the last `/`, or the value itself. */
export function shortName(value: string): string {
  const last = value.split(/[/:]/).pop() ?? value;
  return last === '' ? value : last;
}


/** The hint `key` when it is a number in [min, max], else undefined. */
export function hintNumber(hints: JsonObject | undefined, key: string, min: number, max: number): number | undefined {
  const v = hints?.[key];
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
}

/** The hint `key` when it is a string. */
export function hintText(hints: JsonObject | undefined, key: string): string | undefined {
  const v = hints?.[key];
  return typeof v === 'string' ? clip(v) : undefined;
}

/** The hint `key` when it is a boolean. */
export function hintBoolean(hints: JsonObject | undefined, key: string): boolean | undefined {
  const v = hints?.[key];
  return typeof v === 'boolean' ? v : undefined;
}

/** Identity helper that keeps `D` checked against the kind's data. */
export function defineConnect<D>(format: ConnectFormat<D>): ConnectFormat<D> {
  return format;
}
