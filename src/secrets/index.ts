/** Secrets of a run: one set, one masker, one echo detector (see secret-set.ts). */
export { SecretSet, MIN_ECHO_SECRET_LENGTH, type SecretSetOptions } from './secret-set.ts';
export { maskSecret, longestPrefix } from './mask-secret.ts';
export { secretMatcher, type SecretMatcher } from './shared-sets.ts';
export type { SecretEncoding } from './text-views.ts';
export { hasUserinfo, querySecrets } from './url-secrets.ts';
