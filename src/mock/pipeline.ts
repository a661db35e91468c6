/**
 * The request pipeline of an operation, in order:
 * authentication → echo headers → rate limit → required headers → organization → scopes →
 * bindings → the operation's answer. Each stage answers the documented error of its requirement.
 */
import type { ErrorSpec } from '../spec/contract.ts';
import { getAtPointer } from '../spec/json-pointer.ts';
import { authenticate } from './auth.ts';
import type { CredentialRecord } from './credentials.ts';
import { login } from './login.ts';
import { anonymousRateHeaders, rateLimitedReply, takeRateLimit } from './rate-headers.ts';
import type { HeaderBag, Reply } from './reply.ts';
import type { MockRequest } from './request.ts';
import { jsonBody } from './request.ts';
import { errorReply, jsonReply } from './reply.ts';
import { respond } from './responders.ts';
import type { Principal } from './responders.ts';
import type { Route } from './routes.ts';
import type { Runtime } from './runtime.ts';

function mediaType(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

function echoValue(rt: Runtime, record: CredentialRecord): string | undefined {
  const prefix = record.prefix;
  if (prefix === undefined) return undefined;
  if (!rt.faults.echoWrongPrefix) return prefix;
  const other = record.test ? rt.contract.keyFormat.live[0] : rt.contract.keyFormat.test[0];
  return other ?? prefix.slice(0, -1);
}

function requiredHeaderError(rt: Runtime, headers: MockRequest['headers']): ErrorSpec | undefined {
  if (rt.faults.requiredHeaderUnchecked) return undefined;
  for (const rule of rt.requiredHeaders) {
    const sent = headers.get(rule.name);
    const ok = sent !== null && (rule.mediaType ? mediaType(sent) === mediaType(rule.value) : sent.trim() === rule.value);
    if (!ok) return rule.error;
  }
  return undefined;
}

function scopeError(rt: Runtime, route: Route, record: CredentialRecord): ErrorSpec | undefined {
  const needed = route.operation.scopes;
  if (needed.length === 0 || record.scopes === undefined) return undefined;
  const op = route.operation.operationId;
  if (rt.faults.scopeUnenforced.has(op) || rt.faults.scopeUnenforced.has('*')) return undefined;
  const granted = record.scopes;
  return needed.every((s) => granted.includes(s)) ? undefined : rt.errors.scopeFor(op);
}

async function bindingError(rt: Runtime, route: Route, request: MockRequest, record: CredentialRecord): Promise<ErrorSpec | undefined> {
  const active = route.bindings.filter((b) => !rt.faults.bindingUnenforced.has(b.error));
  if (active.length === 0) return undefined;
  const body = await jsonBody(request);
  if (body === undefined) return undefined;
  for (const b of active) {
    const sent = getAtPointer(body, b.pointer);
    if (sent === undefined) continue;
    const allowed = record.attributes[b.attribute] ?? [];
    if (!allowed.includes(String(sent))) return rt.errors.byId(b.error, 403);
  }
  return undefined;
}

export async function handleOperation(rt: Runtime, route: Route, request: MockRequest, params: Record<string, string>): Promise<Reply> {
  const now = rt.state.clock.now();
  const headers: HeaderBag = {};
  const loginSpec = rt.contract.login;
  if (route.isLogin && loginSpec !== undefined) return login(rt, loginSpec, route, request, headers, now);
  if (route.groups.length === 0) return respond(rt, route, request, params, {}, headers, now);

  const auth = authenticate(rt, request.headers, route.groups, now);
  if (auth.kind === 'crash') return jsonReply(rt, 500, { error: 'Internal Server Error' }, headers);
  if (auth.kind === 'refused') {
    anonymousRateHeaders(rt, 'anonymous', now, headers);
    return errorReply(rt, auth.error, headers, auth.extra !== undefined ? { extra: auth.extra } : {});
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
    anonymousRateHeaders(rt, 'anonymous', now, headers);
  } else {
    for (const echo of rt.contract.echoHeaders) {
      const value = echoValue(rt, record);
      if (value !== undefined) headers[echo.name.toLowerCase()] = value;
    }
    const decision = takeRateLimit(rt, record, tenant, now, headers);
    if (decision?.limited === true) return rateLimitedReply(rt, decision, now, headers);
    const opId = route.operation.operationId;
    if (rt.faults.refuseRole.some((r) => r.role === record.role && r.operation === opId)) return errorReply(rt, rt.errors.invalid, headers);
    if (rt.faults.refuseTestKeys && record.test) return errorReply(rt, rt.errors.invalid, headers);
  }

  const refusal =
    requiredHeaderError(rt, request.headers) ??
    (orgValue !== undefined && !orgs.includes(orgValue) && !rt.faults.orgUnchecked ? rt.errors.organization : undefined) ??
    scopeError(rt, route, record) ??
    (await bindingError(rt, route, request, record));
  if (refusal !== undefined) return errorReply(rt, refusal, headers);
  return respond(rt, route, request, params, principal, headers, now);
}
