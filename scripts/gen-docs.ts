/**
 * Regenerates docs/traceability.md and docs/requirements.md from the bundled specs that exist.
 * Run: npx tsx scripts/gen-docs.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { docPath, generatedDocs, loadPresentBundledContracts } from '../src/spec/generated-docs.ts';
import { COMMANDS } from '../src/cli/commands/index.ts';
import { renderReadmeCommands } from '../src/cli/commands-doc.ts';
import { AuthconformError, formatProblem } from '../src/util/errors.ts';

try {
  const contracts = await loadPresentBundledContracts();
  for (const doc of generatedDocs(contracts)) {
    mkdirSync(dirname(docPath(doc)), { recursive: true });
    writeFileSync(docPath(doc), doc.path === 'README.md' ? renderReadmeCommands(doc.content, COMMANDS) : doc.content);
    console.log(`wrote ${doc.path} (${contracts.map((c) => c.name).join(', ')})`);
  }
} catch (err) {
  if (!(err instanceof AuthconformError)) throw err;
  console.error(`gen-docs: ${err.message}`);
  for (const p of err.problems) console.error(formatProblem(p));
  process.exitCode = 2;
}
