/**
 * The login operation (contract.login): `{ email, password }` → a JWT-looking token, its expiry
 * (now + mock.tokenLifetime on the mock clock) and the user, in the documented response shape.
 * Every login response carries `Cache-Control: no-store`.
 */
import type { LoginSpec } from '../spec/contract.ts';
import { instanceOf } from './instance.ts';
import { setAtPointer } from './pointer.ts';
import type { HeaderBag, Reply } from './reply.ts';
import type { MockRequest } from './request.ts';
import { jsonBody } from './request.ts';
import { errorReply, jsonReply } from './reply.ts';
import type { Route } from './routes.ts';
import type { Runtime } from './runtime.ts';

function field(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const v = (body as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

export async function login(rt: Runtime, spec: LoginSpec, route: Route, request: MockRequest, headers: HeaderBag, now: number): Promise<Reply> {
  const cacheControl = rt.stages.tokenCacheControl(rt);
  if (cacheControl !== undefined) headers['cache-control'] = cacheControl;
  const sent = await jsonBody(request);
  const email = field(sent, 'email');
  const password = field(sent, 'password');
  const user = email !== undefined ? rt.state.findUser(email) : undefined;
  if (user === undefined || password === undefined || !rt.stages.passwordMatches(rt, user, password)) {
    const refusal = rt.stages.loginRefusal(rt, user);
    return errorReply(rt, refusal.error, headers, refusal.extra !== undefined ? { extra: refusal.extra } : {});
  }
  const token = rt.state.issueToken(user, spec.tokenScheme, rt.state.seed.tokenLifetimeMs);
  const found = user.organizations[0] ?? user.tenant;
  const hint = (name: string): unknown => {
    if (name === 'email') return user.email;
    if (name === 'id') return user.id;
    if (name === 'organization_id' && found !== undefined) return found;
    return undefined;
  };
  const schema = route.operation.successSchema;
  const made = schema !== undefined ? instanceOf(schema, { hint, now }) : {};
  const body: Record<string, unknown> = typeof made === 'object' && made !== null && !Array.isArray(made) ? (made as Record<string, unknown>) : {};
  setAtPointer(body, spec.tokenPointer, token.value);
  const { expiresAt, organization } = rt.stages.loginClaims(rt, { expiresAt: token.expiresAt ?? now, ...(found !== undefined ? { organization: found } : {}) }, now);
  setAtPointer(body, spec.expiresPointer, new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  if (spec.organizationPointer !== undefined && organization !== undefined) setAtPointer(body, spec.organizationPointer, organization);
  return jsonReply(rt, route.operation.successStatus, body, headers, schema);
}
