import { describe, expect, it } from 'vitest';
import { createOrigins, originOf, plainHttpUrl } from '../../src/transport/origins.ts';
import type { ProbeRequest, ProbeResponse } from '../../src/transport/types.ts';

const send = async (req: ProbeRequest): Promise<ProbeResponse> => {
  void req;
  return { status: 204, headers: {}, rawHeaderNames: [], body: '', truncated: false, elapsedMs: 0 };
};

describe('origins: a path resolved against the base URL of the origin it names', () => {
  it('applies the target URL base path once, keeping the query', () => {
    const origins = createOrigins(send, 'http://127.0.0.1:1/api/partner/');
    const req = { method: 'GET', path: '/v1/things?q=x', headers: {} };
    expect(originOf(origins, req).resolve(req)).toEqual({ ...req, url: 'http://127.0.0.1:1/api/partner/v1/things?q=x' });
  });

  it('builds a plain-HTTP origin from the fixture, else from an https target, and none for an http target', () => {
    expect(plainHttpUrl('https://api.acme.test:8443/base', undefined)).toBe('http://api.acme.test/base');
    expect(plainHttpUrl('https://api.acme.test', 'http://127.0.0.1:2/p')).toBe('http://127.0.0.1:2/p');
    expect(plainHttpUrl('http://127.0.0.1:1', undefined)).toBeUndefined();
    expect(Object.keys(createOrigins(send, 'http://127.0.0.1:1'))).toEqual(['target']);
    const origins = createOrigins(send, 'https://api.acme.test/base');
    const req = { method: 'GET', path: '/v1/things', headers: {}, origin: 'plain-http' as const };
    expect(originOf(origins, req).resolve(req).url).toBe('http://api.acme.test/base/v1/things');
  });

  it('refuses a request to an origin the run has no client for', () => {
    const origins = createOrigins(send, 'http://127.0.0.1:1');
    expect(() => originOf(origins, { method: 'GET', path: '/', headers: {}, origin: 'plain-http' })).toThrow('no plain-http origin');
  });
});
