// What vitest alone costs in bench/run.ts: the Node API started as `authconform run` starts it
// (src/runner/start-vitest.ts: no config file, one worker thread, isolated, no cache, no watch,
// a reporter of our own) on one file holding one empty test. Its wall is the least any run started
// through vitest can take on this machine. Usage: node bench/vitest-alone.mjs
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVitest } from 'vitest/node';

const root = fileURLToPath(new URL('../', import.meta.url));
// inside the package (vitest resolves from the file), in a directory of its own removed at the end
const dir = mkdtempSync(join(root, 'bench', '.vitest-alone-'));
try {
  writeFileSync(join(dir, 'empty.test.mjs'), "import { test } from 'vitest';\ntest('empty', () => {});\n");
  let passed = 0;
  const vitest = await createVitest(
    'test',
    {
      config: false,
      root: dir,
      include: ['empty.test.mjs'],
      watch: false,
      pool: 'threads',
      maxWorkers: 1,
      fileParallelism: false,
      isolate: true,
      reporters: [{ onTestCaseResult: (t) => void (passed += t.result().state === 'passed' ? 1 : 0) }],
      passWithNoTests: false,
      cache: false,
    },
    { logLevel: 'silent', clearScreen: false },
  );
  await vitest.start();
  await vitest.close();
  if (passed !== 1) throw new Error(`vitest alone: ${passed} tests passed, expected 1`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
