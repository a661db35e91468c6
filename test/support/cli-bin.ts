/**
 * How the tool's own tests spawn `authconform`: the TypeScript sources through tsx, so a test never
 * runs a stale dist/. The compiled package is what test/package/pack-install.test.ts installs and runs.
 */
import { join } from 'node:path';
import { repoRoot } from '../../src/spec/bundled.ts';

/** `spawn(process.execPath, [...CLI_ARGS, 'run', ...])` */
export const CLI_ARGS: readonly string[] = ['--import', 'tsx', join(repoRoot, 'src', 'cli', 'entry.ts')];
