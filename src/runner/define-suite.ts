/**
 * Generates the vitest suite of one spec: `describe(<spec>)` → `describe(<family>)` →
 * `test('<REQUIREMENT-ID> <title>')`, one test per planned case (so `vitest -t LINKFETCH-AUTH-03`
 * filters). Call it at the top level of a test file: `await defineConformanceSuite({ spec })`.
 *
 * With no target and no fixtures the embedded mock serves the spec (control API on, reset before
 * every case). One transport per spec; one request budget per process, shared by every spec.
 */
import { afterAll, describe, test } from 'vitest';
import type { Contract } from '../spec/contract.ts';
import { loadContract } from '../spec/load.ts';
import { planCases } from '../probes/registry.ts';
import { createProbeContext } from '../probes/context.ts';
import type { Case } from '../probes/model.ts';
import { createTransport } from '../transport/client.ts';
import { RequestBudget } from '../transport/budget.ts';
import type { TransportOptions } from '../transport/types.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import { caseTimeoutMs, describeLevel, levelFailsRun, resolveSuiteOptions, type SuiteOptions } from './options.ts';
import { selectCases, type PlannedFamily } from './select-cases.ts';
import { prepareTarget, type PreparedTarget } from './target.ts';
import { createRedactor, type Redactor } from './redactor.ts';
import { querySecrets } from '../secrets/url-secrets.ts';
import { runCaseTest } from './case-test.ts';
import type { CaseMeta, FamilyMeta, SpecMeta } from './meta.ts';

export type { SuiteOptions } from './options.ts';

export interface SuiteEntry {
  /** bundled spec name (`linkfetch`) or path of a spec file */
  spec: string;
  /** target URL; absent (and no fixtures) = the embedded mock */
  target?: string | undefined;
  /** fixtures file for a real target */
  fixtures?: string | undefined;
  options?: Partial<SuiteOptions>;
  /** self-tests only: defects switched on in the embedded mock */
  mockDefects?: string[];
}

/** One budget per process: `maxRequests` bounds the whole run, not each spec. */
let processBudget: RequestBudget | undefined;

function sharedBudget(maxRequests: number | undefined): RequestBudget {
  processBudget ??= new RequestBudget(maxRequests);
  return processBudget;
}

export async function defineConformanceSuite(entry: SuiteEntry): Promise<void> {
  const options = resolveSuiteOptions(entry.options);
  const contract = await loadContract(entry.spec);
  const target = await prepareTarget(contract, entry, options);
  let families: PlannedFamily[];
  try {
    families = selectCases(planCases(contract, target.fixtures, { mock: target.mock }), options);
  } catch (err) {
    await target.close();
    throw err;
  }
  if (families.length === 0) {
    // --only / --level leave nothing of this spec: no empty describe (vitest would call it an error)
    await target.close();
    return;
  }
  const transport = createTransport(transportOptions(contract, target, options));
  const keyPrefixes = [...contract.keyFormat.live, ...contract.keyFormat.test];
  const fixtureSecrets = [...secretsOf(target.fixtures), ...querySecrets(target.baseUrl)];
  const redactorFor = (extra: string[]): Redactor => createRedactor([...fixtureSecrets, ...extra], keyPrefixes);
  const redact = redactorFor([]);
  const specMeta: SpecMeta = {
    spec: contract.name,
    title: contract.title,
    sha256: contract.sha256,
    target: redact(target.baseUrl),
    mock: target.mock,
    level: describeLevel(options),
    keyPrefixes,
  };

  describe(contract.name, { meta: { authconformSpec: specMeta } }, () => {
    afterAll(async () => {
      // specMeta is the object on the suite's meta: reporters see the count when the suite ends
      specMeta.requests = transport.requestsSent;
      await transport.close();
      await target.close();
    });
    for (const { family, cases } of families) {
      const familyMeta: FamilyMeta = { spec: contract.name, family: family.id, title: family.title };
      describe(family.id, { meta: { authconformFamily: familyMeta } }, () => {
        for (const testCase of cases) {
          const meta = caseMeta(contract, specMeta, testCase, options);
          test(testCase.name, { meta: { authconform: meta }, timeout: caseTimeoutMs(options) }, (ctx) =>
            runCaseTest(
              {
                testCase,
                redactorFor,
                makeContext: async () => {
                  await target.control?.reset();
                  return createProbeContext({
                    contract,
                    fixtures: target.fixtures,
                    baseUrl: target.baseUrl,
                    send: (req) => transport.send(req),
                    ...(target.control === undefined ? {} : { control: target.control }),
                    options: { destructive: options.destructive, maxWaitMs: options.maxWaitMs },
                  });
                },
              },
              ctx,
            ),
          );
        }
      });
    }
  });
}

function transportOptions(contract: Contract, target: PreparedTarget, options: SuiteOptions): TransportOptions {
  const rl = contract.rateLimit;
  const out: TransportOptions = {
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs,
    budget: sharedBudget(options.maxRequests),
    // the mock is reset before every case, so its counters never carry over: pausing would only wait
    rateLimitAware: !target.mock,
    maxPauseMs: options.maxWaitMs,
  };
  if (rl?.headers !== undefined && rl.resetUnit !== undefined) {
    out.rateLimitHeaders = {
      remaining: rl.headers.remaining.toLowerCase(),
      reset: rl.headers.reset.toLowerCase(),
      resetUnit: rl.resetUnit,
    };
  }
  return out;
}

function caseMeta(contract: Contract, spec: SpecMeta, c: Case, options: SuiteOptions): CaseMeta {
  const source = contract.sources[c.requirement.source.doc];
  const quote = c.requirement.source.quote === undefined ? '' : `: "${c.requirement.source.quote}"`;
  return {
    spec: contract.name,
    family: c.family,
    requirementId: c.requirement.id,
    level: c.level,
    statement: c.requirement.statement,
    source: `${source?.title ?? c.requirement.source.doc} › ${c.requirement.source.section}${quote}`,
    sha256: spec.sha256,
    target: spec.target,
    evidence: [],
    findings: [],
    failsRun: levelFailsRun(c.level, options),
  };
}

/** Every secret value in the fixtures (keys, tokens, passwords). */
function secretsOf(fixtures: Fixtures): string[] {
  const out: string[] = [];
  for (const c of Object.values(fixtures.credentials)) {
    if (c === undefined) continue;
    if (c.value !== '') out.push(c.value);
    if (c.password !== undefined && c.password !== '') out.push(c.password);
  }
  return out;
}
