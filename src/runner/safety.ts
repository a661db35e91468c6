/**
 * Safety rails checked before any request: a real credential never travels over plain http to a
 * host other than this machine, and live keys are probed only when asked for. Loopback targets
 * (local servers, the embedded mock) are exempt.
 */
import type { Contract } from '../spec/contract.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import { AuthconformError } from '../util/errors.ts';

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export interface SafetyInput {
  contract: Contract;
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
  if (isLoopbackHost(url.hostname)) return;
  const roles = Object.values(input.fixtures.credentials).filter(
    (c) => c !== undefined && (c.value !== '' || c.password !== undefined),
  );
  if (url.protocol === 'http:' && roles.length > 0 && !input.allowInsecure) {
    throw new AuthconformError(
      'AC_UNSAFE',
      `refusing to send credentials over plain http to ${url.host}: use an https target, or pass --allow-insecure`,
    );
  }
  if (input.allowLive) return;
  for (const credential of roles) {
    const prefix = input.contract.keyFormat.live.find((p) => p !== '' && credential!.value.startsWith(p));
    if (prefix !== undefined) {
      const where = input.fixturesFile === undefined ? '' : `${input.fixturesFile}: `;
      throw new AuthconformError(
        'AC_UNSAFE',
        `${where}credentials.${credential!.role} is a live key (${prefix}…) and ${url.host} is not local: pass --allow-live to probe production keys`,
      );
    }
  }
}
