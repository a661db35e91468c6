/** A self-signed certificate for 127.0.0.1 and localhost, made in-process (npm `selfsigned`, no openssl). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface SelfSigned {
  /** holds cert.pem (for NODE_EXTRA_CA_CERTS); the caller removes it */
  dir: string;
  certFile: string;
  key: string;
  cert: string;
}

export async function makeSelfSigned(): Promise<SelfSigned> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    notAfterDate: new Date(Date.now() + 2 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'ac-tls-'));
  const certFile = join(dir, 'cert.pem');
  writeFileSync(certFile, pems.cert);
  return { dir, certFile, key: pems.private, cert: pems.cert };
}
