import { describe, expect, it } from 'vitest';
import { TransportError } from '../../src/transport/errors.ts';
import {
  findSecretEcho,
  formatExchange,
  maskSecret,
  redactExchange,
  redactText,
} from '../../src/transport/redact.ts';
import type { ProbeResponse } from '../../src/transport/types.ts';
import { responseWith } from '../probes/support/responses.ts';

const S = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
const PREFIXES = ['sk_', 'sk_live_'];

const response = (over: Partial<ProbeResponse>): ProbeResponse => responseWith({ elapsedMs: 3, ...over });

describe('maskSecret', () => {
  it('shows the longest known prefix, an ellipsis and the last four characters', () => {
    expect(maskSecret(S, PREFIXES)).toBe('sk_live_…p7dc');
    expect(maskSecret(S)).toBe('…p7dc');
    expect(maskSecret('abcdefghijklmnop')).toBe('…mnop');
  });

  it('shows no tail when 12 characters or fewer follow the prefix', () => {
    expect(maskSecret('sk_live_123456789012', PREFIXES)).toBe('sk_live_…');
    expect(maskSecret('sk_live_1234567890123', PREFIXES)).toBe('sk_live_…0123');
    expect(maskSecret('hunter2')).toBe('…');
    expect(maskSecret('')).toBe('…');
  });
});

describe('redactText', () => {
  it('masks the plain secret', () => {
    expect(redactText(`Authorization: Bearer ${S}`, [S], PREFIXES)).toBe('Authorization: Bearer sk_live_…p7dc');
    expect(redactText(`${S} and again ${S}`, [S])).toBe('…p7dc and again …p7dc');
  });

  it('masks the URL-encoded form', () => {
    const secret = 'key/with+special=chars12';
    expect(redactText('?k=key%2Fwith%2Bspecial%3Dchars12&x=1', [secret])).toBe('?k=…rs12&x=1');
  });

  it('masks the base64 form, padding included (the encoded prefix stays: it is public)', () => {
    const b64 = Buffer.from(S).toString('base64');
    expect(b64.endsWith('=')).toBe(true);
    // c2tfbGl2 = base64("sk_liv"): the groups that hold none of the key's body
    expect(redactText(`token=${b64};`, [S], PREFIXES)).toBe('token=c2tfbGl2…p7dc;');
    const basic = Buffer.from(`user:${S}`).toString('base64');
    expect(redactText(`Basic ${basic}`, [`user:${S}`])).toBe('Basic …p7dc');
  });

  it('masks runs of at least half of the secret (partial echoes), but not short fragments', () => {
    expect(redactText('key sk_live_4eC39HqLyjWDar is unknown', [S], PREFIXES)).toBe('key sk_live_… is unknown');
    expect(redactText('key 4eC39Hq is unknown', [S], PREFIXES)).toBe('key 4eC39Hq is unknown');
    // anything shaped like a key with a documented prefix is masked, secret or not
    expect(redactText('key sk_live_4eC39Hq is unknown', [S], PREFIXES)).toBe('key sk_live_… is unknown');
  });

  it('does not re-mask masks, and leaves text without secrets alone', () => {
    const once = redactText(`a ${S} b`, [S], PREFIXES);
    expect(redactText(once, [S], PREFIXES)).toBe(once);
    expect(redactText('nothing here', [S, ''])).toBe('nothing here');
    expect(redactText('nothing here', [])).toBe('nothing here');
  });
});

describe('findSecretEcho', () => {
  it('finds a secret echoed in a response header', () => {
    expect(findSecretEcho(response({ headers: { 'x-debug': `key=${S}` } }), [S])).toBe('response header x-debug');
  });

  it('finds encoded forms in the body', () => {
    const b64 = Buffer.from(S).toString('base64');
    expect(findSecretEcho(response({ body: `{"seen":"${b64}"}` }), [S])).toBe('response body (base64)');
    expect(findSecretEcho(response({ body: 'k=key%2Fwith%2Bspecial%3Dchars12' }), ['key/with+special=chars12'])).toBe(
      'response body (url-encoded)',
    );
    expect(findSecretEcho(response({ body: `{"seen":"${S}"}` }), [S])).toBe('response body');
  });

  it('ignores secrets shorter than 8 characters and returns undefined when nothing is echoed', () => {
    expect(findSecretEcho(response({ body: 'abc1234 here' }), ['abc1234'])).toBeUndefined();
    expect(findSecretEcho(response({ body: '{"error":"invalid_key"}', headers: { 'x-a': 'b' } }), [S])).toBeUndefined();
  });
});

describe('redactExchange / formatExchange', () => {
  const key = 'sk_live_51HxYzAbCdEf9f2c';

  it('gives the compact, redacted text', () => {
    const r = redactExchange(
      {
        request: {
          method: 'GET',
          url: 'http://127.0.0.1:4010/v1/profiles?url=x',
          headers: { authorization: `Bearer ${key}` },
          secrets: [key],
        },
        response: response({
          status: 401,
          headers: {
            'content-type': 'application/json',
            date: 'Sun, 06 Nov 1994 08:49:37 GMT',
            'content-length': '23',
            connection: 'keep-alive',
          },
          body: '{"error":"missing_key"}',
        }),
      },
      ['sk_live_'],
    );
    expect(r).toEqual({
      method: 'GET',
      url: 'http://127.0.0.1:4010/v1/profiles?url=x',
      requestHeaders: { authorization: 'Bearer sk_live_…9f2c' },
      status: 401,
      responseHeaders: {
        'content-type': 'application/json',
        date: 'Sun, 06 Nov 1994 08:49:37 GMT',
        'content-length': '23',
        connection: 'keep-alive',
      },
      body: '{"error":"missing_key"}',
      elapsedMs: 3,
    });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(formatExchange(r)).toBe(
      [
        '> GET http://127.0.0.1:4010/v1/profiles?url=x',
        '> authorization: Bearer sk_live_…9f2c',
        '< 401',
        '< content-type: application/json',
        '< {"error":"missing_key"}',
      ].join('\n'),
    );
    expect(formatExchange(r, { omitHeaders: [] }).split('\n').length).toBe(8);
  });

  it('redacts the URL, request body, response headers and body, and cuts the body excerpt at 2000 characters', () => {
    const r = redactExchange({
      request: {
        method: 'POST',
        url: `http://h/x?api_key=${key}`,
        headers: { 'x-api-key': key },
        body: `{"key":"${key}"}`,
        secrets: [key],
      },
      response: response({ headers: { 'x-echo': key }, body: `${key}\n${'y'.repeat(3000)}` }),
    });
    expect(r.url).toBe('http://h/x?api_key=…9f2c');
    expect(r.requestHeaders).toEqual({ 'x-api-key': '…9f2c' });
    expect(r.requestBody).toBe('{"key":"…9f2c"}');
    expect(r.responseHeaders).toEqual({ 'x-echo': '…9f2c' });
    expect(r.body?.length).toBe(2000);
    expect(r.body?.startsWith('…9f2c\nyyy')).toBe(true);
    expect(r.bodyTruncated).toBe(true);
    const text = formatExchange(r);
    expect(text.includes(key)).toBe(false);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '> POST http://h/x?api_key=…9f2c',
      '> x-api-key: …9f2c',
      '> {"key":"…9f2c"}',
      '< 200',
    ]);
    expect(text.endsWith('\n< … (body truncated)')).toBe(true);
  });

  it('formats a transport error', () => {
    const r = redactExchange({
      request: { method: 'GET', url: 'http://127.0.0.1:9/', headers: {} },
      error: new TransportError('AC_CONNECTION_REFUSED', 'connection refused by 127.0.0.1:9'),
    });
    expect(formatExchange(r)).toBe('> GET http://127.0.0.1:9/\n! AC_CONNECTION_REFUSED connection refused by 127.0.0.1:9');
  });
});
