/**
 * Typed transport errors with stable codes (in the spirit of undici's UND_ERR_*).
 *
 * Messages are one line, human, carry the figure that was exceeded or the
 * host that failed, and never contain header values or bodies.
 */

/** Every code a {@link TransportError} can carry. Stable: upper layers switch on these. */
export const TRANSPORT_ERROR_CODES = [
  'AC_CONNECT_TIMEOUT',
  'AC_HEADERS_TIMEOUT',
  'AC_BODY_TIMEOUT',
  'AC_CONNECTION_REFUSED',
  'AC_CONNECTION_RESET',
  'AC_BODY_TOO_LARGE',
  'AC_TLS',
  'AC_DNS',
  'AC_BUDGET_EXHAUSTED',
  'AC_INVALID_URL',
  'AC_REQUEST_FAILED',
] as const;

export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

export class TransportError extends Error {
  override readonly name = 'TransportError';
  readonly code: TransportErrorCode;

  constructor(code: TransportErrorCode, message: string, options?: { cause?: unknown }) {
    super(oneLine(message), options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/** True when `value` is a {@link TransportError} (also across realms / duplicated modules). */
export function isTransportError(value: unknown): value is TransportError {
  if (value instanceof TransportError) return true;
  if (!(value instanceof Error) || value.name !== 'TransportError') return false;
  const code: unknown = (value as unknown as { code?: unknown }).code;
  return typeof code === 'string' && (TRANSPORT_ERROR_CODES as readonly string[]).includes(code);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
