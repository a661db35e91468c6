/**
 * Runs each example spec (examples/<name>/<name>.yaml) against its faithful independent server
 * (test/independent/examples/) through the CLI, `authconform run --spec … --target … --fixtures …`,
 * and prints the outcome. Until the format of issue 10 lands, `run` refuses the specs (exit 2 with
 * the validate errors); then it must report 0 failures.
 *   npx tsx scripts/examples-run.mts [stripe-like|github-like ...] [-- extra run options]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/spec/bundled.ts';
import { FIXTURES_OF, SPEC_OF, START_EXAMPLE } from '../test/independent/examples/readings.ts';
import type { Example } from '../test/independent/examples/rows.ts';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const names = (dash < 0 ? args : args.slice(0, dash)) as Example[];
const extra = dash < 0 ? [] : args.slice(dash + 1);
const examples = names.length > 0 ? names : (Object.keys(SPEC_OF) as Example[]);

/** Runs the CLI from the sources; resolves with its exit code and output. */
function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/entry.ts'), ...argv], { cwd: repoRoot, env });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

let worst = 0;
for (const example of examples) {
  if (!(example in SPEC_OF)) throw new Error(`unknown example ${example} (${Object.keys(SPEC_OF).join(', ')})`);
  const server = await START_EXAMPLE[example]();
  const dir = await mkdtemp(join(tmpdir(), `ac-example-${example}-`));
  try {
    const argv = ['run', '--spec', SPEC_OF[example], '--target', server.url, '--fixtures', FIXTURES_OF[example], '--level', 'all', '--allow-live', '--destructive', '--junit', join(dir, 'junit.xml'), ...extra];
    console.log(`== ${example}: authconform ${argv.map((a) => (a === server.url ? '<faithful server>' : a)).join(' ')}`);
    const { code, out } = await cli(argv, { ...process.env, ...server.env });
    console.log(out.trimEnd());
    console.log(`== ${example}: exit ${code}`);
    worst = Math.max(worst, code ?? 2);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
process.exitCode = worst;
