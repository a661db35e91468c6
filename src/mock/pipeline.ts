/**
 * The request pipeline of an operation, in order:
 * authentication → echo headers → rate limit → required headers → organization → scopes →
 * bindings → the operation's answer. Each stage answers the documented error of its requirement.
 */
import type { ErrorSpec } from '../spec/contract.ts';
import { authenticate, extractCredential } from './auth.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CredentialRecord } from './credentials.ts';
import { login } from './login.ts';
import { lockoutNumbers } from './lockout.ts';
import { anonymousRateHeaders, rateLimitedReply, secondaryLimitedReply, takeAnonymousLimit, takeRateLimit } from './rate-headers.ts';
import type { HeaderBag, Reply } from './reply.ts';
import type { MockRequest } from './request.ts';
import { clientOf, jsonBody } from './request.ts';
import { errorReply, jsonReply } from './reply.ts';
import { respond } from './responders.ts';
import type { Principal } from './responders.ts';
import type { Route } from './routes.ts';
import type { Runtime } from './runtime.ts';

async function bindingError(rt: Runtime, route: Route, request: MockRequest, record: CredentialRecord): Promise<ErrorSpec | undefined> {
  if (route.bindings.length === 0) return undefined;
  const body = await jsonBody(request);
  if (body === undefined) return undefined;
  for (const b of route.bindings) {
    const error = rt.stages.bindingError(rt, b, body, record);
    if (error !== undefined) return error;
  }
  return undefined;
}

/** Every reply of an operation, with the documented response headers (x-authconform.responseHeaders) its status calls for. */
export async function handleOperation(rt: Runtime, route: Route, request: MockRequest, params: Record<string, string>): Promise<Reply> {
  const reply = await operationReply(rt, route, request, params);
  for (const rule of rt.contract.responseHeaders) {
    const value = rt.stages.responseHeaderValue(rt, rule, reply.status);
    if (value !== undefined) reply.headers[rule.name.toLowerCase()] = value;
  }
  return reply;
}

async function operationReply(rt: Runtime, route: Route, request: MockRequest, params: Record<string, string>): Promise<Reply> {
  const now = rt.state.clock.now();
  const headers: HeaderBag = {};
  const loginSpec = rt.contract.login;
  if (route.isLogin && loginSpec !== undefined) return login(rt, loginSpec, route, request, headers, now);
  // a public operation (`security: []`), or one where a credential is optional (`security: [{}, ...]`,
  // x-authconform.public) requested with none: served without a principal, counted against the
  // anonymous plan when the spec declares one
  if (route.groups.length === 0 || (route.operation.public === true && extractCredential(request.headers, route.groups, request.url).kind === 'none')) {
    const refusal = rt.stages.publicAccess(rt, route.operation);
    if (refusal !== undefined) return errorReply(rt, refusal, headers);
    const caller = { client: clientOf(request), operationId: route.operation.operationId, method: route.operation.method };
    const secondary = secondaryLimitedReply(rt, caller, undefined, now, headers);
    if (secondary !== undefined) return secondary;
    const decision = takeAnonymousLimit(rt, caller.client, now, headers, route.operation.operationId);
    if (decision?.limited === true) return rateLimitedReply(rt, decision, now, headers);
    return respond(rt, route, request, params, {}, headers, now);
  }

  const lockout = rt.contract.lockout;
  const presenting = lockout !== undefined && extractCredential(request.headers, route.groups, request.url).kind !== 'none';
  const lockoutError = (): Reply => errorReply(rt, rt.errors.byId(lockout?.error, 403), headers, { presented: true });
  if (presenting && lockout.affectsValid && rt.state.lockout.lockedAt(now)) return lockoutError();
  const auth = authenticate(rt, request, route.groups, now);
  if (auth.kind === 'crash') return jsonReply(rt, 500, { error: 'Internal Server Error' }, headers);
  if (auth.kind === 'refused') {
    if (presenting) {
      if (rt.state.lockout.lockedAt(now)) return lockoutError();
      const n = lockoutNumbers(rt.contract, rt.mock);
      rt.state.lockout.refused(now, rt.stages.lockoutAfter(rt), n?.withinMs ?? 0, rt.stages.lockoutLastsMs(rt));
    }
    const presented = extractCredential(request.headers, route.groups);
    const delay = presented.kind === 'value' ? rt.stages.refusalDelayMs(rt, presented.value) : 0;
    if (delay > 0) await (rt.options.sleep ?? sleep)(delay);
    anonymousRateHeaders(rt, clientOf(request), now, headers);
    return errorReply(rt, auth.error, headers, { presented: presented.kind !== 'none', ...(auth.extra !== undefined ? { extra: auth.extra } : {}) });
  }
  const record = auth.record;
  const orgHeader = rt.contract.organization?.header;
  const orgValue = orgHeader !== undefined ? request.headers.get(orgHeader)?.trim() : undefined;
  const orgs = record.organizations ?? (record.tenant !== undefined ? [record.tenant] : []);
  const principal: Principal = { record };
  // the organization named by the header (when a member) selects the tenant whose data is served
  const tenant = orgValue !== undefined && orgs.includes(orgValue) ? orgValue : (record.tenant ?? orgs[0]);
  if (tenant !== undefined) principal.tenant = tenant;

  if (auth.anonymous) {
    anonymousRateHeaders(rt, clientOf(request), now, headers);
  } else {
    for (const echo of rt.contract.echoHeaders) {
      const value = rt.stages.echoValue(rt, record);
      if (value !== undefined) headers[echo.name.toLowerCase()] = value;
    }
    const caller = { record, client: clientOf(request), operationId: route.operation.operationId, method: route.operation.method };
    const secondary = secondaryLimitedReply(rt, caller, tenant, now, headers);
    if (secondary !== undefined) return secondary;
    const decision = takeRateLimit(rt, record, tenant, now, headers, route.operation.operationId);
    if (decision?.limited === true) return rateLimitedReply(rt, decision, now, headers);
    const refused = rt.stages.admit(rt, record, route.operation.operationId);
    if (refused !== undefined) return errorReply(rt, refused, headers);
  }

  const before = rt.stages.requiredHeaderError(rt, request.headers) ?? (orgValue !== undefined ? rt.stages.organizationError(rt, orgValue, orgs) : undefined);
  const scope = before === undefined ? rt.stages.scopeError(rt, route, record) : undefined;
  const refusal = before ?? scope ?? (await bindingError(rt, route, request, record));
  if (refusal !== undefined) return errorReply(rt, refusal, headers, { scopeRefusal: refusal === scope });
  return respond(rt, route, request, params, principal, headers, now);
}
