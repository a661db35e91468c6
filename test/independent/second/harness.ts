/**
 * Runs second-reading servers through the real `run` path (runConformance → JUnit/console
 * reporters → exit code), several servers of one spec in ONE run so that the conformance worker
 * starts once per batch rather than once per server.
 *
 * Each server comes with the environment its fixtures file reads. The fixtures file in the repo
 * is the template: for server i its `${NAME}` references become `${NAME__i}` in a temporary copy,
 * so every server of a batch gets its own values through the documented interpolation.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from '../../../reporters/collect-results.ts';
import { runConformance } from '../../support/compiled.ts';
import type { SuiteOptions } from '../../../src/runner/options.ts';
import { tempDir } from '../../support/temp-dir.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A started server and the environment its fixtures file reads. */
export interface Reading {
  url: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** What one server got from a run. */
export interface Verdict {
  /** requirement ids with a failed or errored case, sorted */
  failing: string[];
  /** requirement ids with a case that failed without failing the run (a warning), sorted */
  warned: string[];
  cases: CaseResult[];
  /** `<id> <name>: <message>` of every failed, errored or skipped case, for the log */
  notes: string[];
}

export interface BatchRow {
  name: string;
  start: () => Promise<Reading>;
}

/** The run options of the independent tests; a batch may add to them. */
export const BASE_OPTIONS: Partial<SuiteOptions> = { level: 'all', allowLive: true, maxWaitMs: 5000 };

/** Starts every row's server, runs them all in one conformance run, closes them; verdicts by row name. */
export async function runBatch(
  spec: string,
  fixtures: string,
  rows: readonly BatchRow[],
  options: Partial<SuiteOptions> = {},
): Promise<Map<string, Verdict>> {
  // no spec entry would mean "every bundled spec against its mock" to the run
  if (rows.length === 0) throw new Error(`runBatch ${spec}: no server to run`);
  const dir = tempDir(`ac-second-${spec}-`);
  const template = await readFile(resolve(ROOT, fixtures), 'utf8');
  const readings: Reading[] = [];
  try {
    for (const row of rows) readings.push(await row.start());
    const env: NodeJS.ProcessEnv = { ...process.env };
    const specs = await Promise.all(
      readings.map(async (r, i) => {
        const file = join(dir, `${i}.fixtures.yaml`);
        await writeFile(file, template.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name: string) => `\${${name}__${i}}`));
        for (const [name, value] of Object.entries(r.env)) env[`${name}__${i}`] = value;
        return { spec, target: r.url, fixtures: file };
      }),
    );
    const summary = await runConformance(
      { specs, options: { ...BASE_OPTIONS, ...options }, junit: join(dir, 'junit.xml'), color: false },
      { stdout: () => {}, stderr: () => {}, env, cwd: ROOT },
    );
    if (summary.results.collectionErrors.length > 0) throw new Error(`run did not load: ${summary.results.collectionErrors.join('; ')}`);
    const out = new Map<string, Verdict>();
    rows.forEach((row, i) => {
      const result = summary.results.specs.find((s) => s.meta?.target === readings[i]!.url);
      if (result === undefined) throw new Error(`no results for ${row.name} (${readings[i]!.url})`);
      out.set(row.name, verdictOf(result.families.flatMap((f) => f.cases)));
    });
    return out;
  } finally {
    await Promise.all(readings.map((r) => r.close()));
    await rm(dir, { recursive: true, force: true });
  }
}

function verdictOf(cases: CaseResult[]): Verdict {
  const ids = (keep: (c: CaseResult) => boolean) => [...new Set(cases.filter(keep).map((c) => c.requirementId))].sort();
  return {
    failing: ids((c) => c.status === 'failed' || c.status === 'error'),
    warned: ids((c) => c.warning),
    cases,
    notes: cases.filter((c) => c.status !== 'passed' || c.warning).map((c) => `${c.status}: ${c.name}: ${c.message ?? ''}`),
  };
}

/** The verdict of `name`, with its notes printed (they are the evidence when an assertion fails). */
export function verdictFor(verdicts: Map<string, Verdict>, name: string): Verdict {
  const v = verdicts.get(name);
  if (v === undefined) throw new Error(`no row ${name} in this batch`);
  for (const note of v.notes) console.log(`[${name}] ${note}`);
  return v;
}
