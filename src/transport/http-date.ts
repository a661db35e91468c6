/**
 * HTTP-date (RFC 9110 §5.6.7) and Retry-After (RFC 9110 §10.2.3).
 *
 * Recipients accept all three formats (IMF-fixdate, obsolete RFC 850 and
 * asctime); senders must produce IMF-fixdate, which {@link isStrictRetryAfter}
 * checks.
 */

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const DAY_NAMES_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

// Sun, 06 Nov 1994 08:49:37 GMT
const IMF_FIXDATE = /^([A-Za-z]{3}), (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
// Sunday, 06-Nov-94 08:49:37 GMT
const RFC850_DATE = /^([A-Za-z]{6,9}), (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
// Sun Nov  6 08:49:37 1994
const ASCTIME_DATE = /^([A-Za-z]{3}) ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

interface DateParts {
  dayName: string;
  day: number;
  month: string;
  year: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Parses an HTTP-date in any of the three formats RFC 9110 asks recipients to
 * accept. Returns ms since epoch, or undefined when the value is not an
 * HTTP-date or names an impossible date/time.
 *
 * @param nowMs reference clock for the two-digit RFC 850 year (a year more than
 *   50 years in the future means the previous century). @default Date.now()
 */
export function parseHttpDate(value: string, nowMs: number = Date.now()): number | undefined {
  const text = value.trim();
  let m = IMF_FIXDATE.exec(text);
  if (m) return toMs(partsOf(m, [1, 2, 3, 4, 5, 6, 7]), false);
  m = ASCTIME_DATE.exec(text);
  if (m) return toMs(partsOf(m, [1, 3, 2, 7, 4, 5, 6]), false);
  m = RFC850_DATE.exec(text);
  if (m) {
    const parts = partsOf(m, [1, 2, 3, 4, 5, 6, 7]);
    const nowYear = new Date(nowMs).getUTCFullYear();
    let year = Math.floor(nowYear / 100) * 100 + parts.year;
    if (year > nowYear + 50) year -= 100;
    return toMs({ ...parts, year }, false);
  }
  return undefined;
}

/** True when `value` is exactly an IMF-fixdate with a correct day name and a real date. */
export function isImfFixdate(value: string): boolean {
  const m = IMF_FIXDATE.exec(value);
  return m !== null && toMs(partsOf(m, [1, 2, 3, 4, 5, 6, 7]), true) !== undefined;
}

/** Formats ms since epoch as an IMF-fixdate (what `Date.prototype.toUTCString` gives). */
export function formatHttpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/**
 * Retry-After → seconds to wait, or undefined when unparseable.
 *
 * delay-seconds (`^\d+$`) are taken as is; an HTTP-date is measured against the
 * response's own Date header (not the local clock, which may be skewed), and
 * against Date.now() only when the response had no Date. A date in the past
 * gives 0.
 */
export function parseRetryAfter(value: string, responseDateMs?: number): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = parseHttpDate(text);
  if (at === undefined) return undefined;
  const reference = responseDateMs ?? Date.now();
  return Math.max(0, Math.ceil((at - reference) / 1000));
}

/** True when a Retry-After value is strictly valid per RFC 9110: `1*DIGIT` or an IMF-fixdate. */
export function isStrictRetryAfter(value: string): boolean {
  return /^\d+$/.test(value) || isImfFixdate(value);
}

function partsOf(m: RegExpExecArray, idx: [number, number, number, number, number, number, number]): DateParts {
  const g = (i: number): string => m[i] ?? '';
  return {
    dayName: g(idx[0]),
    day: Number(g(idx[1]).trim()),
    month: g(idx[2]),
    year: Number(g(idx[3])),
    hour: Number(g(idx[4])),
    minute: Number(g(idx[5])),
    second: Number(g(idx[6])),
  };
}

function toMs(p: DateParts, strict: boolean): number | undefined {
  const month = strict
    ? MONTHS.indexOf(p.month as (typeof MONTHS)[number])
    : MONTHS.findIndex((name) => name.toLowerCase() === p.month.toLowerCase());
  if (month < 0) return undefined;
  if (p.hour > 23 || p.minute > 59 || p.second > 60 || p.day < 1 || p.day > 31) return undefined;
  const check = new Date(0);
  check.setUTCFullYear(p.year, month, p.day); // not Date.UTC: it maps years 0-99 to 1900-1999
  check.setUTCHours(p.hour, p.minute, Math.min(p.second, 59), 0);
  const ms = check.getTime();
  if (check.getUTCDate() !== p.day || check.getUTCMonth() !== month) return undefined; // e.g. 30 Feb
  // strict: the day name must be right; lenient: any real day name (the date itself is authoritative)
  const dayNameOk = strict ? DAY_NAMES[check.getUTCDay()] === p.dayName : isAnyDayName(p.dayName);
  if (!dayNameOk) return undefined;
  return ms;
}

function isAnyDayName(name: string): boolean {
  const lower = name.toLowerCase();
  return [...DAY_NAMES, ...DAY_NAMES_LONG].some((n) => n.toLowerCase() === lower);
}
