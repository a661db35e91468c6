/** Runs a request and captures the outcome as an {@link Exchange} (never throws a TransportError). */
import { isTransportError } from './errors.ts';
import type { Exchange, ProbeRequest, Transport } from './types.ts';

export async function sendExchange(transport: Transport, request: ProbeRequest): Promise<Exchange> {
  try {
    return { request, response: await transport.send(request) };
  } catch (err) {
    if (isTransportError(err)) return { request, error: err };
    throw err;
  }
}
