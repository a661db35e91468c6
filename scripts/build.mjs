// `npm run build` (and `prepare`, so `npm ci` and `npm pack` build): compiles src/, suites/ and
// reporters/ to dist/ with tsc (relative `.ts` imports rewritten to `.js`, declarations beside).
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const root = new URL('../', import.meta.url);
rmSync(new URL('dist', root), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
process.exitCode = r.status ?? 1;
