/**
 * The platform formats Recflow imports and exports, and how a file's format is
 * told from its content. Each format is one folder here implementing
 * `PlatformFormat` (`amazon-connect/`, `twilio-studio/`), and one entry below.
 */
import { type DocError, readJson } from '../document/errors.ts';
import { amazonConnect } from './amazon-connect/index.ts';
import type { FormatName, ImportOptions, ImportOutcome, PlatformFormat } from './format.ts';
import { twilioStudio } from './twilio-studio/index.ts';

export const platformFormats: readonly PlatformFormat[] = [amazonConnect, twilioStudio];

export function formatNamed(name: string): PlatformFormat | undefined {
  return platformFormats.find((f) => f.name === name);
}

/** "an Amazon Connect flow", "a Twilio Studio flow definition". */
export const withArticle = (name: string): string => `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;

/** Names for `--from` / `--to`, for messages. */
export const formatNames = (): string => platformFormats.map((f) => f.name).join(', ');

/**
 * The format of a document from its content: the one that recognises it (or its wrapper). A Recflow flow or
 * workspace, or anything no format recognises, is refused with what it looks like.
 */
export function detectFormat(input: unknown): { ok: true; format: PlatformFormat } | { ok: false; errors: DocError[] } {
  const read = readJson(input);
  if (!read.ok) return read;
  const v = read.value as { format?: unknown } | null;
  if (typeof v === 'object' && v !== null && typeof v.format === 'string' && v.format.startsWith('recflow.')) {
    return { ok: false, errors: [{ path: '$.format', message: `already a Recflow document ("${v.format}"): open it as it is, there is nothing to import` }] };
  }
  for (const format of platformFormats) if (format.detect(read.value).match !== 'no') return { ok: true, format };
  return { ok: false, errors: [{ path: '$', message: `not a flow Recflow can import: expected ${platformFormats.map((f) => withArticle(f.documentName)).join(' or ')}` }] };
}

/** Imports a platform flow, in the format named or the one its content shows. */
export function importPlatformFlow(input: unknown, from?: FormatName, options?: ImportOptions): ImportOutcome {
  if (from !== undefined) {
    const format = formatNamed(from);
    if (!format) return { ok: false, errors: [{ path: '$', message: `unknown format "${from}": one of ${formatNames()}` }] };
    return format.importFlow(input, options);
  }
  const detected = detectFormat(input);
  return detected.ok ? detected.format.importFlow(input, options) : detected;
}

