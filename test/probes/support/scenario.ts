/**
 * One table row of a family test: the acme API (conformant, or bent by `tweak`), a case title,
 * and the verdict (and exact message) the case must reach.
 */
import type { Contract } from '../../../src/spec/contract.ts';
import type { Fixtures } from '../../../src/fixtures/fixtures.ts';
import type { Outcome, RunOptions, Verdict } from '../../../src/probes/model.ts';
import { acmeApi, type AcmeApiOptions } from './acme-api.ts';
import { acmeContract, acmeFixtures } from './acme-contract.ts';
import { acmeRequirements } from './acme-requirements.ts';
import { runOne } from './run.ts';
import { startTarget } from './server.ts';

export interface Scenario {
  /** what the target does */
  name: string;
  /** the case title */
  title: string;
  api?: AcmeApiOptions;
  contract?: Contract;
  fixtures?: Fixtures;
  /** run as on the mock (with the in-process control); default true */
  mock?: boolean;
  options?: Partial<RunOptions>;
  verdict: Verdict;
  /** the exact outcome message, when the row pins it */
  message?: string;
}

export async function play(s: Scenario): Promise<Outcome> {
  const api = acmeApi(s.api);
  const target = await startTarget(api.handler);
  try {
    const mock = s.mock ?? true;
    return await runOne({
      contract: s.contract ?? acmeContract(acmeRequirements()),
      fixtures: s.fixtures ?? acmeFixtures(),
      baseUrl: target.url,
      title: s.title,
      ...(mock ? { control: api.control } : {}),
      ...(s.options === undefined ? {} : { options: s.options }),
      // waits on "real" targets move the fake's clock instead of sleeping
      sleep: async (ms) => {
        await api.control.advance(ms);
      },
    });
  } finally {
    await target.close();
  }
}

/** Verdict and message of a row, for one exact assertion. */
export async function verdictOf(s: Scenario): Promise<{ verdict: Verdict; message?: string }> {
  const o = await play(s);
  return s.message === undefined ? { verdict: o.verdict } : { verdict: o.verdict, message: o.message };
}

export function expected(s: Scenario): { verdict: Verdict; message?: string } {
  return s.message === undefined ? { verdict: s.verdict } : { verdict: s.verdict, message: s.message };
}
