/**
 * How the tool's own tests spawn `authconform`: the TypeScript sources through tsx, so a test never
 * runs a stale dist/. The compiled package is what test/package/pack-install.test.ts installs and runs.
 */
import { join } from 'node:path';
import { repoRoot } from '../../src/spec/bundled.ts';

/**
 * `spawn(process.execPath, [...CLI_ARGS, 'run', ...])`. tsx is named by its resolved URL: a bare
 * `--import tsx` resolves from the child's cwd, which tests set to empty temporary directories.
 */
export const CLI_ARGS: readonly string[] = ['--import', import.meta.resolve('tsx'), join(repoRoot, 'src', 'cli', 'entry.ts')];
