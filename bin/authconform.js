#!/usr/bin/env node
// Entry point for `npx authconform`: the compiled CLI, bundled (dist/bundle/cli.js, built by `npm run
// build`, which `npm ci` runs through `prepare`). The tool's own tests run the TypeScript sources instead.
import { setFlagsFromString } from 'node:v8';

// A run lasts seconds: V8 optimizes a function only after 8x its default profiler budget, so the
// background threads stop compiling code that a short run never pays back (a fifth of a run's CPU
// on Node 20; `npm run bench:run`). Set before any module of the tool is compiled; worker threads
// inherit it. V8 11 (Node 20) only: later V8s tier up by other counters and reject the flag.
if (process.versions.v8.startsWith('11.')) setFlagsFromString('--interrupt-budget=540672');

try {
  await import('../dist/bundle/cli.js');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/bundle/cli.js')) {
    process.stderr.write('authconform: not built (dist/ is missing); run `npm run build` (npm ci and npm install do it)\n');
    process.exitCode = 2;
  } else {
    throw err;
  }
}
