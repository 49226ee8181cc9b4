#!/usr/bin/env node
// The `recflow` command. Installed from the package it runs the compiled CLI in
// lib/ (no TypeScript at run time); in a source checkout, where runtime/ holds the
// TypeScript, tsx compiles it on the fly so a fresh clone runs it with no build step.
// RECFLOW_COMPILED=1 runs lib/ from a checkout too (after `npm run build:lib`), as the
// package would: the batch bench times both.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// A reader that stops early (`recflow simulate --batch … | head`) closes the pipe:
// that is the reader's choice, not a failure worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
// V8 moves an allocation site's objects straight to the old generation (pretenuring) when it
// sees them survive young-generation collections. It took that decision for sites of a simulated
// call's short-lived objects (every object of those sites found alive, --trace-pretenuring-statistics),
// so each call's garbage waited for full collections: with the decision off a batch takes about a
// fifth less CPU (BENCHMARKS.md, *Batch simulation*). Worker threads share the process's flags.
// Set before any runtime code runs.
setFlagsFromString('--no-allocation-site-pretenuring');
const source = new URL('../runtime/cli/main.ts', import.meta.url);
const compiled = new URL('../lib/runtime/cli/main.js', import.meta.url);
if (process.env.RECFLOW_COMPILED === '1' && !existsSync(compiled)) {
  process.stderr.write('RECFLOW_COMPILED=1, but lib/ holds no compiled CLI: run `npm run build:lib` first\n');
  process.exit(2);
}
const fromSource = existsSync(source) && process.env.RECFLOW_COMPILED !== '1';
if (fromSource) {
  const { register } = await import('tsx/esm/api');
  register();
}
const module = (name) => new URL(fromSource ? `../runtime/cli/${name}.ts` : `../lib/runtime/cli/${name}.js`, import.meta.url).href;
const args = process.argv.slice(2);

// A batch with a worker thread on every core runs faster with V8's garbage collection on one thread per
// isolate, which only a new process can have (runtime/cli/batchProcess.ts): this one starts it, passes on
// signals, and ends as it ends.
const batchProcess = await import(module('batchProcess'));
const facts = { cores: availableParallelism(), execArgv: process.execArgv, cwd: process.cwd() };
if (batchProcess.restartWithSingleThreadedGc(args, facts)) {
  // Listening before the second process exists: a signal that comes while it starts is passed on once it has.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  let child = null;
  const pass = (signal) => child?.kill(signal);
  for (const signal of signals) process.on(signal, pass);
  child = spawn(process.execPath, [...process.execArgv, batchProcess.SINGLE_THREADED_GC, fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
  });
  const ended = await new Promise((done) => {
    child.on('exit', (code, signal) => done({ code, signal }));
    // Not started (no process left to start, say): the batch runs in this process as it is.
    child.on('error', () => done(null));
  });
  for (const signal of signals) process.off(signal, pass);
  if (ended?.signal) process.kill(process.pid, ended.signal);
  if (ended) process.exit(ended.code ?? 1);
}

const cli = await import(module('main'));
process.exitCode = await cli.main(args);
