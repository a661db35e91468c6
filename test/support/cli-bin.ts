/**
 * How the tool's own tests spawn `authconform`: the TypeScript sources through tsx, so a test never
 * runs a stale dist/. The compiled package is what test/package/pack-install.test.ts installs and runs.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/spec/bundled.ts';

/** tsx's loader by absolute URL: the child's cwd may lie outside the checkout */
const TSX = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** `spawn(process.execPath, [...CLI_ARGS, 'run', ...])` */
export const CLI_ARGS: readonly string[] = ['--import', TSX, join(repoRoot, 'src', 'cli', 'entry.ts')];
