/**
 * The context one case runs in: its own exchange log and secret list, the send of the origin a
 * request names (built once by the runner, src/transport/origins.ts) wrapped so that every exchange (failed ones too, with their TransportError) is recorded and
 * every credential a request carries becomes a secret to mask.
 */
import type { Contract } from '../spec/contract.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import { isTransportError } from '../transport/errors.ts';
import { originOf, type Origins } from '../transport/origins.ts';
import type { OriginName } from '../transport/types.ts';
import type { MockControl, ProbeContext, RunOptions } from './model.ts';
import { fixtureSecrets } from './request-builder.ts';
import type { SharedSteps } from './step-memo.ts';
import { INVALID_ATTEMPT_WINDOW, type RefusalPacer } from './refusal-pacer.ts';

export interface ProbeContextInit {
  contract: Contract;
  fixtures: Fixtures;
  /** one client per origin; their send throws TransportError */
  origins: Origins;
  control?: MockControl;
  options: RunOptions;
  /** @default a real timer */
  sleep?: (ms: number, what?: string) => Promise<void>;
  /** monotonic ms for the timing probe; default performance.now() */
  clock?: () => number;
  /** @default silent */
  announce?: (what: string, ms: number) => void;
  /** one store for every case of a run whose target keeps its state between cases; @default none */
  shared?: SharedSteps;
  /** the run's invalid-attempt budget where the target locks clients out (refusal-pacer.ts) */
  pacer?: RefusalPacer;
}

export function createProbeContext(init: ProbeContextInit): ProbeContext {
  const exchanges: ProbeContext['exchanges'] = [];
  const secrets: string[] = [...new Set(fixtureSecrets(init.fixtures))];
  const addSecrets = (values: string[] = []): void => {
    for (const s of values) if (s !== '' && !secrets.includes(s)) secrets.push(s);
  };
  const ctx: ProbeContext = {
    contract: init.contract,
    fixtures: init.fixtures,
    origins: Object.keys(init.origins) as OriginName[],
    exchanges,
    options: init.options,
    secrets,
    sleep: init.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    clock: init.clock ?? (() => performance.now()),
    resolve: (req) => originOf(init.origins, req).resolve(req),
    async send(built) {
      addSecrets(built.secrets);
      const client = originOf(init.origins, built);
      const req = client.resolve(built);
      const pacer = init.pacer;
      if (pacer !== undefined) await pacer.before(req, { now: () => Date.now(), sleep: (ms) => ctx.sleep(ms, INVALID_ATTEMPT_WINDOW), maxWaitMs: init.options.maxWaitMs });
      try {
        const response = await client.send(req);
        pacer?.after(req, response, Date.now());
        exchanges.push({ request: req, response });
        return response;
      } catch (err) {
        if (isTransportError(err)) exchanges.push({ request: req, error: err });
        throw err;
      }
    },
  };
  if (init.control !== undefined) ctx.control = init.control;
  if (init.announce !== undefined) ctx.announce = init.announce;
  if (init.shared !== undefined) ctx.shared = init.shared;
  if (init.pacer !== undefined) ctx.pacer = init.pacer;
  return ctx;
}
