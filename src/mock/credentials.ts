/**
 * Credential records of the mock (API keys and tokens) and the key-string helpers: documented
 * prefixes, test-mode detection, new keys shaped like an existing one.
 */
import { randomBytes } from 'node:crypto';
import type { KeyFormat, Role } from '../spec/contract.ts';

export type CredentialKind = 'api_key' | 'token';

export interface CredentialRecord {
  value: string;
  /** the seed role it was created for (control-created keys inherit the role of their model) */
  role?: Role;
  kind: CredentialKind;
  /** security scheme name it is sent with */
  scheme: string;
  tenant?: string;
  plan?: string;
  /** undefined = unscoped (every operation); [] = no scope at all */
  scopes?: string[];
  attributes: Record<string, string[]>;
  organizations?: string[];
  email?: string;
  /** the user it belongs to (the rate-limit partition "user"): the seed's `user`, else its tenant */
  user?: string;
  /** mock time of creation */
  createdAt: number;
  revokedAt?: number;
  /** who revoked it: the seed (revokedAgo) or the control API */
  revokedBy?: 'seed' | 'control';
  /** tokens: mock time of expiry */
  expiresAt?: number;
  /** the documented prefix the value starts with (longest match) */
  prefix?: string;
  /** starts with a documented test-mode prefix */
  test: boolean;
}

/** A login user of the seed (role `login`). */
export interface UserRecord {
  id: string;
  email: string;
  password: string;
  tenant?: string;
  organizations: string[];
  scopes?: string[];
  attributes: Record<string, string[]>;
  plan?: string;
}

/** The longest documented prefix (live or test) that `value` starts with. */
export function documentedPrefix(value: string, format: KeyFormat): { prefix?: string; test: boolean } {
  let best: { prefix?: string; test: boolean } = { test: false };
  for (const [list, test] of [[format.live, false], [format.test, true]] as const) {
    for (const p of list) {
      if (value.startsWith(p) && p.length > (best.prefix?.length ?? 0)) best = { prefix: p, test };
    }
  }
  return best;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function randomString(length: number, alphabet: string): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  return out;
}

/**
 * The part of a key kept when making a look-alike: the documented prefix, else an undocumented
 * `word_`-style lead (up to the last `_` or `-` in the first half), else nothing.
 */
function keptLead(value: string, format: KeyFormat): string {
  const documented = documentedPrefix(value, format).prefix;
  if (documented !== undefined) return documented;
  const half = value.slice(0, Math.floor(value.length / 2));
  const cut = Math.max(half.lastIndexOf('_'), half.lastIndexOf('-'));
  return cut >= 0 ? value.slice(0, cut + 1) : '';
}

/** A new random key with the same lead, length and alphabet (hex or alphanumeric) as `model`. */
export function keyLike(model: string, format: KeyFormat): string {
  const lead = keptLead(model, format);
  const body = model.slice(lead.length);
  const alphabet = /^[0-9a-f]+$/.test(body) ? HEX : ALNUM;
  return lead + randomString(Math.max(body.length, 16), alphabet);
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** A JWT-looking opaque token (`eyJ...`); the mock never parses it, it looks it up. */
export function newToken(subject: string, issuedAt: number, expiresAt: number): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ sub: subject, iat: Math.floor(issuedAt / 1000), exp: Math.floor(expiresAt / 1000), jti: randomString(12, ALNUM) }));
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
}

/** A new id shaped like `model` (same `xx_` lead, length and alphabet), or a random one. */
export function idLike(model: string | undefined): string {
  if (model === undefined || model === '') return randomString(24, HEX);
  const cut = Math.max(model.lastIndexOf('_'), model.lastIndexOf('-'));
  const lead = cut >= 0 ? model.slice(0, cut + 1) : '';
  const body = model.slice(lead.length);
  const alphabet = /^[0-9a-f]+$/.test(body) ? HEX : ALNUM;
  return lead + randomString(Math.max(body.length, 8), alphabet);
}
