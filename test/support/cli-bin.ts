/**
 * How the tool's own tests spawn `authconform`: the package's bin (compiled dist/, as `npx authconform`
 * runs it), in plain Node: a start through tsx costs a loader thread and a transform of every source
 * file. The globalSetup test/support/build-if-stale.ts rebuilds dist/ when a source is newer, so a
 * test never runs a stale build. test/package/pack-install.test.ts installs and runs the packed package.
 */
import { join } from 'node:path';
import { repoRoot } from '../../src/spec/bundled.ts';

/** `spawn(process.execPath, [...CLI_ARGS, 'run', ...])` */
export const CLI_ARGS: readonly string[] = [join(repoRoot, 'bin', 'authconform.js')];
