/**
 * A virtual clock for self-tests of the timing probe: each answer of the in-process mock takes a
 * seeded, lognormal service time (median 0.7 ms, σlog 0.6, 2 % stalls of 15–25 ms: the noisy
 * loopback model of test/stats) plus whatever the mock was asked to wait (`sleep`, the timing
 * defect's delay), and no real time passes for either. Timing verdicts are then a function of the
 * seed, never of the machine's load.
 */
import { lognormal, seededRandom } from '../stats/index.ts';
import type { ProbeRequest, ProbeResponse } from '../transport/types.ts';

export interface VirtualLatency {
  /** the mock's `sleep` option: adds to the current answer's time */
  sleep(ms: number): Promise<void>;
  /** the probe context's clock */
  clock(): number;
  /** a send whose answers advance the clock by their virtual time */
  wrap(send: (req: ProbeRequest) => Promise<ProbeResponse>): (req: ProbeRequest) => Promise<ProbeResponse>;
}

export function virtualLatency(seed: number): VirtualLatency {
  const random = seededRandom(seed);
  let now = 0;
  let waited = 0;
  return {
    sleep: async (ms) => {
      waited += ms;
    },
    clock: () => now,
    wrap: (send) => async (req) => {
      const res = await send(req);
      const stall = random() < 0.02 ? 15 + 10 * random() : 0;
      now += lognormal(random, 0.7, 0.6) + stall + waited;
      waited = 0;
      return res;
    },
  };
}
