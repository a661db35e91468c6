/**
 * DSSE envelopes (secure-systems-lab/dsse protocol.md, envelope.md) signed with Ed25519 through
 * node:crypto: the signature covers PAE(payloadType, payload) =
 * "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, LEN being the byte length in ASCII decimal.
 * The payload type of an in-toto statement is `application/vnd.in-toto+json`; the key id is the
 * sha256 of the public key's SPKI DER, so `verify` can say which key signed.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { AuthconformError } from '../util/errors.ts';
import { readInput } from './read-input.ts';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface DsseEnvelope {
  payloadType: string;
  /** base64 of the payload bytes */
  payload: string;
  signatures: Array<{ keyid: string; sig: string }>;
}

export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

export function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function signEnvelope(payload: Buffer, payloadType: string, privateKey: KeyObject): DsseEnvelope {
  const sig = sign(null, pae(payloadType, payload), privateKey);
  return { payloadType, payload: payload.toString('base64'), signatures: [{ keyid: keyId(createPublicKey(privateKey)), sig: sig.toString('base64') }] };
}

/** Whether one of the envelope's signatures verifies with `publicKey`. */
export function envelopeVerifies(envelope: DsseEnvelope, publicKey: KeyObject): boolean {
  const message = pae(envelope.payloadType, Buffer.from(envelope.payload, 'base64'));
  return envelope.signatures.some((s) => {
    try {
      return verify(null, message, publicKey, Buffer.from(s.sig, 'base64'));
    } catch {
      return false;
    }
  });
}

/** An Ed25519 key from a PEM file. @throws AuthconformError AC_USAGE naming the flag and file */
export function readEd25519Key(file: string, kind: 'private' | 'public', shown: string): KeyObject {
  const pem = readInput(file, shown).bytes.toString('utf8');
  let key: KeyObject;
  try {
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  } catch {
    throw new AuthconformError('AC_USAGE', `${shown}: not a PEM ${kind} key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AuthconformError('AC_USAGE', `${shown}: an Ed25519 key is needed, this one is ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}
