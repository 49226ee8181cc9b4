import { describe, expect, it } from 'vitest';
import { type CallDiffCounts, describeCallDiff, emptyDiffCounts } from './callDiff';

function changed(seconds: CallDiffCounts['seconds']): CallDiffCounts {
  return { ...emptyDiffCounts(), lines: 1, calls: 1, through: 1, changed: 1, seconds };
}

describe('the seconds line of `recflow diff --calls`', () => {
  it('names only the channel layouts whose recorded seconds moved', () => {
    expect(describeCallDiff('log', changed({ dual: -78, mono: 0 }))).toContain('  recorded seconds: dual −78 s');
    expect(describeCallDiff('log', changed({ dual: 0, mono: 12.5 }))).toContain('  recorded seconds: mono +12.5 s');
    expect(describeCallDiff('log', changed({ dual: -30, mono: 30 }))).toContain('  recorded seconds: dual −30 s, mono +30 s');
  });

  it('says the total is the same when calls record differently without gaining or losing seconds', () => {
    expect(describeCallDiff('log', changed({ dual: 0, mono: 0 }))).toContain('  recorded seconds: same total');
  });

  it('has no seconds line when nothing changed', () => {
    const lines = describeCallDiff('log', { ...emptyDiffCounts(), calls: 2, through: 2 });
    expect(lines).toEqual(['log: 2 calls, 2 through the flow, 0 record differently (0.0 %)']);
  });
});
