/** `recflow simulate --batch -` when standard input fails while it is read (issue 13: the CLI never falls over). */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('--batch - with standard input that fails mid-read', () => {
  it('is refused as the file errors are (naming standard input, exit 2), never as an "unexpected failure"', async () => {
    const call = JSON.stringify({
      call: { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' },
      actions: [{ at: 20, type: 'hangUp', party: 'contact' }],
    });
    async function* failing() {
      yield Buffer.from(`${call}\n`);
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    let out = "";
    let err = '';
    const code = await main(['simulate', '--batch', '-', '-w', 'examples/workspace.json', '-f', 'examples/flows/support-line.json'], {
      out: (t) => (out += t),
      err: (t) => (err += t),
      cwd: root,
      stdin: failing,
    });
    expect(code).toBe(2);
    expect(err).toBe('recflow simulate: standard input: the read failed: EIO: i/o error, read\n');
    expect(err).not.toContain('unexpected failure');
  });
});
