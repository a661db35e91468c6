import { loadContract } from '../src/spec/load.ts';
import { startMock } from '../src/mock/index.ts';
import { request } from 'undici';
const c = await loadContract('linkfetch');
const m = await startMock(c, { defects: ['LINKFETCH-KEY-03'] });
for (const v of [m.fixtures.credentials.revoked_expired!.value, 'sk_live_zzzzzzzzzzzzzzzzzzzzzzzzzzzz']) {
  const r = await request(m.url + '/v1/profiles?url=x', { headers: { authorization: 'Bearer ' + v } });
  console.log(r.statusCode, await r.body.text());
}
await m.close();
