#!/usr/bin/env node
// The `recflow` command. Installed from the package it runs the compiled CLI in
// lib/ (no TypeScript at run time); in a source checkout, where runtime/ holds the
// TypeScript, tsx compiles it on the fly so a fresh clone runs it with no build step.
import { existsSync } from 'node:fs';

// A reader that stops early (`recflow simulate --batch … | head`) closes the pipe:
// that is the reader's choice, not a failure worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const source = new URL('../runtime/cli/main.ts', import.meta.url);
let cli;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import('../lib/runtime/cli/main.js');
}
process.exitCode = await cli.main(process.argv.slice(2));
