/**
 * Maps whatever undici / Node throws to a {@link TransportError}.
 *
 * Messages carry the figure or the host:port, never header values or bodies
 * (undici and Node messages are not copied, only their codes).
 */
import { TransportError } from './errors.ts';

/** What the caller knew when the error happened. */
export interface FailureContext {
  /** the target; only host and port are used in messages */
  url: URL;
  /** whether response headers had already arrived */
  phase: 'headers' | 'body';
  timeoutMs: number;
  deadlineMs: number;
  /** true when the overall deadline fired (errors with a more specific code still map to that code) */
  deadlineExpired: boolean;
}

const TLS_UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_CRL',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'INVALID_CA',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_PURPOSE',
]);
const TLS_VALIDITY = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CRL_HAS_EXPIRED', 'CRL_NOT_YET_VALID']);
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
/** what an abort by the overall deadline looks like */
const DEADLINE = new Set(['DeadlineExceeded', 'TimeoutError', 'AbortError', 'UND_ERR_ABORTED']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH']);

/** host:port of a URL, with the scheme's default port filled in. */
export function hostPort(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

/** Converts any thrown value into a TransportError (TransportErrors pass through). */
export function classifyError(err: unknown, ctx: FailureContext): TransportError {
  if (err instanceof TransportError) return err;
  const where = hostPort(ctx.url);

  const codes = errorCodes(err);
  const has = (code: string): boolean => codes.includes(code);
  const first = (set: Set<string>): string | undefined => codes.find((c) => set.has(c));

  if (has('UND_ERR_CONNECT_TIMEOUT') || has('ETIMEDOUT')) {
    return new TransportError('AC_CONNECT_TIMEOUT', `could not connect to ${where} within ${ctx.timeoutMs} ms`, {
      cause: err,
    });
  }
  if (has('UND_ERR_HEADERS_TIMEOUT')) {
    return new TransportError('AC_HEADERS_TIMEOUT', `no response headers within ${ctx.timeoutMs} ms`, { cause: err });
  }
  if (has('UND_ERR_BODY_TIMEOUT')) {
    return new TransportError('AC_BODY_TIMEOUT', `response body stalled for more than ${ctx.timeoutMs} ms`, {
      cause: err,
    });
  }
  if (has('ECONNREFUSED')) {
    return new TransportError('AC_CONNECTION_REFUSED', `connection refused by ${where}`, { cause: err });
  }
  const dns = first(DNS);
  if (dns) {
    return new TransportError('AC_DNS', `DNS lookup failed for ${ctx.url.hostname} (${dns})`, { cause: err });
  }
  const untrusted = first(TLS_UNTRUSTED);
  if (untrusted) {
    return new TransportError('AC_TLS', `TLS certificate not trusted (${untrusted})`, { cause: err });
  }
  const validity = first(TLS_VALIDITY);
  if (validity) {
    return new TransportError('AC_TLS', `TLS certificate outside its validity period (${validity})`, { cause: err });
  }
  if (has('ERR_TLS_CERT_ALTNAME_INVALID')) {
    return new TransportError(
      'AC_TLS',
      `TLS certificate does not match host ${ctx.url.hostname} (ERR_TLS_CERT_ALTNAME_INVALID)`,
      { cause: err },
    );
  }
  const tls = codes.find((c) => c.startsWith('ERR_SSL_') || c.startsWith('ERR_TLS_') || c === 'EPROTO');
  if (tls) {
    return new TransportError('AC_TLS', `TLS handshake with ${where} failed (${tls})`, { cause: err });
  }
  const reset = first(RESET);
  if (reset) {
    return ctx.phase === 'body'
      ? new TransportError('AC_CONNECTION_RESET', 'connection closed before the body was complete', { cause: err })
      : new TransportError(
          'AC_CONNECTION_RESET',
          `connection to ${where} closed before response headers were received (${reset})`,
          { cause: err },
        );
  }
  if (has('UND_ERR_HEADERS_OVERFLOW')) {
    return new TransportError('AC_REQUEST_FAILED', `response headers from ${where} too large (UND_ERR_HEADERS_OVERFLOW)`, {
      cause: err,
    });
  }
  // undici's HTTPParserError often carries no HPE_ code (a response that is not HTTP at all)
  const parser = codes.find((c) => c.startsWith('HPE_')) ?? codes.find((c) => c === 'HTTPParserError');
  if (parser) {
    return new TransportError('AC_REQUEST_FAILED', `invalid HTTP response from ${where} (${parser})`, { cause: err });
  }
  if (has('UND_ERR_INVALID_ARG')) {
    // undici's own message names the offending option or header, never its value
    const detail = err instanceof Error ? err.message : 'invalid argument';
    return new TransportError('AC_REQUEST_FAILED', `request rejected before sending: ${detail}`, { cause: err });
  }
  if (ctx.deadlineExpired || codes.some((c) => DEADLINE.has(c))) {
    return ctx.phase === 'headers'
      ? new TransportError(
          'AC_HEADERS_TIMEOUT',
          `no response from ${where} within the ${ctx.deadlineMs} ms overall deadline`,
          { cause: err },
        )
      : new TransportError(
          'AC_BODY_TIMEOUT',
          `response body from ${where} not complete within the ${ctx.deadlineMs} ms overall deadline`,
          { cause: err },
        );
  }
  const code = codes[0] ?? (err instanceof Error ? err.name : typeof err);
  return new TransportError('AC_REQUEST_FAILED', `request to ${where} failed (${code})`, { cause: err });
}

/**
 * Codes found on an error, its `cause` chain and, for AggregateError (happy
 * eyeballs), its members. Includes `name` for errors without a code.
 */
export function errorCodes(err: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): void => {
    if (e === null || typeof e !== 'object' || seen.has(e) || depth > 8) return;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') out.push(code);
    else if (e instanceof Error && e.name !== 'Error' && e.name !== 'AggregateError') out.push(e.name);
    if (e instanceof AggregateError) for (const member of e.errors) visit(member, depth + 1);
    visit((e as { cause?: unknown }).cause, depth + 1);
  };
  visit(err, 0);
  return out;
}
