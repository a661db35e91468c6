/**
 * Scheme words (RFC 9110 §11.1 auth-scheme, case-insensitive) of the contract's security schemes:
 * what a scheme is sent with, what the spec declares, and which wrong forms the probes may send.
 */
import type { Contract, CredentialScheme } from './contract.ts';

/** The scheme words of a scheme (CredentialScheme.words, else its type's default: Bearer, Basic, none). */
export function schemeWords(scheme: Pick<CredentialScheme, 'type' | 'words'>): string[] {
  if (scheme.words !== undefined && scheme.words.length > 0) return scheme.words;
  return scheme.type === 'bearer' ? ['Bearer'] : scheme.type === 'basic' ? ['Basic'] : [];
}

/** Every scheme word the spec declares, lower-case (a wrong-scheme probe never sends one of them). */
export function declaredWords(contract: Pick<Contract, 'schemes'>): Set<string> {
  return new Set(contract.schemes.flatMap((s) => schemeWords(s).map((w) => w.toLowerCase())));
}

/**
 * Whether `Authorization: KEY` with no scheme word is a wrong form of `scheme` on an operation: the
 * scheme has a word, and no raw-value scheme of the operation reads that header (then the bare
 * value is a documented form, as Linkit's raw key beside `Bearer <token>`).
 */
export function bareValueIsWrong(contract: Pick<Contract, 'schemes'>, operationSchemes: readonly string[], scheme: CredentialScheme): boolean {
  if (schemeWords(scheme).length === 0) return false;
  const header = scheme.header.toLowerCase();
  return !contract.schemes.some((s) => operationSchemes.includes(s.name) && s.type === 'header' && s.header.toLowerCase() === header);
}
