/**
 * Each second-reading server started as a `Reading`: its URL, the environment its fixtures file
 * (`<api>.fixtures.yaml` beside this file) reads, and how to stop it.
 */
import type { Reading } from './harness.ts';
import type { Api } from './rows.ts';
import * as linkfetch from './linkfetch-server.ts';
import * as linkit from './linkit-server.ts';
import * as linkkit from './linkkit-server.ts';
import * as linkt from './linkt-server.ts';
import * as linq from './linq-server.ts';

export const fixturesOf = (api: string) => `test/independent/second/${api}.fixtures.yaml`;

export async function linkfetchReading(faults: linkfetch.Fault[] = []): Promise<Reading> {
  const s = await linkfetch.startServer(faults);
  const c = s.credentials;
  return {
    url: s.url,
    close: s.close,
    env: {
      LF2_KEY: c.valid,
      LF2_TEST_KEY: c.test_mode,
      LF2_GRACE_KEY: c.revoked_in_grace,
      LF2_REVOKED_KEY: c.revoked_expired,
      LF2_SCOPED_KEY: c.scoped,
      LF2_PER_MINUTE: String(c.perMinute),
    },
  };
}

export async function linktReading(faults: linkt.Fault[] = []): Promise<Reading> {
  const s = await linkt.startServer(faults);
  const c = s.credentials;
  return {
    url: s.url,
    close: s.close,
    env: { LINKT2_KEY: c.valid, LINKT2_DELETED_KEY: c.deleted, LINKT2_SCOPED_KEY: c.scoped, LINKT2_OTHER_KEY: c.other_tenant, LINKT2_ICP_ID: c.icp_id },
  };
}

export async function linkkitReading(faults: linkkit.Fault[] = [], variants: linkkit.Variant[] = []): Promise<Reading> {
  const s = await linkkit.startServer(faults, variants);
  const c = s.credentials;
  return {
    url: s.url,
    close: s.close,
    env: { LINKKIT2_KEY: c.valid, LINKKIT2_SCOPED_KEY: c.scoped, LINKKIT2_PER_MINUTE: String(c.perMinute) },
  };
}

export async function linkitReading(faults: linkit.Fault[] = []): Promise<Reading> {
  const s = await linkit.startServer(faults);
  const c = s.credentials;
  return {
    url: s.url,
    close: s.close,
    env: {
      LINKIT2_API_KEY: c.valid,
      LINKIT2_REVOKED_KEY: c.revoked_expired,
      LINKIT2_EMAIL: c.email,
      LINKIT2_PASSWORD: c.password,
      LINKIT2_EXPIRED_TOKEN: c.expired_token,
      LINKIT2_ORG_DEFAULT: c.member[0]!,
      LINKIT2_ORG_SECOND: c.member[1]!,
      LINKIT2_ORG_FOREIGN: c.foreign,
      LINKIT2_PLAIN_URL: c.plainUrl,
    },
  };
}

export async function linqReading(faults: linq.Fault[] = []): Promise<Reading> {
  const s = await linq.startServer(faults);
  const c = s.credentials;
  return {
    url: s.url,
    close: s.close,
    env: {
      LINQ2_TOKEN: c.valid,
      LINQ2_SECOND_TOKEN: c.other_key,
      LINQ2_SCOPED_TOKEN: c.scoped,
      LINQ2_OTHER_TOKEN: c.other_tenant,
      LINQ2_CHAT_ID: c.chat_id,
      LINQ2_SENDING_NUMBER: c.assigned,
      LINQ2_UNASSIGNED_NUMBER: c.unassigned,
      LINQ2_PER_MINUTE: String(c.perMinute),
    },
  };
}

/** Starts a server of `api` with the given faults and conformant variants. */
export const START: Record<Api, (faults: string[], variants: string[]) => Promise<Reading>> = {
  linkfetch: (faults) => linkfetchReading(faults as linkfetch.Fault[]),
  linkt: (faults) => linktReading(faults as linkt.Fault[]),
  linkkit: (faults, variants) => linkkitReading(faults as linkkit.Fault[], variants as linkkit.Variant[]),
  linkit: (faults) => linkitReading(faults as linkit.Fault[]),
  linq: (faults) => linqReading(faults as linq.Fault[]),
};
