/**
 * Credentials by role, and the made-up keys the probes send: canaries (a documented prefix plus
 * random characters of the valid key's length and alphabet, never a real key) and variants of a
 * real key (wrong prefix, truncated, last character changed).
 */
import { randomInt } from 'node:crypto';
import type { Contract, Role } from '../spec/contract.ts';
import type { Credential, Fixtures } from '../fixtures/fixtures.ts';
import { SKIP } from './skip-reasons.ts';
import { SkipCase } from './skip-case.ts';

/** The credential of a role with a usable value (a login credential needs email and password instead). */
export function credentialOf(fixtures: Fixtures, role: Role): Credential | undefined {
  const c = fixtures.credentials[role];
  if (c === undefined) return undefined;
  if (role === 'login') return c.email && c.password ? c : undefined;
  return c.value === '' ? undefined : c;
}

/** Like credentialOf, but skips the case when the role is absent. */
export function requireCredential(fixtures: Fixtures, role: Role): Credential {
  const c = credentialOf(fixtures, role);
  if (c === undefined) throw new SkipCase(role === 'login' ? SKIP.missingLogin() : SKIP.missingRole(role));
  return c;
}

/** The plan-time skip reason for a missing role, if any. */
export function missingRole(fixtures: Fixtures, ...roles: Role[]): string | undefined {
  for (const role of roles) {
    if (credentialOf(fixtures, role) === undefined) {
      return role === 'login' && fixtures.credentials.login !== undefined ? SKIP.missingLogin() : SKIP.missingRole(role);
    }
  }
  return undefined;
}

/** Documented live and test prefixes, longest first. */
export function documentedPrefixes(contract: Pick<Contract, 'keyFormat'>): string[] {
  return [...contract.keyFormat.live, ...contract.keyFormat.test].sort((a, b) => b.length - a.length);
}

/** The documented prefix a key starts with, if any (the longest). */
export function prefixOf(contract: Pick<Contract, 'keyFormat'>, value: string): string | undefined {
  return documentedPrefixes(contract).find((p) => value.startsWith(p));
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const DEFAULT_BODY_LENGTH = 32;

/** The characters a key body is drawn from: the classes (a-z, A-Z, 0-9) and other characters it shows. */
export function alphabetOf(body: string): string {
  let out = '';
  if (/[a-z]/.test(body)) out += LOWER;
  if (/[A-Z]/.test(body)) out += UPPER;
  if (/[0-9]/.test(body)) out += DIGITS;
  for (const ch of new Set(body.replace(/[a-zA-Z0-9]/g, ''))) out += ch;
  return out === '' ? LOWER + UPPER + DIGITS : out;
}

function randomString(length: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[randomInt(alphabet.length)] ?? 'x';
  return s;
}

/**
 * A key that cannot exist: `prefix` (default: the prefix of `like`, else the first documented live
 * prefix) plus random characters of the same length and alphabet as `like`'s body (shorter where
 * the whole would pass keyFormat.maxLength).
 */
export function canaryKey(contract: Pick<Contract, 'keyFormat'>, like?: string, prefix?: string): string {
  const likePrefix = like === undefined ? undefined : prefixOf(contract, like);
  const body = like === undefined ? undefined : like.slice(likePrefix?.length ?? 0);
  const p = prefix ?? likePrefix ?? contract.keyFormat.live[0] ?? contract.keyFormat.test[0] ?? '';
  const wanted = body !== undefined && body.length > 0 ? body.length : DEFAULT_BODY_LENGTH;
  // keyFormat.maxLength: the whole key stays within the documented longest
  const max = contract.keyFormat.maxLength;
  const length = max === undefined ? wanted : Math.max(1, Math.min(wanted, max - p.length));
  const alphabet = alphabetOf(body ?? '');
  for (;;) {
    const key = p + randomString(length, alphabet);
    if (key !== like) return key;
  }
}

/** The key with its documented prefix replaced by an undocumented one; undefined when it has none. */
export function wrongPrefixKey(contract: Pick<Contract, 'keyFormat'>, value: string): string | undefined {
  const p = prefixOf(contract, value);
  if (p === undefined) return undefined;
  for (const first of 'xyzq') {
    const key = first + p.slice(1) + value.slice(p.length);
    if (first !== p[0] && prefixOf(contract, key) === undefined) return key;
  }
  return undefined;
}

/** The key cut to its prefix plus half its body (at least one character of the body). */
export function truncatedKey(contract: Pick<Contract, 'keyFormat'>, value: string): string {
  const p = prefixOf(contract, value) ?? '';
  const body = value.slice(p.length);
  return p + body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}

/** The key with its last character replaced by another of the same class. */
export function lastCharChanged(value: string): string {
  const last = value.slice(-1);
  return value.slice(0, -1) + nextInClass(last);
}

function nextInClass(ch: string): string {
  for (const set of [LOWER, UPPER, DIGITS]) {
    const i = set.indexOf(ch);
    if (i >= 0) return set[(i + 1) % set.length] ?? 'x';
  }
  return ch === 'x' ? 'y' : 'x';
}
