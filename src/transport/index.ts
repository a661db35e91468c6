/** The transport layer: the only layer that knows the target. */
export type {
  Exchange,
  ProbeRequest,
  ProbeResponse,
  RateLimitHeaderNames,
  RateLimitPause,
  Transport,
  TransportOptions,
} from './types.ts';
export { createTransport } from './client.ts';
export { sendExchange } from './exchange.ts';
export { TransportError, TRANSPORT_ERROR_CODES, isTransportError, type TransportErrorCode } from './errors.ts';
export { RequestBudget } from './budget.ts';
export { TRANSPORT_DEFAULTS } from './defaults.ts';
export { formatHttpDate, isImfFixdate, isStrictRetryAfter, parseHttpDate, parseRetryAfter } from './http-date.ts';
export { resetDelaySeconds } from './reset.ts';
export { isJsonContentType } from './json.ts';
export {
  BODY_EXCERPT_CHARS,
  DEFAULT_OMITTED_HEADERS,
  findSecretEcho,
  formatExchange,
  maskSecret,
  redactExchange,
  redactText,
  type FormatExchangeOptions,
  type RedactedExchange,
} from './redact.ts';
