/** Statistics of the timing probe; pure functions, no I/O, no imports from the rest of src. */
export { erfc, normalCdf, normalQuantile, normalSf } from './normal.ts';
export { midRanks, type RankedPool } from './ranks.ts';
export { mannWhitneyU, type MannWhitneyResult } from './mann-whitney.ts';
export { shiftEstimate, type ShiftEstimate } from './shift-estimate.ts';
export {
  TIMING_DEFAULTS,
  noetherPerGroup,
  planSampleSize,
  superiorityFromNormal,
  superiorityFromPilot,
  type SampleSizePlan,
  type SampleSizeRequest,
} from './sample-size.ts';
export { interleave, type InterleavedRequest } from './interleave.ts';
export { compareTimings, describeComparison, type CompareOptions, type TimingComparison, type TimingVerdict } from './compare-timings.ts';
export { lognormal, seededRandom, standardNormal, type Random } from './seeded-random.ts';
