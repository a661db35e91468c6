/**
 * `authconform run [spec...]`: the conformance suite against a target (or the embedded mock),
 * live console output, JUnit XML. Exit 0 clean, 1 conformance failure, 2 usage/config error,
 * 130 interrupted. Every input is checked before vitest starts.
 */
import type { LevelOption, SuiteOptions } from '../../runner/options.ts';
import type { RunRequestSpec } from '../../runner/prepare-run.ts';
import { isHttpUrl } from '../../fixtures/fixture-reader.ts';
import type { CliCommand } from '../command.ts';
import { parseCommandArgs, usageError } from '../parse-args.ts';
import { parseIntegerOption, type RangedOption } from '../option-ranges.ts';

const LEVELS: readonly LevelOption[] = ['must', 'should', 'all'];

export const command: CliCommand = {
  name: 'run',
  summary: 'run the conformance suite against a target (default: the embedded mock) and write JUnit XML',
  usage: [
    'authconform run [spec...] [--target URL] [--fixtures FILE] [--junit FILE] [--only ID,...]',
    '    [--level must|should|all] [--strict] [--concurrency N] [--max-requests N] [--timeout MS]',
    '    [--max-wait MS] [--destructive] [--allow-insecure] [--allow-live]',
    '  spec           bundled name (linkfetch) or .yaml path (also --spec, repeatable); none = every bundled spec',
    '  --target       base URL of the API under test; none = the embedded mock',
    '  --fixtures     credentials and resources of the target (YAML, ${VAR} from the environment)',
    '  --junit        JUnit XML file (default reports/junit.xml)',
    '  --only         requirement ids or probe families to run (comma-separated, repeatable)',
    '  --level        must: MUST cases only; should: MUST+SHOULD, SHOULD failures fail; all: every case,',
    '                 SHOULD failures fail. Default: every case, only MUST failures fail',
    '  --strict       SHOULD failures fail the run',
    '  --concurrency  concurrent requests per origin (default 4)',
    '  --max-requests most requests the whole run may send (0: send none, every case is skipped)',
    '  --timeout      per-request timeout, ms (default 10000)',
    '  --max-wait     longest wait for a rate-limit reset on a real target, ms (default 65000)',
    '  --destructive  allow state-changing requests and daily-limit exhaustion on a real target',
    '  --allow-insecure  allow credentials over plain http to a non-loopback host',
    '  --allow-live   allow keys with a live prefix against any target but the embedded mock (loopback too)',
  ].join('\n'),
  async run(argv, io) {
    const parsed = parseCommandArgs(command, argv, {
      spec: { type: 'string', multiple: true },
      target: { type: 'string' },
      fixtures: { type: 'string' },
      junit: { type: 'string' },
      only: { type: 'string', multiple: true },
      level: { type: 'string' },
      strict: { type: 'boolean' },
      concurrency: { type: 'string' },
      'max-requests': { type: 'string' },
      timeout: { type: 'string' },
      'max-wait': { type: 'string' },
      destructive: { type: 'boolean' },
      'allow-insecure': { type: 'boolean' },
      'allow-live': { type: 'boolean' },
      'no-color': { type: 'boolean' },
    });
    const { values } = parsed;
    const positionals = [...parsed.positionals, ...(values.spec ?? [])];
    if (values.target !== undefined && !isHttpUrl(values.target)) {
      throw usageError(command, '--target must be an absolute http:// or https:// URL');
    }
    if (positionals.length > 1 && values.fixtures !== undefined) {
      throw usageError(command, '--fixtures describes one target: give exactly one spec with it');
    }
    if (positionals.length > 1 && values.target !== undefined) {
      throw usageError(command, '--target is the URL of one API: give exactly one spec with it');
    }
    if ((values.target !== undefined || values.fixtures !== undefined) && positionals.length === 0) {
      throw usageError(command, `--${values.target !== undefined ? 'target' : 'fixtures'} needs the spec of that API`);
    }
    if (values.level !== undefined && !(LEVELS as readonly string[]).includes(values.level)) {
      throw usageError(command, `--level must be one of ${LEVELS.join(', ')}`);
    }
    const options: Partial<SuiteOptions> = {
      level: values.level as LevelOption | undefined,
      strict: values.strict,
      concurrency: integer('--concurrency', values.concurrency),
      maxRequests: integer('--max-requests', values['max-requests']),
      timeoutMs: integer('--timeout', values.timeout),
      maxWaitMs: integer('--max-wait', values['max-wait']),
      destructive: values.destructive,
      only: (values.only ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== ''),
      allowInsecure: values['allow-insecure'],
      allowLive: values['allow-live'],
    };
    const specs: RunRequestSpec[] = positionals.map((spec) => ({
      spec,
      ...(values.target === undefined ? {} : { target: values.target }),
      ...(values.fixtures === undefined ? {} : { fixtures: values.fixtures }),
    }));
    const { runConformance } = await import('../../runner/run-conformance.ts');
    const summary = await runConformance(
      {
        specs,
        options,
        ...(values.junit === undefined ? {} : { junit: values.junit }),
        ...(values['no-color'] === true ? { color: false } : {}),
      },
      io,
    );
    return summary.exitCode;
  },
};

function integer(flag: RangedOption, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const parsed = parseIntegerOption(flag, raw);
  if ('error' in parsed) throw usageError(command, parsed.error);
  return parsed.value;
}
