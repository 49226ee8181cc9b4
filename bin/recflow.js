#!/usr/bin/env node
// The `recflow` command. The CLI is TypeScript; tsx compiles it on the fly so a
// fresh clone runs it after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../runtime/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
