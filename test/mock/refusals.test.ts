/**
 * The mock's conformant behaviour for the issue-10 refusals (test/fixtures/refusals/octo-lite.yaml):
 * refused scheme words and placements answer their documented error, a public operation is served
 * without a credential (text/plain static body), a repository is addressed by two path parameters
 * (get.params), public items are served to anyone and private ones answer not_found without a
 * credential, with no id in the body.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { repoRoot } from '../../src/spec/bundled.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { mockFixtures } from '../../src/mock/mock-fixtures.ts';
import { createMockState } from '../../src/mock/state.ts';

const KEY = 'octo_k7Qm2Xv9Lp4Rt8Wn3Bz6Yc1D';
let mock: MockServer;

beforeAll(async () => {
  mock = await startMock(await loadSpec(join(repoRoot, 'test/fixtures/refusals/octo-lite.yaml')), { port: 0 });
});
afterAll(async () => {
  await mock.close();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; text: string }> {
  const res = await request(`${mock.url}${path}`, { headers });
  return { status: res.statusCode, type: String(res.headers['content-type']), text: await res.body.text() };
}

describe('octo-lite mock', () => {
  it('refused scheme words answer their error (client_error: 400), never the resource', async () => {
    const basic = await get('/user/repos', { authorization: `Basic ${Buffer.from('canary-user:canary-password').toString('base64')}` });
    const token = await get('/user/repos', { authorization: `Token ${KEY}` });
    expect([basic.status, token.status]).toEqual([400, 400]);
    expect(await get('/user/repos', { authorization: `Bearer ${KEY}` }).then((r) => r.status)).toBe(200);
  });

  it('the key in a refused place (query parameter, cookie) answers the placement error', async () => {
    expect((await get(`/user/repos?access_token=${KEY}`)).status).toBe(400);
    expect((await get('/user/repos', { cookie: `octo_session=${KEY}` })).status).toBe(400);
    expect((await get('/user/repos')).status).toBe(401);
  });

  it('the public operation is served without a credential, as text/plain', async () => {
    expect(await get('/status')).toEqual({ status: 200, type: 'text/plain', text: 'all systems go' });
  });

  it('get.params and get.public: public repository to anyone, private one hidden without a credential', async () => {
    const open = await get('/repos/alpha/hello-world');
    expect([open.status, JSON.parse(open.text).id]).toEqual([200, 1002]);
    const hidden = await get('/repos/alpha/secret-plans');
    expect(hidden.status).toBe(404);
    expect(JSON.parse(hidden.text)).toEqual({ error: 'not_found', message: 'Not Found' });
    expect(hidden.text).not.toContain('1001');
    const own = await get('/repos/alpha/secret-plans', { authorization: `Bearer ${KEY}` });
    expect([own.status, JSON.parse(own.text).id]).toEqual([200, 1001]);
    expect((await get('/repos/bravo/bravo-private', { authorization: `Bearer ${KEY}` })).status).toBe(404);
  });

  it('fixtures on the mock: each path parameter of get.params from the first item of the valid key tenant', async () => {
    const spec = await loadSpec(join(repoRoot, 'test/fixtures/refusals/octo-lite.yaml'));
    const fixtures = mockFixtures(spec, createMockState(spec), {}, undefined);
    expect(fixtures.resources).toEqual({ owner: 'alpha', private_repo: 'secret-plans', repo: 'hello-world', repo_id: '1002' });
  });
});
