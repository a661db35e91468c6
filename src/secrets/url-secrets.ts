/**
 * Secrets a URL may carry: userinfo (`https://user:password@host`) is refused outright — the
 * URL is printed in every report — and query parameters named like a secret (or holding a known
 * one) join the run's secrets, so the URL is shown with them masked.
 */

/** Parameter names whose values are secrets. */
export const SECRET_PARAM = /key|token|secret|password|passwd|pwd|signature|sig|auth|credential/i;

/** Whether `url` (absolute) carries a user name or a password. */
export function hasUserinfo(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}

/** The values of query parameters whose name says they are secret (raw and decoded). */
export function querySecrets(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const [name, value] of u.searchParams) {
    if (value !== '' && SECRET_PARAM.test(name)) out.push(value, encodeURIComponent(value));
  }
  return [...new Set(out)];
}
