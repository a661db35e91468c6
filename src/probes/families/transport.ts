/**
 * transport.https-only: a canary credential (never a real one) sent over plain HTTP is not served:
 * connection refused/reset (or no connection at all), or a non-2xx, non-3xx status. A redirect to
 * https passes with a note; a 2xx fails. A refusal that is exactly the API's own answer to the same
 * canary over HTTPS (same status, same body but for request ids and timestamps) fails too: then
 * plain HTTP reached the API, which merely refused the made-up key — a real key would be served.
 */
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import type { Case, Outcome, ProbeContext, ProbeFamily } from '../model.ts';
import type { ProbeResponse } from '../../transport/types.ts';
import { isTransportError } from '../../transport/errors.ts';
import { canaryKey, credentialOf } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { expectation } from '../messages.ts';
import { fail, pass } from '../outcome.ts';
import { buildRequest } from '../request-builder.ts';
import { requestLabel } from '../request-label.ts';
import { SkipCase } from '../skip-case.ts';
import { SKIP } from '../skip-reasons.ts';

const ID = 'transport';

/** Transport errors that show plain HTTP is not served. */
const NOT_SERVED = new Set(['AC_CONNECTION_REFUSED', 'AC_CONNECTION_RESET', 'AC_CONNECT_TIMEOUT']);

async function run(ctx: ProbeContext, r: Requirement): Promise<Outcome> {
  // the plain-HTTP origin (fixtures.plainUrl, else the https target on http) is built by the runner
  if (!ctx.origins.includes('plain-http')) throw new SkipCase(SKIP.noPlainUrl());
  const op = r.operation;
  const valid = credentialOf(ctx.fixtures, 'valid');
  const scheme = valid?.scheme ?? ctx.contract.defaultScheme;
  const canary = canaryKey(ctx.contract, valid?.value);
  const req = buildRequest(ctx, { operation: op, origin: 'plain-http', credential: { value: canary, scheme }, request: r.request ?? {} });
  const label = `${requestLabel(req)} over plain HTTP`;
  const note = 'canary key';
  let status: number;
  let location: string | undefined;
  let plainRes: ProbeResponse;
  try {
    plainRes = await ctx.send(req);
    status = plainRes.status;
    location = plainRes.headers['location'];
  } catch (err) {
    if (isTransportError(err) && NOT_SERVED.has(err.code)) return pass(ctx, `${label} not served: ${err.message}`);
    throw err;
  }
  if (status >= 300 && status < 400) {
    if (location !== undefined && /^https:\/\//i.test(location)) {
      return pass(ctx, `${label} redirected with ${status} to https (a client that follows it sends the credential over plain HTTP first)`);
    }
    return fail(ctx, expectation('no service over plain HTTP', `${status} redirect to ${location ?? 'nowhere'}`, label, note));
  }
  if (status >= 200 && status < 300) {
    return fail(ctx, expectation('connection refused/reset or a non-2xx status', String(status), label, note));
  }
  const tls = await ctx.send(buildRequest(ctx, { operation: op, credential: { value: canary, scheme }, request: r.request ?? {} }));
  if (tls.status === status && comparable(tls) === comparable(plainRes)) {
    return fail(
      ctx,
      expectation(
        'plain HTTP refused as such (not the API answering)',
        `the same ${status} the API gives the canary over HTTPS: plain HTTP reaches the API, so a real key would be served`,
        label,
        note,
      ),
    );
  }
  return pass(ctx, `${label} refused with ${status} (over HTTPS the canary gets ${tls.status})`);
}

/** Keys whose values differ between two identical answers: request ids, trace ids, timestamps. */
const VOLATILE_KEY = /(^|[_-])(id|request|trace|time|timestamp|date)$|request|trace/i;

/** The body with volatile parts removed, so two answers of the same handler compare equal. */
function comparable(res: ProbeResponse): string {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).filter(([k]) => !VOLATILE_KEY.test(k)).map(([k, x]) => [k, strip(x)]));
    }
    return v;
  };
  if (res.json !== undefined) return JSON.stringify(strip(res.json));
  return res.body.replace(/[0-9a-f-]{8,}/gi, '#');
}

function plan(_contract: Contract, _fixtures: Fixtures, r: Requirement): Case[] {
  return [makeCase(ID, r, 'a canary key over plain HTTP is not served', (ctx) => run(ctx, r))];
}

export const transport: ProbeFamily = {
  id: ID,
  title: 'Credentials only over HTTPS',
  plans: { 'transport.https-only': plan },
};
