#!/usr/bin/env node
// The `recflow` command. The CLI is TypeScript; tsx compiles it on the fly so a
// fresh clone runs it after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`recflow simulate --batch … | head`) closes the pipe:
// that is the reader's choice, not a failure worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../runtime/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
