/**
 * The example servers started as `Reading`s (test/independent/second/harness.ts): the URL, the
 * environment their fixtures file reads, and how to stop them. On the wall clock: this is what
 * `authconform run --target` meets (scripts/examples-run.mts; later the batches of the run path).
 */
import type { Reading } from '../second/harness.ts';
import { startGithubLike, type LockoutNumbers } from './github-like-server.ts';
import { GITHUB_TWINS, type GithubTwinName } from './github-like-twins.ts';
import type { Example } from './rows.ts';
import { startStripeLike } from './stripe-like-server.ts';
import { STRIPE_TWINS, type StripeTwinName } from './stripe-like-twins.ts';

export const SPEC_OF: Record<Example, string> = {
  'stripe-like': 'examples/stripe-like/stripe-like.yaml',
  'github-like': 'examples/github-like/github-like.yaml',
};
export const FIXTURES_OF: Record<Example, string> = {
  'stripe-like': 'examples/stripe-like/stripe-like.independent.fixtures.yaml',
  'github-like': 'examples/github-like/github-like.independent.fixtures.yaml',
};

export async function stripeLikeReading(twin?: StripeTwinName): Promise<Reading> {
  const s = await startStripeLike(twin ? { twin: STRIPE_TWINS[twin] } : {});
  const c = s.credentials;
  return {
    url: s.url,
    close: s.close,
    env: {
      SL_INDEP_KEY: c.valid,
      SL_INDEP_TEST_KEY: c.test_mode,
      SL_INDEP_RESTRICTED_KEY: c.scoped,
      SL_INDEP_DELETED_KEY: c.revoked_expired,
      SL_INDEP_PUBLISHABLE_KEY: c.publishable,
      SL_INDEP_PUBLISHABLE_TEST_KEY: c.publishable_test,
      SL_INDEP_CUSTOMER_ID: c.customer_id,
      SL_INDEP_PLAIN_URL: c.plainUrl,
    },
  };
}

/** A lockout the run waits out in seconds: 10 invalid attempts within 2 s, for 3 s (github-like.lockout-run.fixtures.yaml says so). */
export const QUICK_LOCKOUT: LockoutNumbers = { after: 10, withinMs: 2_000, lastsMs: 3_000 };
/** A lockout no run reaches: 1,000 invalid attempts within a minute (the docs give no number). */
export const UNREACHED_LOCKOUT: LockoutNumbers = { after: 1_000, withinMs: 60_000, lastsMs: 60_000 };

/** @param lockout the server's lockout numbers (default: 10 within a minute, for 5 minutes) */
export async function githubLikeReading(twin?: GithubTwinName, lockout?: LockoutNumbers): Promise<Reading> {
  const s = await startGithubLike({ ...(twin ? { twin: GITHUB_TWINS[twin] } : {}), ...(lockout ? { lockout } : {}) });
  const c = s.credentials;
  return {
    url: s.url,
    close: s.close,
    env: { GH_INDEP_TOKEN: c.valid, GH_INDEP_NO_REPO_TOKEN: c.scoped, GH_INDEP_OTHER_USER_TOKEN: c.other_tenant, GH_INDEP_OWNER: c.owner, GH_INDEP_PRIVATE_REPO: c.private_repo },
  };
}

/**
 * What every `authconform run` batch of the GitHub-like servers shares: the spec, the server of a
 * row's twin ('faithful': none) with these lockout numbers, and the variables its fixtures read.
 */
export function githubLikeServers(lockout: LockoutNumbers): { spec: string; start(twin: string): Promise<Reading>; env(server: Reading): Record<string, string | undefined> } {
  return {
    spec: SPEC_OF['github-like'],
    start: (twin) => githubLikeReading(twin === 'faithful' ? undefined : (twin as GithubTwinName), lockout),
    env: (server) => server.env,
  };
}

/** Starts the faithful server of `example`, or one of its twins. */
export const START_EXAMPLE: Record<Example, (twin?: string) => Promise<Reading>> = {
  'stripe-like': (twin) => stripeLikeReading(twin as StripeTwinName | undefined),
  'github-like': (twin) => githubLikeReading(twin as GithubTwinName | undefined),
};
