/**
 * The plain-HTTP listener of an HTTPS-only API. The loopback mock cannot do TLS without a
 * certificate the clients trust, so its main listener (plain HTTP on 127.0.0.1) plays the TLS
 * endpoint, and this second listener plays the API's plain-HTTP port: it never serves data and
 * refuses every request (credential or not) with 403 and a JSON error.
 */
import { http } from 'msw/core/http';
import type { Endpoint } from './endpoint.ts';
import { errorReply, toHttpResponse } from './reply.ts';
import type { Runtime } from './runtime.ts';

export function refusingEndpoint(rt: Runtime): Endpoint {
  const refuse = async () => errorReply(rt, rt.errors.httpsRequired, {});
  return {
    handler: http.all(() => true, async () => toHttpResponse(await refuse())),
    match: () => ({}),
    serve: refuse,
  };
}
