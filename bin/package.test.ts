/**
 * The installable package, as an engineer gets it: `npm pack` (which compiles
 * lib/ through `prepack`), the tarball installed into an empty project with no
 * network, then the CLI and `import … from 'recflow'` run there, from plain
 * Node, through a bundler (esbuild, which Vite uses) and through TypeScript's
 * type check. The project's own dependencies go in as local tarballs
 * (`npm pack` of node_modules/zod and xstate), so `npm install --offline`
 * needs nothing from a registry or its cache.
 *
 * It takes about half a minute of wall time (mostly compiling lib/), while the
 * other unit tests run beside it: it is the one test of what users install.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let dir = '';
let app = '';
let tarball = '';

async function recflow(args: string[], cwd = app) {
  try {
    const { stdout, stderr } = await run(join(app, 'node_modules', '.bin', 'recflow'), args, { cwd });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recflow-pack-'));
  app = join(dir, 'app');
  await mkdir(app);
  const packed = await run(npm, ['pack', '--json', '--pack-destination', dir], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  tarball = join(dir, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
  await run(npm, ['pack', '--ignore-scripts', '--pack-destination', dir, join(root, 'node_modules', 'zod'), join(root, 'node_modules', 'xstate')], {
    cwd: dir,
  });
  const deps = (await readdir(dir)).filter((f) => /^(zod|xstate)-.*\.tgz$/.test(f)).map((f) => join(dir, f));
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'uses-recflow', private: true, type: 'module' }));
  await run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, ...deps], { cwd: app });
  for (const f of ['flows/support-line.json', 'workspace.json']) {
    await mkdir(join(app, 'examples', 'flows'), { recursive: true });
    await copyFile(join(root, 'examples', f), join(app, 'examples', f));
  }
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Each step starts Node, npm or tsc on a machine busy with the other tests.
describe('the recflow package', { timeout: 60_000 }, () => {
  it('holds compiled JavaScript and type declarations, and no TypeScript source', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.split('\n').filter(Boolean);
    expect(files).toContain('package/lib/runtime/index.js');
    expect(files).toContain('package/lib/runtime/index.d.ts');
    expect(files).toContain('package/lib/runtime/cli/main.js');
    expect(files).toContain('package/bin/recflow.js');
    expect(files).toContain('package/schema/flow.schema.json');
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /\.test\.|\/editor\/|\/stories\//.test(f))).toEqual([]);
  });

  it('runs the CLI from the installed package, without tsx', async () => {
    const installed = JSON.parse(await readFile(join(app, 'node_modules', 'recflow', 'package.json'), 'utf8')) as { dependencies: object };
    expect(Object.keys(installed.dependencies).sort()).toEqual(['xstate', 'zod']);
    expect((await readdir(join(app, 'node_modules'))).sort()).toEqual(['.bin', '.package-lock.json', 'recflow', 'xstate', 'zod']);
    const help = await recflow(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/recflow/);
    expect(await recflow(['--version'])).toMatchObject({ code: 0, stdout: `recflow ${JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version}\n` });
    const valid = await recflow(['validate', 'examples/flows/support-line.json', '--workspace', 'examples/workspace.json']);
    expect(valid).toMatchObject({ code: 0 });
    expect(valid.stdout).toContain('0 errors');
    const broken = await recflow(['validate', 'nowhere.json']);
    expect(broken.code).toBe(2);
  });

  it('runs a batch on worker threads from the compiled worker', async () => {
    const scenario = {
      format: 'recflow.scenario',
      version: 1,
      name: 'one call',
      call: { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' },
      actions: [
        { at: 8, type: 'press', digit: '1' },
        { at: 20, type: 'answer', agentId: 'ag-ana' },
        { at: 60, type: 'hangUp', party: 'contact' },
      ],
    };
    // More than SMALL_LOG_BYTES (64 KB), which would run in the main thread.
    const calls = 400;
    await writeFile(join(app, 'calls.ndjson'), `${JSON.stringify(scenario)}\n`.repeat(calls));
    const out = await recflow([
      'simulate',
      '--batch',
      'calls.ndjson',
      '--workspace',
      'examples/workspace.json',
      '--flow',
      'examples/flows/support-line.json',
      '--workers',
      '1',
    ]);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines).toHaveLength(calls);
    expect(JSON.parse(lines[calls - 1]!)).toMatchObject({ line: calls, recorded: true, segments: [{ start: 8 }] });
    // With a worker on every core (the default), the launcher may run the batch in a second process (bin/recflow.test.ts): the same lines.
    const everyCore = await recflow(['simulate', '--batch', 'calls.ndjson', '--workspace', 'examples/workspace.json', '--flow', 'examples/flows/support-line.json']);
    expect(everyCore).toMatchObject({ code: 0, stdout: out.stdout });
  });

  it("imports { parseFlow, checkFlow, startCall, simulate } from 'recflow' in plain Node", async () => {
    await writeFile(
      join(app, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { parseFlow, parseWorkspace, checkFlow, startCall, simulate } from 'recflow';
const ws = parseWorkspace(readFileSync('examples/workspace.json', 'utf8'));
const flow = parseFlow(readFileSync('examples/flows/support-line.json', 'utf8'));
const call = startCall(ws.value, flow.value, { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' });
const result = simulate(ws.value, flow.value, { call: call.start, actions: [{ at: 8, type: 'press', digit: '1' }, { at: 20, type: 'answer', agentId: 'ag-ana' }, { at: 60, type: 'hangUp', party: 'contact' }] });
console.log(JSON.stringify({ ok: flow.ok && ws.ok, problems: checkFlow(flow.value, { workspace: ws.value }).length, actions: call.available().length > 0, recorded: result.totalRecordedSeconds }));
`,
    );
    const { stdout } = await run(process.execPath, ['use.mjs'], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({ ok: true, problems: 0, actions: true, recorded: 52 });
  });

  it("bundles `import … from 'recflow'` for the browser with esbuild, and the bundle runs", async () => {
    await writeFile(
      join(app, 'entry.js'),
      `import { parseFlow, checkFlow, startCall, simulate } from 'recflow';
const flow = parseFlow({ format: 'recflow.flow', version: 2, id: 'f', name: 'F', nodes: [{ id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: { label: 'In', numberIds: [] } }], edges: [] });
globalThis.out = [flow.ok, checkFlow(flow.value).map((p) => p.code), typeof startCall, typeof simulate];
`,
    );
    const esbuild = await import('esbuild');
    const bundle = await esbuild.build({
      entryPoints: [join(app, 'entry.js')],
      absWorkingDir: app,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]!.text;
    expect(code).not.toMatch(/from ["']node:/);
    const file = join(app, 'bundle.mjs');
    await writeFile(file, `${code}\nconsole.log(JSON.stringify(globalThis.out));`);
    const { stdout } = await run(process.execPath, [file], { cwd: dir });
    expect(JSON.parse(stdout)).toEqual([true, ['C1-port-unconnected'], 'function', 'function']);
  });

  it('type-checks a TypeScript user of the package against its declarations, and catches a wrong use', async () => {
    await writeFile(
      join(app, 'good.ts'),
      `import { parseFlow, type CallResult, type FlowDoc, simulate } from 'recflow';
const parsed = parseFlow('{}');
const flow: FlowDoc | null = parsed.ok ? parsed.value : null;
const seconds = (r: CallResult): number => r.totalRecordedSeconds;
export { flow, seconds, simulate };
`,
    );
    await writeFile(join(app, 'bad.ts'), `import { parseFlow } from 'recflow';\nconst n: number = parseFlow('{}');\nexport { n };\n`);
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023'], skipLibCheck: true, types: [] },
        files: ['good.ts', 'bad.ts'],
      }),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const checked = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app }).then(
      () => ({ stdout: '' }),
      (e: { stdout: string }) => e,
    );
    // One error, in bad.ts: the declarations type the good use and refuse the wrong one.
    expect(checked.stdout.split('\n').filter((l) => /error TS/.test(l))).toEqual([expect.stringMatching(/^bad\.ts\(2,7\): error TS2322: /)]);
  });
});
