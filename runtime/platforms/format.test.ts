import { describe, expect, it } from 'vitest';
import { getKind, kinds } from '../../nodes/index.ts';
import type { AnyKind } from '../../nodes/kit/contract.ts';
import { loadFormatParts, readerOf, writerOf } from './format.ts';

/** A copy of a kind whose formats are replaced (a kind is data: the loader reads whatever `formats()` gives). */
function withFormats(kind: string, formats: AnyKind['formats']): AnyKind {
  return { ...getKind(kind)!, kind: `${kind}-copy`, formats };
}

describe("the kinds' parts of the platform formats", () => {
  it('are found by action type (a listed type by its kind, any other by the kind keeping the rest) and by node kind', async () => {
    const play = await getKind('play')!.formats!();
    const connect = play['amazon-connect']!;
    const type = connect.reads[0]!;
    expect(readerOf('amazon-connect', type)).toEqual({ kind: getKind('play'), format: connect });
    expect(writerOf('amazon-connect', 'play')).toBe(connect);
    // A type no kind lists goes to the kind that keeps every other action verbatim.
    const keeper = readerOf('amazon-connect', 'NoSuchActionType');
    expect(keeper?.format.readsOtherTypes).toBe(true);
    // A kind with no part in a format writes nothing there (the exporter reports it).
    expect(writerOf('amazon-connect', 'voicemail')).toBeUndefined();
  });

  it('refuse two kinds reading the same action type: an import would depend on the order of the kind list', async () => {
    const play = getKind('play')!;
    await expect(loadFormatParts([...kinds, withFormats('play', play.formats)])).rejects.toThrow(
      /node kinds "play" and "play-copy" both read (amazon-connect|twilio-studio) "/,
    );
  });

  it('refuse two kinds keeping every other action of a format', async () => {
    const keeperKind = readerOf('twilio-studio', 'no-such-widget')!.kind;
    const keeps = async () => ({ 'twilio-studio': { ...(await keeperKind.formats!())['twilio-studio']!, reads: [] } });
    await expect(loadFormatParts([...kinds, withFormats(keeperKind.kind, keeps)])).rejects.toThrow(
      `node kinds "${keeperKind.kind}" and "${keeperKind.kind}-copy" both keep every other twilio-studio action`,
    );
  });

  it('load only when asked: a kind list whose formats fail to load fails the load, not the registry', async () => {
    const broken = withFormats('play', () => Promise.reject(new Error('chunk failed to load')));
    await expect(loadFormatParts([broken])).rejects.toThrow('chunk failed to load');
  });
});
