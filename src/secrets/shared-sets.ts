/**
 * Read-only secret sets shared by the callers that build one per exchange or per case from the
 * same secrets (echo detection, evidence masking): the set, its gram table and what it already
 * masked are made once. At most {@link SHARED_SETS} sets are kept; past that the cache starts over.
 */
import { SecretSet } from './secret-set.ts';
import type { SecretEncoding } from './text-views.ts';

export const SHARED_SETS = 32;

/** What a shared set offers: no `add`, since others use it too. */
export interface SecretMatcher {
  mask(text: string): string;
  findEcho(text: string): SecretEncoding | undefined;
}

const sets = new Map<string, SecretSet>();

/** The set of these secrets with these documented prefixes (same answers as `new SecretSet(secrets, { prefixes })`). */
export function secretMatcher(secrets: Iterable<string>, prefixes: readonly string[] = []): SecretMatcher {
  const list = [...secrets];
  const key = JSON.stringify([list, prefixes]);
  let set = sets.get(key);
  if (set === undefined) {
    if (sets.size >= SHARED_SETS) sets.clear();
    set = new SecretSet(list, { prefixes });
    sets.set(key, set);
  }
  return set;
}
