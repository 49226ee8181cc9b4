#!/usr/bin/env node
// The `recflow` command. Installed from the package it runs the compiled CLI in
// lib/ (no TypeScript at run time); in a source checkout, where runtime/ holds the
// TypeScript, tsx compiles it on the fly so a fresh clone runs it with no build step.
// RECFLOW_COMPILED=1 runs lib/ from a checkout too (after `npm run build:lib`), as the
// package would: the batch bench times both.
import { existsSync } from 'node:fs';
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
let cli;
if (process.env.RECFLOW_COMPILED === '1' && !existsSync(compiled)) {
  process.stderr.write('RECFLOW_COMPILED=1, but lib/ holds no compiled CLI: run `npm run build:lib` first\n');
  process.exit(2);
}
if (existsSync(source) && process.env.RECFLOW_COMPILED !== '1') {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import(compiled.href);
}
process.exitCode = await cli.main(process.argv.slice(2));
