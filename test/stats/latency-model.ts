/**
 * Seeded loopback-latency samples for the timing statistics tests: lognormal answers around a
 * sub-millisecond to 2 ms median, with occasional ~20 ms stalls (GC, scheduler), in milliseconds
 * rounded to the microsecond like hrtime-based measurements.
 */
import { lognormal, type Random } from '../../src/stats/seeded-random.ts';

export interface LatencyModel {
  medianMs: number;
  sigmaLog: number;
  /** share of answers that stall */
  outlierRate: number;
  /** stalls are uniform in [outlierMs − 5, outlierMs + 5] */
  outlierMs: number;
}

export const LOOPBACK: LatencyModel = { medianMs: 0.7, sigmaLog: 0.6, outlierRate: 0.02, outlierMs: 20 };
export const NOISY_LOOPBACK: LatencyModel = { medianMs: 2, sigmaLog: 1, outlierRate: 0.05, outlierMs: 20 };

export function drawLatencies(random: Random, model: LatencyModel, n: number, shiftMs = 0): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const base = random() < model.outlierRate ? model.outlierMs - 5 + 10 * random() : lognormal(random, model.medianMs, model.sigmaLog);
    out.push(Math.round((base + shiftMs) * 1000) / 1000);
  }
  return out;
}
