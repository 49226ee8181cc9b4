/**
 * `recflow` without a command, checked inside tests (a mutant that breaks the
 * command table then fails a test rather than the loading of a test file),
 * and the process's own stdout and stderr as the default output.
 */
import { describe, expect, it, vi } from 'vitest';
import { commands, main, usage } from './main.ts';

const usageText = () => `Usage: recflow <command> [options]

Commands:
  validate  ${commands.validate?.summary}
  simulate  ${commands.simulate?.summary}
  test      ${commands.test?.summary}
  diff      ${commands.diff?.summary}
  cover     ${commands.cover?.summary}
  import    ${commands.import?.summary}
  export    ${commands.export?.summary}

Run \`recflow <command> --help\` for a command's options, \`recflow --version\` for the version.
Exit codes: 0 ok, 1 errors found, 2 bad usage or unreadable input.
`;

describe('recflow main', () => {
  it('has the seven documented commands, each with a summary and its usage', () => {
    expect(Object.keys(commands)).toEqual(['validate', 'simulate', 'test', 'diff', 'cover', 'import', 'export']);
    for (const [name, c] of Object.entries(commands)) {
      expect(c.summary.length, name).toBeGreaterThan(10);
      expect(c.usage.startsWith(`Usage: recflow ${name}`), name).toBe(true);
    }
    expect(usage()).toBe(usageText());
  });

  it('writes to the process’s stdout and stderr unless told otherwise', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--help'])).toBe(0);
      expect(await main([])).toBe(2);
      expect(out.mock.calls).toEqual([[usageText()]]);
      expect(err.mock.calls).toEqual([[usageText()]]);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
