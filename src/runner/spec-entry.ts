/**
 * One spec of a run, as the CLI, the run plan, the vitest worker and `defineConformanceSuite` all
 * name it (`SpecEntry`), and the one function that turns it into what a run needs
 * (`resolveEntry`): the contract, the fixtures, the target (checked by the safety rails) and the
 * secrets to mask. The CLI resolves each entry before vitest starts; the worker resolves the same
 * entry again, trusting the spec the CLI validated when its sha256 is unchanged. The spec loader,
 * the profiles and the fixtures reader load only when needed: a worker handed the CLI's contracts
 * for the embedded mock never parses YAML.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Contract } from '../spec/contract.ts';
import type { LoadedSpec, MockConfig } from '../spec/mock-config.ts';
import type { LoadedFixtures } from '../fixtures/load-fixtures.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import { AuthconformError } from '../util/errors.ts';
import { hasUserinfo, querySecrets } from '../secrets/url-secrets.ts';
import { checkTargetSafety } from './safety.ts';
import { pinLocalhostName } from './pin-loopback.ts';
import type { SuiteOptions } from './options.ts';

export interface SpecEntry {
  /** bundled spec name (`linkfetch`) or path of a spec file */
  spec: string;
  /** target URL; absent (and no target in the fixtures) = the embedded mock */
  target?: string | undefined;
  /** fixtures file of a real target */
  fixtures?: string | undefined;
  /** self-tests only: defects switched on in the embedded mock (requirement ids) */
  mockDefects?: string[] | undefined;
  /**
   * sha256 of the spec file as already validated in this run (set by the CLI in the plan): a file
   * with this hash is loaded without validating it again
   */
  sha256?: string | undefined;
  /** profiles layered onto the spec (--profile): bundled names or files */
  profiles?: string[] | undefined;
}

export interface ResolvedEntry {
  contract: Contract;
  /** the embedded mock's configuration (seed credentials, behaviours) */
  mock: MockConfig;
  /** the fixtures file, loaded; absent without one */
  fixtures?: LoadedFixtures;
  /** the real target; absent = the embedded mock */
  target?: string;
  /** every credential value the run may send for this entry (the mock's own keys included) */
  secrets: string[];
  /** the files this entry reads (spec, seed, fixtures): no report may be written over one */
  inputFiles: string[];
  /** the profile files layered onto the spec (absolute paths) */
  profiles: string[];
}

export interface ResolveContext {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  options: Pick<SuiteOptions, 'allowInsecure' | 'allowLive'>;
  /**
   * the spec this entry loaded to earlier in the run (the CLI's, handed to the worker): taken as it
   * is when the entry's sha256 is the contract's and the spec file still has it
   */
  loaded?: LoadedSpec;
}

export async function resolveEntry(entry: SpecEntry, ctx: ResolveContext): Promise<ResolvedEntry> {
  const cwd = ctx.cwd ?? process.cwd();
  const profiles = entry.profiles ?? [];
  const { contract, mock } = reusable(entry, ctx.loaded) ?? (await loadEntrySpec(entry, profiles, cwd));
  const located = profiles.length === 0 ? [] : await locateProfiles(profiles, cwd);
  const out: ResolvedEntry = { contract, mock, secrets: [], inputFiles: [contract.file, ...located], profiles: located };
  if (mock.seed !== undefined) out.inputFiles.push(resolve(dirname(contract.file), mock.seed));
  if (entry.target !== undefined && hasUserinfo(entry.target)) {
    throw new AuthconformError('AC_USAGE', '--target holds a user name or password (user:password@host); give credentials in the fixtures');
  }
  if (entry.fixtures !== undefined) {
    out.inputFiles.push(resolve(cwd, entry.fixtures));
    const { loadFixtures } = await import('../fixtures/load-fixtures.ts');
    out.fixtures = await loadFixtures(entry.fixtures, contract, ctx.env ?? process.env, cwd, { ignoreTarget: entry.target !== undefined });
    out.secrets.push(...fixtureSecrets(out.fixtures.fixtures));
  }
  const given = entry.target ?? out.fixtures?.target;
  const target = given === undefined ? undefined : await pinLocalhostName(given);
  if (target !== undefined) {
    out.target = target;
    out.secrets.push(...querySecrets(target));
    checkTargetSafety({
      contract,
      mock,
      fixtures: out.fixtures?.fixtures ?? { credentials: {}, resources: {} },
      target,
      ...(entry.fixtures === undefined ? {} : { fixturesFile: entry.fixtures }),
      allowInsecure: ctx.options.allowInsecure,
      allowLive: ctx.options.allowLive,
    });
  } else if (entry.fixtures !== undefined) {
    throw new AuthconformError('AC_TARGET_INVALID', `${entry.fixtures}: no target: give --target or set target: in the fixtures`);
  } else {
    out.secrets.push(...mock.credentials.map((c) => c.value));
  }
  out.secrets = [...new Set(out.secrets.filter((s) => s !== ''))];
  return out;
}

async function loadEntrySpec(entry: SpecEntry, profiles: string[], cwd: string): Promise<LoadedSpec> {
  const { loadSpecWithProfiles } = await import('../spec/layer-profiles.ts');
  return loadSpecWithProfiles(entry.spec, profiles, { cwd, ...(entry.sha256 === undefined ? {} : { trustedSha256: entry.sha256 }) });
}

async function locateProfiles(profiles: string[], cwd: string): Promise<string[]> {
  const { locateProfile } = await import('../spec/profile.ts');
  return profiles.map((p) => locateProfile(p, cwd));
}

function reusable(entry: SpecEntry, loaded: LoadedSpec | undefined): LoadedSpec | undefined {
  const c = loaded?.contract;
  if (c === undefined || entry.sha256 === undefined || c.sha256 !== entry.sha256 || c.file !== entry.spec) return undefined;
  return fileSha256(c.file) === entry.sha256 ? loaded : undefined;
}

/** The entry as the worker gets it: absolute paths, the validated spec's hash. */
export function planEntry(entry: SpecEntry, resolved: ResolvedEntry, cwd: string): SpecEntry {
  const out: SpecEntry = { spec: resolved.contract.file, sha256: resolved.contract.sha256 };
  if (resolved.target !== undefined) out.target = resolved.target;
  if (entry.fixtures !== undefined) out.fixtures = resolve(cwd, entry.fixtures);
  if (resolved.profiles.length > 0) out.profiles = resolved.profiles;
  if (resolved.target === undefined && entry.mockDefects !== undefined && entry.mockDefects.length > 0) out.mockDefects = entry.mockDefects;
  return out;
}

/** Every secret value in the fixtures (keys, tokens, passwords). */
export function fixtureSecrets(fixtures: Fixtures): string[] {
  const out: string[] = [];
  for (const c of Object.values(fixtures.credentials)) {
    if (c === undefined) continue;
    if (c.value !== '') out.push(c.value);
    if (c.password !== undefined && c.password !== '') out.push(c.password);
  }
  return out;
}

function fileSha256(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file, 'utf8')).digest('hex');
  } catch {
    return undefined;
  }
}
