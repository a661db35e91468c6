/**
 * The seed of one mock run: the spec's seed credentials (values regenerated once for the
 * `key-strings` variant), login users and data collections, turned into fresh records on every
 * start and reset.
 */
import type { Contract, MockCredentialSeed } from '../spec/contract.ts';
import type { LoadedSpec, MockConfig } from '../spec/mock-config.ts';
import { durationMs } from '../spec/duration.ts';
import type { CredentialRecord, UserRecord } from './credentials.ts';
import { documentedPrefix, keyLike, newToken } from './credentials.ts';
import { MOCK_DEFAULTS } from './options.ts';

export type Item = Record<string, unknown>;

export interface SeedView {
  clockStartMs: number;
  tokenLifetimeMs: number;
  /** seed credentials with the value the mock uses (regenerated for `key-strings`) */
  credentials: Array<{ seed: MockCredentialSeed; value: string }>;
  /** collections of resources per tenant, as seeded */
  data: NonNullable<MockConfig['data']>;
}

export interface SeedRecords {
  credentials: CredentialRecord[];
  users: UserRecord[];
  data: Map<string, Item[]>;
}

const DEFAULT_EXPIRED_AGO_MS = 60_000;

/**
 * Fixes the seed of a run; `regenerateKeys` gives every seeded key and token a new random body.
 * `clockStartMs` overrides the seed's clock start (`authconform mock` starts at the real time).
 */
export function compileSeed({ contract, mock }: LoadedSpec, regenerateKeys: boolean, clockStartMs?: number): SeedView {
  const start = clockStartMs ?? Date.parse(mock.clockStart ?? MOCK_DEFAULTS.clockStart);
  const lifetime = mock.tokenLifetime !== undefined ? durationMs(mock.tokenLifetime) : undefined;
  return {
    clockStartMs: Number.isFinite(start) ? start : Date.parse(MOCK_DEFAULTS.clockStart),
    tokenLifetimeMs: lifetime ?? MOCK_DEFAULTS.tokenLifetimeMs,
    credentials: mock.credentials.map((seed) => {
      if (!regenerateKeys || seed.role === 'login') return { seed, value: seed.value };
      const value = seed.value.startsWith('eyJ') ? newToken(seed.role, start, start) : keyLike(seed.value, contract.keyFormat);
      return { seed, value };
    }),
    data: mock.data ?? {},
  };
}

function schemeOf(contract: Contract, seed: MockCredentialSeed): string {
  if (seed.scheme !== undefined) return seed.scheme;
  if (seed.role === 'expired_token' && contract.login !== undefined) return contract.login.tokenScheme;
  return contract.defaultScheme;
}

/** Fresh records from the seed, as they are at the clock start. */
export function seedRecords(contract: Contract, view: SeedView): SeedRecords {
  const start = view.clockStartMs;
  const credentials: CredentialRecord[] = [];
  const users: UserRecord[] = [];
  view.credentials.forEach(({ seed, value }, i) => {
    if (seed.role === 'login') {
      const user: UserRecord = {
        id: `user_${String(i + 1).padStart(4, '0')}`,
        email: seed.email ?? `user${i + 1}@example.com`,
        password: value,
        organizations: seed.organizations ?? (seed.tenant !== undefined ? [seed.tenant] : []),
        attributes: { ...(seed.attributes ?? {}) },
      };
      if (seed.tenant !== undefined) user.tenant = seed.tenant;
      if (seed.scopes !== undefined) user.scopes = [...seed.scopes];
      if (seed.plan !== undefined) user.plan = seed.plan;
      users.push(user);
      return;
    }
    const scheme = schemeOf(contract, seed);
    const kind = contract.schemes.find((s) => s.name === scheme)?.credential ?? 'api_key';
    const { prefix, test } = documentedPrefix(value, contract.keyFormat);
    const record: CredentialRecord = { value, role: seed.role, kind, scheme, attributes: { ...(seed.attributes ?? {}) }, createdAt: start, test };
    if (prefix !== undefined) record.prefix = prefix;
    if (seed.tenant !== undefined) record.tenant = seed.tenant;
    if (seed.plan !== undefined) record.plan = seed.plan;
    if (seed.scopes !== undefined) record.scopes = [...seed.scopes];
    if (seed.organizations !== undefined) record.organizations = [...seed.organizations];
    if (seed.email !== undefined) record.email = seed.email;
    const user = seed.user ?? seed.tenant;
    if (user !== undefined) record.user = user;
    const ago = seed.revokedAgo !== undefined ? durationMs(seed.revokedAgo) : undefined;
    if (kind === 'token') {
      record.expiresAt = seed.role === 'expired_token' ? start - (ago ?? DEFAULT_EXPIRED_AGO_MS) : start + view.tokenLifetimeMs;
    } else if (ago !== undefined) {
      record.revokedAt = start - ago;
      record.revokedBy = 'seed';
    }
    credentials.push(record);
  });
  const data = new Map<string, Item[]>();
  for (const [name, items] of Object.entries(view.data)) data.set(name, structuredClone(items));
  return { credentials, users, data };
}
