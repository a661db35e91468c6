/**
 * Conformant variants: switches that change only what the docs leave free, so a probe that is too
 * strict (pinning message text, header case, key strings, body field sets, the Retry-After form)
 * fails against a mock that is still conformant.
 */
import { AuthconformError } from '../util/errors.ts';

export const VARIANTS = [
  { name: 'messages', description: 'other error message texts (the docs pin codes and statuses, not wording)' },
  { name: 'extra-fields', description: 'extra envelope fields (request_id, documentation_url, nested meta) on every JSON body whose schema allows them' },
  { name: 'header-case', description: 'response header names in other letter case (rate-limit headers lower-case, echo headers upper-case)' },
  { name: 'key-strings', description: 'seeded keys and tokens regenerated with other random bodies (same documented prefixes)' },
  { name: 'status-alternatives', description: 'errors documented with several statuses ("403 or 429", "4XX") answered with another member of the set than the first' },
  {
    name: 'retry-after',
    description:
      'Retry-After as an IMF-fixdate HTTP-date equal to the window reset instead of delay-seconds (only for specs without a body field that must agree with it numerically)',
  },
  {
    name: 'rate-limit-status',
    description: 'an exhausted limit answers another status of the set documented for the rate-limit error (e.g. 403 where the docs say "403 or 429")',
  },
] as const;

export type VariantName = (typeof VARIANTS)[number]['name'];

export type VariantSet = ReadonlySet<VariantName>;

export function listVariants(): Array<{ name: string; description: string }> {
  return [...VARIANTS.map((v) => ({ name: v.name, description: v.description })), { name: 'all', description: 'every variant above' }];
}

/** Names → set; `all` expands to every variant; an unknown name is an AC_USAGE error listing the valid ones. */
export function resolveVariants(names: readonly string[] = []): VariantSet {
  const known = new Set<string>(VARIANTS.map((v) => v.name));
  const out = new Set<VariantName>();
  for (const name of names) {
    if (name === 'all') {
      for (const v of VARIANTS) out.add(v.name);
    } else if (known.has(name)) {
      out.add(name as VariantName);
    } else {
      throw new AuthconformError('AC_USAGE', `unknown mock variant "${name}" — valid: ${[...known, 'all'].join(', ')}`);
    }
  }
  return out;
}
