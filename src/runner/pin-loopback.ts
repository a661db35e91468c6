/**
 * `*.localhost` names: loopback only when they resolve to loopback (RFC 6761 asks resolvers to,
 * but a resolver may not), and then the run talks to the address it resolved — the name is not
 * looked up again, so a later answer cannot send the credentials elsewhere.
 */
import { lookup } from 'node:dns/promises';

function isLoopbackAddress(address: string): boolean {
  return address === '::1' || /^127(\.\d{1,3}){3}$/.test(address);
}

/** `url` with a `*.localhost` host replaced by its loopback address; unchanged otherwise (or when it does not resolve to loopback). */
export async function pinLocalhostName(url: string): Promise<string> {
  const u = new URL(url);
  const host = u.hostname.toLowerCase();
  if (!host.endsWith('.localhost')) return url;
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    return url;
  }
  if (addresses.length === 0 || !addresses.every((a) => isLoopbackAddress(a.address))) return url;
  const address = addresses[0]!.address;
  u.hostname = address.includes(':') ? `[${address}]` : address;
  return u.href.replace(/\/$/, url.endsWith('/') ? '/' : '');
}
