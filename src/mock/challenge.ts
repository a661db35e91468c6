/**
 * The WWW-Authenticate field of the mock's 401 answers (RFC 9110 §11.6.1, RFC 6750 §3): one
 * challenge per credential scheme of the contract, `Bearer realm="<title>"` for a bearer scheme and
 * `ApiKey realm="<title>"` for an API-key header, in one field.
 */
import type { Contract } from '../spec/contract.ts';

const cache = new WeakMap<Contract, string | undefined>();

export function challengeOf(contract: Contract): string | undefined {
  if (cache.has(contract)) return cache.get(contract);
  const realm = `realm="${contract.title.replace(/["\\]/g, '')}"`;
  const schemes = new Set(contract.schemes.map((s) => (s.type === 'bearer' ? 'Bearer' : 'ApiKey')));
  const value = schemes.size === 0 ? undefined : [...schemes].map((s) => `${s} ${realm}`).join(', ');
  cache.set(contract, value);
  return value;
}
