/**
 * vitest globalSetup of the tool's own tests: builds dist/ (`node scripts/build.mjs`) when it is
 * missing or older than any file it is compiled from, so that the tests that run the compiled tool
 * (test/support/compiled.ts: spawned CLI, in-process runs) never run stale code. On a fresh clone
 * `npm ci` has just built it (`prepare`): nothing to do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** what tsconfig.build.json compiles, and what decides how */
const INPUTS = ['src', 'suites', 'reporters', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'scripts/bundle.mjs', 'package.json'];
/** written by the build's last step (scripts/bundle.mjs): its time is the build's */
const BUILT = join(ROOT, 'dist/bundle/cli.js');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export function isStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return INPUTS.some((input) => existsSync(join(ROOT, input)) && newest(join(ROOT, input)) > built);
}

export default function setup(): void {
  if (!isStale()) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`node scripts/build.mjs failed (exit ${r.status ?? r.signal}): the tests run the compiled tool`);
}
