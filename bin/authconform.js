#!/usr/bin/env node
// Entry point for `npx authconform`. The engine is TypeScript run through tsx's ESM loader:
// no build step, so a checkout works right after `npm ci`, and stack traces point at the sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
