/**
 * Safety rails checked before any request (the Safety section of README.md):
 * - a real credential never travels over plain http to a host other than this machine, unless
 *   --allow-insecure (loopback traffic does not leave the machine, so loopback targets are exempt);
 * - a key with a prefix the spec marks live is probed only with --allow-live, on every target
 *   given with --target or the fixtures, loopback included (a local port can be a tunnel or a
 *   port-forward to production). Exempt: the embedded mock (it has no fixtures), and keys of the
 *   spec's own mock seed, which are fake by construction (a mock started with `authconform mock`).
 */
import type { Contract } from '../spec/contract.ts';
import type { MockConfig } from '../spec/mock-config.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import { AuthconformError } from '../util/errors.ts';

/** Loopback by its very name. A `*.localhost` name is not: it counts once pinned to the loopback address it resolves to (pin-loopback.ts). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export interface SafetyInput {
  contract: Pick<Contract, 'keyFormat'>;
  /** the spec's mock: its seeded (fake) credentials are never live keys */
  mock?: Pick<MockConfig, 'credentials'>;
  fixtures: Fixtures;
  /** the target URL */
  target: string;
  /** where the fixtures came from, for messages */
  fixturesFile?: string;
  allowInsecure: boolean;
  allowLive: boolean;
}

/** @throws AuthconformError AC_UNSAFE */
export function checkTargetSafety(input: SafetyInput): void {
  const url = new URL(input.target);
  const local = isLoopbackHost(url.hostname);
  const roles = Object.values(input.fixtures.credentials).filter(
    (c) => c !== undefined && (c.value !== '' || c.password !== undefined),
  );
  if (!local && url.protocol === 'http:' && roles.length > 0 && !input.allowInsecure) {
    throw new AuthconformError(
      'AC_UNSAFE',
      `refusing to send credentials over plain http to ${url.host}: use an https target, or pass --allow-insecure`,
    );
  }
  if (input.allowLive) return;
  const seeded = new Set((input.mock?.credentials ?? []).map((c) => c.value));
  for (const credential of roles) {
    if (seeded.has(credential!.value)) continue;
    const prefix = input.contract.keyFormat.live.find((p) => p !== '' && credential!.value.startsWith(p));
    if (prefix !== undefined) {
      const where = input.fixturesFile === undefined ? '' : `${input.fixturesFile}: `;
      const what = `${where}credentials.${credential!.role} is a live key (${prefix}…)`;
      throw new AuthconformError(
        'AC_UNSAFE',
        local
          ? `${what} and ${url.host} is not the embedded mock (a local port can be a tunnel to production): pass --allow-live to probe live keys`
          : `${what} and ${url.host} is not local: pass --allow-live to probe production keys`,
      );
    }
  }
}
