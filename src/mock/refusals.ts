/**
 * Documented refusals the mock recognises before authentication proper (issue 10): a refused
 * scheme word in Authorization (x-authconform.refusedSchemes) and a credential in a refused place
 * (x-authconform.refusedPlacements: the key as a query parameter, a cookie or another header).
 */
import type { Contract, RefusedPlacement, RefusedScheme } from '../spec/contract.ts';
import type { CredentialSource } from './auth.ts';

/** The refused scheme word an Authorization value starts with (case-insensitive, RFC 9110 §11.1), and what follows it. */
export function refusedSchemeIn(contract: Pick<Contract, 'refusedSchemes'>, authorization: string | null): { refused: RefusedScheme; rest: string } | undefined {
  const list = contract.refusedSchemes ?? [];
  if (list.length === 0 || authorization === null) return undefined;
  const m = /^(\S+)(?:[ \t]+(.*))?$/.exec(authorization.trim());
  const word = (m?.[1] ?? '').toLowerCase();
  const refused = list.find((r) => r.word.toLowerCase() === word);
  return refused === undefined ? undefined : { refused, rest: (m?.[2] ?? '').trim() };
}

/** The value of cookie `name` in a Cookie header; null when absent. */
export function cookieValue(header: string | null, name: string): string | null {
  if (header === null) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The first refused placement the request carries a non-empty value in. */
export function refusedPlacementIn(contract: Pick<Contract, 'refusedPlacements'>, source: CredentialSource): { placement: RefusedPlacement; value: string } | undefined {
  for (const placement of contract.refusedPlacements ?? []) {
    let value: string | null | undefined;
    if (placement.in === 'query') value = source.url === undefined ? undefined : new URL(source.url, 'http://mock.invalid').searchParams.get(placement.name);
    else if (placement.in === 'cookie') value = cookieValue(source.headers.get('cookie'), placement.name);
    else value = source.headers.get(placement.name);
    if (typeof value === 'string' && value.trim() !== '') return { placement, value: value.trim() };
  }
  return undefined;
}
