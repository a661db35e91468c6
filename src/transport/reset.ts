/**
 * Seconds until a rate-limit window resets, from an `x-ratelimit-reset`-style
 * header value.
 *
 * - `delta-seconds`: the value is the number of seconds to wait.
 * - `epoch-seconds`: the value is a Unix time; the wait is measured against the
 *   response's Date header (the server's clock), not the local clock; Date.now()
 *   is the fallback only when the response had no Date header.
 *
 * Returns undefined for a value that is not a non-negative number; never
 * returns a negative wait (a reset in the past gives 0).
 */
export function resetDelaySeconds(
  value: string,
  unit: 'epoch-seconds' | 'delta-seconds',
  responseDateMs: number | undefined,
): number | undefined {
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) return undefined;
  if (unit === 'delta-seconds') return n;
  const reference = responseDateMs ?? Date.now();
  return Math.max(0, n - reference / 1000);
}
