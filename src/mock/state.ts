/**
 * The mutable auth state of one mock: credentials (seeded, created through the control API,
 * issued by login), login users, per-tenant data collections, rate-limit counters and the clock.
 * `reset()` brings everything back to the seed.
 */
import type { Contract, Role } from '../spec/contract.ts';
import type { LoadedSpec } from '../spec/mock-config.ts';
import { MockClock } from './clock.ts';
import type { CredentialRecord, UserRecord } from './credentials.ts';
import { documentedPrefix, keyLike, newToken } from './credentials.ts';
import { RateLimiter } from './rate-limiter.ts';
import { LockoutLedger } from './lockout.ts';
import { SecondaryCounter } from './secondary-limits.ts';
import type { Item, SeedView } from './seed.ts';
import { compileSeed, seedRecords } from './seed.ts';
import { resolveVariants } from './variants.ts';

export class MockState {
  readonly clock: MockClock;
  readonly limiter = new RateLimiter();
  /** points of the secondary limits (x-authconform.rateLimit.secondary) */
  readonly secondary = new SecondaryCounter();
  /** refused credentials and the current lockout (x-authconform.lockout) */
  readonly lockout = new LockoutLedger();
  readonly credentials = new Map<string, CredentialRecord>();
  users: UserRecord[] = [];
  data = new Map<string, Item[]>();

  constructor(
    readonly contract: Contract,
    readonly seed: SeedView,
  ) {
    this.clock = new MockClock(seed.clockStartMs);
    this.load();
  }

  private load(): void {
    const records = seedRecords(this.contract, this.seed);
    this.credentials.clear();
    for (const r of records.credentials) this.credentials.set(r.value, r);
    this.users = records.users;
    this.data = records.data;
  }

  /** back to the seed: credentials, data, counters and clock */
  reset(): void {
    this.clock.reset();
    this.limiter.clear();
    this.secondary.clear();
    this.lockout.clear();
    this.load();
  }

  lookup(value: string): CredentialRecord | undefined {
    return this.credentials.get(value);
  }

  /** the first seeded credential of a role */
  byRole(role: Role): CredentialRecord | undefined {
    for (const r of this.credentials.values()) if (r.role === role) return r;
    return undefined;
  }

  /** a stored key or token of which `value` is a strict, non-trivial prefix (for the truncated-key defect) */
  keyTruncatedTo(value: string): CredentialRecord | undefined {
    if (value.length < 4) return undefined;
    for (const r of this.credentials.values()) {
      if (r.value.length > value.length && r.value.startsWith(value) && value.length > (r.prefix?.length ?? 0)) return r;
    }
    return undefined;
  }

  /** a new key with the same tenant, scopes, plan, scheme and attributes as `like` */
  createLike(like: string): CredentialRecord | undefined {
    const model = this.credentials.get(like);
    if (model === undefined) return undefined;
    const now = this.clock.now();
    let value = model.kind === 'token' ? newToken(model.email ?? 'key', now, model.expiresAt ?? now) : keyLike(model.value, this.contract.keyFormat);
    while (this.credentials.has(value)) value = keyLike(model.value, this.contract.keyFormat);
    const { prefix, test } = documentedPrefix(value, this.contract.keyFormat);
    const record: CredentialRecord = { ...model, value, createdAt: now, test, attributes: { ...model.attributes } };
    // a new key is not the seed's credential of a role: role-targeted defects leave it alone
    delete record.role;
    delete record.revokedAt;
    delete record.revokedBy;
    if (prefix !== undefined) record.prefix = prefix;
    else delete record.prefix;
    if (model.scopes !== undefined) record.scopes = [...model.scopes];
    this.credentials.set(value, record);
    return record;
  }

  /** revokes a credential now (control API); returns it, or undefined when unknown */
  revoke(value: string): CredentialRecord | undefined {
    const r = this.credentials.get(value);
    if (r === undefined) return undefined;
    r.revokedAt = this.clock.now();
    r.revokedBy = 'control';
    return r;
  }

  findUser(email: string): UserRecord | undefined {
    const wanted = email.trim().toLowerCase();
    return this.users.find((u) => u.email.toLowerCase() === wanted);
  }

  /** issues a login token for `user`, valid for `lifetimeMs` of mock time */
  issueToken(user: UserRecord, scheme: string, lifetimeMs: number): CredentialRecord {
    const now = this.clock.now();
    // whole seconds, so the expiry a login response reports (ISO without ms) is exact
    const expiresAt = Math.floor((now + lifetimeMs) / 1000) * 1000;
    const record: CredentialRecord = {
      value: newToken(user.id, now, expiresAt),
      role: 'login',
      kind: 'token',
      scheme,
      attributes: { ...user.attributes },
      organizations: [...user.organizations],
      email: user.email,
      createdAt: now,
      expiresAt,
      test: false,
    };
    if (user.tenant !== undefined) record.tenant = user.tenant;
    if (user.scopes !== undefined) record.scopes = [...user.scopes];
    if (user.plan !== undefined) record.plan = user.plan;
    this.credentials.set(record.value, record);
    return record;
  }
}

/** A fresh state for `spec`; the `key-strings` variant regenerates the seeded keys once, here. */
export function createMockState(spec: LoadedSpec, options: { variants?: string[]; clockStartMs?: number } = {}): MockState {
  const variants = resolveVariants(options.variants);
  return new MockState(spec.contract, compileSeed(spec, variants.has('key-strings'), options.clockStartMs));
}
