/**
 * The WWW-Authenticate field of the mock's 401 answers (RFC 9110 §11.6.1, RFC 6750 §3): one
 * challenge per credential scheme of the contract, `Bearer realm="<title>"` for a bearer scheme and
 * `ApiKey realm="<title>"` for an API-key header, in one field; when the request carried a
 * credential the Bearer challenge adds `error="invalid_token"` (RFC 6750 §3.1).
 */
import type { Contract } from '../spec/contract.ts';

export function challengeOf(contract: Contract, presented: boolean): string | undefined {
  const realm = `realm="${contract.title.replace(/["\\]/g, '')}"`;
  const schemes = new Set(contract.schemes.map((s) => (s.type === 'bearer' ? 'Bearer' : 'ApiKey')));
  const params = (scheme: string): string => (scheme === 'Bearer' && presented ? `${realm}, error="invalid_token"` : realm);
  return schemes.size === 0 ? undefined : [...schemes].map((s) => `${s} ${params(s)}`).join(', ');
}
