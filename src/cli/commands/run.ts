/**
 * `authconform run [spec...]`: the conformance suite against a target (or the embedded mock),
 * live console output, JUnit XML. Exit 0 clean, 1 conformance failure, 2 usage/config error,
 * 130 interrupted. Every input is checked before vitest starts.
 */
import { SUITE_DEFAULTS } from '../../runner/options.ts';
import type { LevelOption, SuiteOptions } from '../../runner/options.ts';
import type { SpecEntry } from '../../runner/spec-entry.ts';
import { isHttpUrl } from '../../fixtures/fixture-reader.ts';
import type { CliCommand } from '../command.ts';
import { parseCommandArgs, read, usageError } from '../parse-args.ts';
import { JSON_OPTION, readReportFiles, REPORT_OPTIONS } from '../report-options.ts';
import { parseShard } from '../../runner/shard.ts';
import { OPTION_RANGES } from '../option-ranges.ts';
import { PROFILE_OPTION } from '../profile-option.ts';
import { presentBundledSpecs } from '../../spec/bundled.ts';

const LEVELS: readonly LevelOption[] = ['must', 'should', 'all'];

export const command: CliCommand = {
  name: 'run',
  summary: 'run the conformance suite against a target (default: the embedded mock) and write JUnit XML and the other reports',
  args: '[spec...]',
  argsHelp: 'bundled names (linkfetch) or .yaml paths (also --spec); none = every bundled spec',
  options: [
    { flags: '--spec <SPEC>', help: 'a spec, as the positional argument (repeatable)', repeatable: true },
    { flags: '--target <URL>', help: 'base URL of the API under test; none = the embedded mock' },
    { flags: '--fixtures <FILE>', help: 'credentials and resources of the target (YAML, ${VAR} from the environment)' },
    PROFILE_OPTION,
    { flags: '--junit <FILE>', help: 'JUnit XML file', default: 'reports/junit.xml' },
    JSON_OPTION,
    ...REPORT_OPTIONS,
    { flags: '--shard <I/N>', help: 'run part I of N (deterministic: by spec, then by probe family; a spec\'s rate-limit families stay together); merge the records with `authconform merge`' },
    { flags: '--only <IDS>', help: 'requirement ids or probe families to run (comma-separated, repeatable)', repeatable: true },
    {
      flags: '--level <LEVEL>',
      help: 'must: MUST cases only; should: MUST+SHOULD, SHOULD failures fail; all: every case, SHOULD failures fail. Default: every case, only MUST failures fail',
      choices: LEVELS,
    },
    { flags: '--strict', help: 'SHOULD failures fail the run' },
    { flags: '--concurrency <N>', help: 'concurrent requests per origin', integer: OPTION_RANGES['--concurrency'], default: String(SUITE_DEFAULTS.concurrency) },
    { flags: '--max-requests <N>', help: 'most requests the whole run may send (0: send none, every case is skipped)', integer: OPTION_RANGES['--max-requests'] },
    { flags: '--timeout <MS>', help: 'per-request timeout, ms', integer: OPTION_RANGES['--timeout'], default: String(SUITE_DEFAULTS.timeoutMs) },
    { flags: '--max-wait <MS>', help: 'longest wait for a rate-limit reset on a real target, ms', integer: OPTION_RANGES['--max-wait'], default: String(SUITE_DEFAULTS.maxWaitMs) },
    { flags: '--writes', help: 'allow requests that change state (POST, PUT, PATCH, DELETE) on a real target' },
    { flags: '--spend-quota', help: 'allow exhausting limits with windows longer than a minute (daily quotas) on a real target' },
    { flags: '--destructive', help: 'alias for --writes --spend-quota' },
    { flags: '--allow-insecure', help: 'allow credentials over plain http to a non-loopback host' },
    { flags: '--allow-live', help: 'allow keys with a live prefix against any target but the embedded mock (loopback too)' },
  ],
  async run(argv, io) {
    const parsed = parseCommandArgs(command, argv);
    const values = {
      target: read.string(parsed, 'target'),
      fixtures: read.string(parsed, 'fixtures'),
      junit: read.string(parsed, 'junit'),
    };
    const positionals = [...parsed.positionals, ...read.strings(parsed, 'spec')];
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
    const options: Partial<SuiteOptions> = {
      level: read.string(parsed, 'level') as LevelOption | undefined,
      strict: read.flag(parsed, 'strict'),
      concurrency: read.number(parsed, 'concurrency'),
      maxRequests: read.number(parsed, 'max-requests'),
      timeoutMs: read.number(parsed, 'timeout'),
      maxWaitMs: read.number(parsed, 'max-wait'),
      writes: read.flag(parsed, 'writes'),
      spendQuota: read.flag(parsed, 'spend-quota'),
      destructive: read.flag(parsed, 'destructive'),
      only: read.strings(parsed, 'only').flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== ''),
      allowInsecure: read.flag(parsed, 'allow-insecure'),
      allowLive: read.flag(parsed, 'allow-live'),
    };
    const profiles = read.strings(parsed, 'profile');
    // profiles without specs: every bundled spec, each with the profiles
    const names = positionals.length > 0 || profiles.length === 0 ? positionals : presentBundledSpecs();
    const specs: SpecEntry[] = names.map((spec) => ({
      spec,
      ...(values.target === undefined ? {} : { target: values.target }),
      ...(values.fixtures === undefined ? {} : { fixtures: values.fixtures }),
      ...(profiles.length === 0 ? {} : { profiles }),
    }));
    const shard = read.string(parsed, 'shard');
    const { junit: _junit, ...reports } = readReportFiles(parsed);
    const { runConformance } = await import('../../runner/run-conformance.ts');
    const summary = await runConformance(
      {
        specs,
        options,
        reports,
        ...(shard === undefined ? {} : { shard: parseShard(shard) }),
        ...(values.junit === undefined ? {} : { junit: values.junit }),
        ...(read.flag(parsed, 'no-color') ? { color: false } : {}),
      },
      io,
    );
    return summary.exitCode;
  },
};
