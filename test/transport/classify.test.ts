import { describe, expect, it } from 'vitest';
import { classifyError, errorCodes, hostPort } from '../../src/transport/classify.ts';
import { isTransportError, TransportError } from '../../src/transport/errors.ts';

const ctx = {
  url: new URL('https://api.example.com/v1/x?key=secret'),
  phase: 'headers' as const,
  timeoutMs: 10_000,
  deadlineMs: 20_000,
  deadlineExpired: false,
};

const coded = (code: string, message = 'boom secret-value'): Error => Object.assign(new Error(message), { code });

describe('classifyError', () => {
  const cases: Array<[string, string, string]> = [
    ['UND_ERR_CONNECT_TIMEOUT', 'AC_CONNECT_TIMEOUT', 'could not connect to api.example.com:443 within 10000 ms'],
    ['ETIMEDOUT', 'AC_CONNECT_TIMEOUT', 'could not connect to api.example.com:443 within 10000 ms'],
    ['UND_ERR_HEADERS_TIMEOUT', 'AC_HEADERS_TIMEOUT', 'no response headers within 10000 ms'],
    ['UND_ERR_BODY_TIMEOUT', 'AC_BODY_TIMEOUT', 'response body stalled for more than 10000 ms'],
    ['ECONNREFUSED', 'AC_CONNECTION_REFUSED', 'connection refused by api.example.com:443'],
    ['ENOTFOUND', 'AC_DNS', 'DNS lookup failed for api.example.com (ENOTFOUND)'],
    ['EAI_AGAIN', 'AC_DNS', 'DNS lookup failed for api.example.com (EAI_AGAIN)'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'AC_TLS', 'TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'AC_TLS', 'TLS certificate not trusted (SELF_SIGNED_CERT_IN_CHAIN)'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'AC_TLS', 'TLS certificate not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)'],
    ['CERT_HAS_EXPIRED', 'AC_TLS', 'TLS certificate outside its validity period (CERT_HAS_EXPIRED)'],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'AC_TLS',
      'TLS certificate does not match host api.example.com (ERR_TLS_CERT_ALTNAME_INVALID)',
    ],
    ['ECONNRESET', 'AC_CONNECTION_RESET', 'connection to api.example.com:443 closed before response headers were received (ECONNRESET)'],
    ['EPIPE', 'AC_CONNECTION_RESET', 'connection to api.example.com:443 closed before response headers were received (EPIPE)'],
    ['HPE_INVALID_CONSTANT', 'AC_REQUEST_FAILED', 'invalid HTTP response from api.example.com:443 (HPE_INVALID_CONSTANT)'],
    ['EHOSTUNREACH', 'AC_REQUEST_FAILED', 'request to api.example.com:443 failed (EHOSTUNREACH)'],
  ];
  for (const [input, code, message] of cases) {
    it(`${input} → ${code}`, () => {
      const e = classifyError(coded(input), ctx);
      expect(e.code).toBe(code);
      expect(e.message).toBe(message);
      expect(e.cause).toBeInstanceOf(Error);
    });
  }

  it('a socket closing mid-body ("other side closed") → AC_CONNECTION_RESET', () => {
    const e = classifyError(coded('UND_ERR_SOCKET', 'other side closed'), { ...ctx, phase: 'body' });
    expect(e.code).toBe('AC_CONNECTION_RESET');
    expect(e.message).toBe('connection closed before the body was complete');
  });

  it('finds codes in the cause chain and in AggregateError members (happy eyeballs)', () => {
    const wrapped = new Error('fetch failed', { cause: coded('ECONNREFUSED') });
    expect(classifyError(wrapped, ctx).code).toBe('AC_CONNECTION_REFUSED');
    const agg = new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], 'all failed');
    expect(classifyError(agg, ctx).code).toBe('AC_CONNECTION_REFUSED');
    expect(errorCodes(agg)).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
  });

  it('AbortError / TimeoutError map to the deadline by phase', () => {
    const abort = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(classifyError(abort, ctx).message).toBe('no response from api.example.com:443 within the 20000 ms overall deadline');
    expect(classifyError(abort, { ...ctx, phase: 'body' }).code).toBe('AC_BODY_TIMEOUT');
  });

  it('a specific undici code wins over the deadline flag', () => {
    expect(classifyError(coded('UND_ERR_CONNECT_TIMEOUT'), { ...ctx, deadlineExpired: true }).code).toBe('AC_CONNECT_TIMEOUT');
  });

  it('passes TransportErrors through and never copies the original message', () => {
    const te = new TransportError('AC_BODY_TOO_LARGE', 'response body exceeded 5 bytes');
    expect(classifyError(te, ctx)).toBe(te);
    expect(classifyError(coded('WHATEVER', 'Bearer sk_live_xyz'), ctx).message.includes('sk_live')).toBe(false);
    expect(classifyError('a string', ctx).message).toBe('request to api.example.com:443 failed (string)');
  });

  it('hostPort fills in default ports', () => {
    expect(hostPort(new URL('http://a.test/'))).toBe('a.test:80');
    expect(hostPort(new URL('https://a.test/'))).toBe('a.test:443');
    expect(hostPort(new URL('http://[::1]:8080/'))).toBe('[::1]:8080');
  });
});

describe('TransportError', () => {
  it('has a stable code, a name and a one-line message', () => {
    const e = new TransportError('AC_DNS', 'line one\nline two');
    expect(e.name).toBe('TransportError');
    expect(e.code).toBe('AC_DNS');
    expect(e.message).toBe('line one line two');
    expect(isTransportError(e)).toBe(true);
    expect(isTransportError(new Error('x'))).toBe(false);
    expect(isTransportError(Object.assign(new Error('x'), { name: 'TransportError', code: 'AC_DNS' }))).toBe(true);
  });
});
