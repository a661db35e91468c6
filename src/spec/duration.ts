/**
 * ISO 8601 durations (`PT24H`, `P1D`, `PT23H59M`) → milliseconds. The whole text must have the
 * ISO shape (tinyduration alone accepts trailing garbage such as `PT1HOUR`); tinyduration then
 * gives the values. Calendar units are fixed-length here: a week is 7 days, a month 30 days, a
 * year 365 days.
 */
import { parse } from 'tinyduration';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const NUM = String.raw`\d+(?:[.,]\d+)?`;
const ISO_DURATION = new RegExp(
  `^P(?=.)(?:${NUM}Y)?(?:${NUM}M)?(?:${NUM}W)?(?:${NUM}D)?(?:T(?=.)(?:${NUM}H)?(?:${NUM}M)?(?:${NUM}S)?)?$`,
);

/** Milliseconds of a non-negative ISO 8601 duration, or undefined when it is not one. */
export function durationMs(text: string): number | undefined {
  if (!ISO_DURATION.test(text)) return undefined;
  let d;
  try {
    d = parse(text);
  } catch {
    return undefined;
  }
  const ms =
    (d.years ?? 0) * 365 * DAY +
    (d.months ?? 0) * 30 * DAY +
    (d.weeks ?? 0) * 7 * DAY +
    (d.days ?? 0) * DAY +
    (d.hours ?? 0) * HOUR +
    (d.minutes ?? 0) * MINUTE +
    (d.seconds ?? 0) * SECOND;
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}
