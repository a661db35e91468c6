/**
 * Display case of response header names. Fetch `Headers` lower-case every name; the loopback
 * server writes them back in the case the spec documents (`X-RateLimit-Limit`, `X-Api-Key-Prefix`),
 * or, for the `header-case` variant, in another case (rate-limit headers lower, echo headers upper)
 * — header names are case-insensitive, so clients must not care.
 */
import type { Contract } from '../spec/contract.ts';
import type { VariantSet } from './variants.ts';

const STANDARD = ['Content-Type', 'Content-Length', 'Date', 'Retry-After', 'Cache-Control'];

function titleCase(lower: string): string {
  return lower.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/** lower-case name → name as written on the wire */
export type HeaderNames = (lower: string) => string;

export function headerNames(contract: Contract, variants: VariantSet): HeaderNames {
  const other = variants.has('header-case');
  const table = new Map<string, string>();
  for (const name of STANDARD) table.set(name.toLowerCase(), other ? name.toLowerCase() : name);
  const rl = contract.rateLimit?.headers;
  if (rl !== undefined) for (const name of [rl.limit, rl.remaining, rl.reset]) table.set(name.toLowerCase(), other ? name.toLowerCase() : name);
  for (const e of contract.echoHeaders) table.set(e.name.toLowerCase(), other ? e.name.toUpperCase() : e.name);
  return (lower) => {
    let name = table.get(lower);
    if (name === undefined) {
      name = titleCase(lower);
      table.set(lower, name);
    }
    return name;
  };
}
