/**
 * The Fixtures the probes get for the mock: the seed's credentials by role, organizations (members
 * of the login/valid user and one no seeded user belongs to), the seed's `resources` and ids of the
 * first tenant's resources for `{fixture:NAME}` placeholders, the rate limit where the spec documents no plan numbers,
 * the plan of the valid key, and the plain-HTTP URL of HTTPS-only specs.
 */
import type { Credential, Fixtures } from '../fixtures/fixtures.ts';
import type { Contract, Role } from '../spec/contract.ts';
import { ROLES } from '../spec/contract.ts';
import { getAtPointer } from '../spec/json-pointer.ts';
import type { LoadedSpec } from '../spec/mock-config.ts';
import { effectivePlan } from './limits.ts';
import { lockoutNumbers } from './lockout.ts';
import type { BehaviourOptions } from './options.ts';
import type { MockState } from './state.ts';

/** An organization no seeded credential or user belongs to: a tenant of the data when there is one, else a made-up id. */
function foreignOrganization(member: string | undefined, taken: Set<string>, dataTenants: string[]): string {
  const existing = dataTenants.find((t) => !taken.has(t));
  if (existing !== undefined) return existing;
  const lead = member !== undefined ? member.slice(0, Math.max(member.lastIndexOf('_'), member.lastIndexOf('-')) + 1) : 'org_';
  let candidate = `${lead}foreign`;
  for (let i = 2; taken.has(candidate); i++) candidate = `${lead}foreign${i}`;
  return candidate;
}

function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (name.endsWith('s')) return name.slice(0, -1);
  return name;
}

export function mockFixtures({ contract, mock }: LoadedSpec, state: MockState, options: BehaviourOptions, plainUrl: string | undefined): Fixtures {
  const credentials: Partial<Record<Role, Credential>> = {};
  for (const role of ROLES) {
    if (role === 'login') continue;
    const r = state.byRole(role);
    if (r !== undefined) credentials[role] = { role, value: r.value, scheme: r.scheme };
  }
  const user = state.users[0];
  if (user !== undefined) {
    credentials.login = { role: 'login', value: '', scheme: contract.login?.tokenScheme ?? contract.defaultScheme, email: user.email, password: user.password };
  }
  const fixtures: Fixtures = { credentials, resources: { ...mock.resources } };

  const valid = state.byRole('valid');
  const members = user?.organizations ?? valid?.organizations ?? [];
  if (members.length > 0 || contract.organization !== undefined) {
    const taken = new Set<string>();
    for (const r of state.credentials.values()) {
      for (const o of r.organizations ?? []) taken.add(o);
      if (r.tenant !== undefined) taken.add(r.tenant);
    }
    for (const u of state.users) for (const o of u.organizations) taken.add(o);
    const dataTenants = [...state.data.values()].flat().flatMap((i) => (typeof i.tenant === 'string' ? [i.tenant] : []));
    fixtures.organizations = { member: [...members], foreign: foreignOrganization(members[0], taken, dataTenants) };
  }

  const tenant = valid?.tenant ?? user?.tenant;
  for (const m of Object.values(mock.operations ?? {})) {
    if (m.respond !== 'get') continue;
    const items = state.data.get(m.collection) ?? [];
    const item = items.find((i) => i.tenant === undefined || i.tenant === tenant);
    // several path parameters: each from its pointer into the item
    for (const [name, pointer] of Object.entries(m.params ?? {})) {
      const v = item === undefined ? undefined : getAtPointer(item, pointer);
      if (typeof v === 'string' || typeof v === 'number') fixtures.resources[name] ??= String(v);
    }
    const id = item?.id ?? (m.param !== undefined ? item?.[m.param] : undefined);
    if (id === undefined) continue;
    if (m.param !== undefined) fixtures.resources[m.param] ??= String(id);
    fixtures.resources[`${singular(m.collection)}_id`] ??= String(id);
  }

  const plan = effectivePlan(contract, valid?.plan);
  if (plan !== undefined) fixtures.plan = plan.name;
  if (options.rateLimit !== undefined) {
    fixtures.rateLimit = { perMinute: options.rateLimit.perWindow };
  } else if (plan === undefined && (mock.rateLimitPerMinute !== undefined || mock.rateLimitPerDay !== undefined)) {
    fixtures.rateLimit = {};
    if (mock.rateLimitPerMinute !== undefined) fixtures.rateLimit.perMinute = mock.rateLimitPerMinute;
    if (mock.rateLimitPerDay !== undefined) fixtures.rateLimit.perDay = mock.rateLimitPerDay;
  }
  if (plainUrl !== undefined) fixtures.plainUrl = plainUrl;
  const lockout = lockoutNumbers(contract, mock);
  if (lockout !== undefined) fixtures.lockout = lockout;
  return fixtures;
}
