/**
 * HTTP client of the embedded mock's control API (`/__authconform/`, see docs/TEAM-NOTES.md):
 * clock and key lifecycle. Control requests bypass the transport: they are not probe requests
 * and do not count against the request budget.
 */
import { Agent, request } from 'undici';
import type { MockControl } from '../probes/model.ts';
import { AuthconformError } from '../util/errors.ts';

export interface ControlClient extends MockControl {
  /** closes the client's connections */
  close(): Promise<void>;
}

const CONTROL_TIMEOUT_MS = 5_000;

export function createControlClient(baseUrl: string): ControlClient {
  const base = new URL(baseUrl);
  const agent = new Agent({ connections: 2, headersTimeout: CONTROL_TIMEOUT_MS, bodyTimeout: CONTROL_TIMEOUT_MS });

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> {
    const url = new URL(`/__authconform/${path}`, base);
    const res = await request(url, {
      dispatcher: agent,
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.body.text();
    if (res.statusCode < 200 || res.statusCode > 299) {
      // the body may echo a key sent in the request: only the status is reported
      throw new AuthconformError('AC_INTERNAL', `mock control ${method} /__authconform/${path} answered ${res.statusCode}`);
    }
    if (text === '') return {};
    try {
      const json: unknown = JSON.parse(text);
      if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json as Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new AuthconformError('AC_INTERNAL', `mock control ${method} /__authconform/${path} did not answer a JSON object`);
  }

  function field<T extends 'number' | 'string'>(json: Record<string, unknown>, name: string, type: T, path: string) {
    const value = json[name];
    if (typeof value !== type) {
      throw new AuthconformError('AC_INTERNAL', `mock control /__authconform/${path} answered without a ${type} '${name}'`);
    }
    return value as T extends 'number' ? number : string;
  }

  return {
    async now() {
      return field(await call('GET', 'clock'), 'now', 'number', 'clock');
    },
    async advance(ms: number) {
      return field(await call('POST', 'clock', { advanceMs: ms }), 'now', 'number', 'clock');
    },
    async freeze() {
      return field(await call('POST', 'clock', { freeze: true }), 'now', 'number', 'clock');
    },
    async createKey(opts: { like: string }) {
      return field(await call('POST', 'keys', { like: opts.like }), 'value', 'string', 'keys');
    },
    async revokeKey(value: string) {
      await call('POST', 'keys/revoke', { value });
    },
    async reset() {
      await call('POST', 'reset', {});
    },
    async close() {
      await agent.close();
    },
  };
}
