/** How a secret is shown when it must be named: its documented prefix, '…', at most four characters. */

/** The longest of `knownPrefixes` that `secret` starts with ('' when none). */
export function longestPrefix(secret: string, knownPrefixes: readonly string[]): string {
  let best = '';
  for (const p of knownPrefixes) if (p.length > best.length && secret.startsWith(p)) best = p;
  return best;
}

/**
 * The documented prefix (the longest of `knownPrefixes` the secret starts with), '…', and the
 * last four characters. When 12 characters or fewer follow the prefix, no tail is shown.
 *
 * maskSecret('sk_live_EXAMPLEexampleEXAMPLEp7dc', ['sk_live_']) === 'sk_live_…p7dc'
 */
export function maskSecret(secret: string, knownPrefixes: readonly string[] = []): string {
  const prefix = longestPrefix(secret, knownPrefixes);
  return `${prefix}…${maskTail(secret.slice(prefix.length))}`;
}

/** The tail a mask may show of a body: its last four characters when more than 12 follow the prefix. */
export function maskTail(body: string): string {
  if (body.length <= 12) return '';
  const end = [...body.slice(-8)];
  return end.slice(-4).join(''); // whole code points, never half a surrogate pair
}
