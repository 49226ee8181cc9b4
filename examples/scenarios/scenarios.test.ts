import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('example scenarios', () => {
  it('`recflow test examples/scenarios` passes every sample scenario through the CLI', async () => {
    const { stdout } = await run(process.execPath, ['bin/recflow.js', 'test', 'examples/scenarios'], { cwd: root });
    expect(stdout).toMatch(/\n15 passed, 0 failed, 0 skipped, 0 could not run\n$/);
    expect(stdout).not.toMatch(/^FAIL/m);
  }, 60_000);
});
