import { loadContract } from '../src/spec/load.ts';
import { startMock, listDefects } from '../src/mock/index.ts';
import { request } from 'undici';
for (const name of ['linkit', 'linq']) {
  const c = await loadContract(name);
  const m = await startMock(c);
  console.log(name, m.url, m.plainUrl, JSON.stringify(m.fixtures));
  const probe = c.operations.find(o => o.operationId === c.probeOperation)!;
  const cred = m.fixtures.credentials.valid!;
  const scheme = c.schemes.find(s => s.name === cred.scheme)!;
  const h: Record<string,string> = { [scheme.header]: scheme.type === 'bearer' ? `Bearer ${cred.value}` : cred.value };
  for (const hh of [h, {}, {authorization: 'Basic xyz'}]) {
    const r = await request(m.url + probe.path, { headers: hh });
    console.log(r.statusCode, JSON.stringify(r.headers), await r.body.text());
  }
  if (c.login) {
    const r = await request(m.url + '/api/v1/auth/login', { method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({email: m.fixtures.credentials.login!.email, password: m.fixtures.credentials.login!.password}) });
    const j = await r.body.json() as any; console.log(r.statusCode, JSON.stringify(r.headers), JSON.stringify(j));
    for (const org of ['org_456', 'org_999']) {
      const r2 = await request(m.url + probe.path, { headers: { authorization: 'Bearer ' + j.token, 'x-organization-id': org } });
      console.log(org, r2.statusCode, await r2.body.text());
    }
    const r3 = await request(m.plainUrl + probe.path, { headers: h });
    console.log('plain', r3.statusCode, await r3.body.text());
  }
  for (const d of listDefects(c)) console.log('  ', d.id, '-', d.description);
  await m.close();
}
