/**
 * The WWW-Authenticate field of the mock's 401 answers (RFC 9110 §11.6.1, RFC 6750 §3): one
 * challenge per credential scheme of the contract, `Bearer realm="<title>"` for a bearer scheme and
 * `ApiKey realm="<title>"` for an API-key header, in one field; when the request carried a
 * credential the Bearer challenge adds `error="invalid_token"` (RFC 6750 §3.1). A 403 refusing a
 * credential for want of scope carries `Bearer realm="<title>", error="insufficient_scope"` when the
 * contract has a bearer scheme (RFC 6750 §3, §3.1).
 */
import type { Contract } from '../spec/contract.ts';

const realmOf = (contract: Contract): string => `realm="${contract.title.replace(/["\\]/g, '')}"`;

export function challengeOf(contract: Contract, presented: boolean): string | undefined {
  const realm = realmOf(contract);
  const schemes = new Set(contract.schemes.map((s) => (s.type === 'bearer' ? 'Bearer' : 'ApiKey')));
  const params = (scheme: string): string => (scheme === 'Bearer' && presented ? `${realm}, error="invalid_token"` : realm);
  return schemes.size === 0 ? undefined : [...schemes].map((s) => `${s} ${params(s)}`).join(', ');
}

/** The Bearer challenge of a scope refusal (403), or undefined when no scheme is a bearer one. */
export function scopeChallengeOf(contract: Contract): string | undefined {
  return contract.schemes.some((s) => s.type === 'bearer') ? `Bearer ${realmOf(contract)}, error="insufficient_scope"` : undefined;
}
