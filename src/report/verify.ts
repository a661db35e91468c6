/**
 * `authconform verify`: an attestation (a DSSE envelope, or a bare in-toto statement) checked
 * against a public key, the JSON record it summarises and the spec files it names. The answer is
 * what is certified (spec, target, tally, date) or why it does not verify; bad input (unreadable
 * files, not JSON, not a key) is an AuthconformError (exit 2).
 */
import { createHash, type KeyObject } from 'node:crypto';
import { PREDICATE_TYPE, type InTotoStatement } from '../../reporters/attestation.ts';
import { AuthconformError } from '../util/errors.ts';
import { envelopeVerifies, IN_TOTO_PAYLOAD_TYPE, keyId, type DsseEnvelope } from './dsse.ts';
import { SCHEMA_FILES, schemaProblems } from './json-schemas.ts';
import type { InputFile } from './read-input.ts';

export interface VerifyInput {
  /** the attestation file's bytes and how to name it */
  attestation: InputFile;
  /** the public key; required for an envelope */
  key?: KeyObject;
  /** the JSON record's bytes */
  record?: InputFile;
  specs: InputFile[];
}

export interface VerifyResult {
  verified: boolean;
  /** what is certified (verified) or every reason it is not */
  lines: string[];
}

export function verifyAttestation(input: VerifyInput): VerifyResult {
  const problems: string[] = [];
  const parsed = parseJson(input.attestation);
  let statement: unknown = parsed;
  if (isEnvelope(parsed)) {
    if (input.key === undefined) throw new AuthconformError('AC_USAGE', `${input.attestation.shown} is a signed envelope: give --key PUB.pem`);
    const envelopeProblems = schemaProblems(SCHEMA_FILES.dsseEnvelope, parsed);
    if (envelopeProblems.length > 0) throw new AuthconformError('AC_USAGE', `${input.attestation.shown}: not a DSSE envelope: ${envelopeProblems[0]}`);
    if (parsed.payloadType !== IN_TOTO_PAYLOAD_TYPE) problems.push(`payload type is ${parsed.payloadType}, not ${IN_TOTO_PAYLOAD_TYPE}`);
    if (!envelopeVerifies(parsed, input.key)) problems.push(`the signature does not verify with the key ${keyId(input.key).slice(0, 16)}…`);
    statement = parseJson({ bytes: Buffer.from(parsed.payload, 'base64'), shown: `${input.attestation.shown} (payload)` });
  } else if (input.key !== undefined) {
    problems.push(`${input.attestation.shown} is not signed (a bare statement): nothing for --key to verify`);
  }
  const statementProblems = schemaProblems(SCHEMA_FILES.inTotoStatement, statement);
  if (statementProblems.length > 0) throw new AuthconformError('AC_USAGE', `${input.attestation.shown}: not an in-toto Statement v1: ${statementProblems[0]}`);
  const s = statement as InTotoStatement;
  if (s.predicateType !== PREDICATE_TYPE) throw new AuthconformError('AC_USAGE', `${input.attestation.shown}: predicate type ${s.predicateType} is not ${PREDICATE_TYPE}`);
  if (input.record !== undefined) {
    const digest = sha256(input.record.bytes);
    if (digest !== s.predicate.record.digest.sha256) problems.push(`${input.record.shown}: sha256 ${digest} is not the certified record's ${s.predicate.record.digest.sha256}`);
  }
  for (const spec of input.specs) {
    const digest = sha256(spec.bytes);
    const subject = s.subject.find((x) => x.digest.sha256 === digest);
    if (subject === undefined) problems.push(`${spec.shown}: sha256 ${digest} is none of the certified specs (${s.subject.map((x) => `${x.name} ${x.digest.sha256.slice(0, 12)}…`).join(', ')})`);
  }
  if (problems.length > 0) return { verified: false, lines: problems };
  return { verified: true, lines: certifiedLines(s, input) };
}

function certifiedLines(s: InTotoStatement, input: VerifyInput): string[] {
  const p = s.predicate;
  const checked = [
    input.key === undefined ? 'unsigned statement' : `signature by key ${keyId(input.key).slice(0, 16)}…`,
    ...(input.record === undefined ? [] : ['record digest']),
    ...(input.specs.length === 0 ? [] : [`${input.specs.length} spec digest${input.specs.length === 1 ? '' : 's'}`]),
  ];
  return [
    `verified: ${checked.join(', ')}`,
    `certified: authconform ${p.tool.version}, ${p.startedAt} – ${p.endedAt}, level ${p.level}: ${p.conformant ? 'conformant' : 'not conformant'}`,
    ...p.specs.map(
      (spec) =>
        `  ${spec.name} (sha256 ${spec.sha256}) → ${spec.target}${spec.mock ? ' (embedded mock)' : ''}: ${spec.verdict}; ` +
        spec.levels.filter((l) => l.total > 0).map((l) => `${l.level} ${l.passed}/${l.total}`).join(', ') +
        `; ${spec.tally.failed} failed, ${spec.tally.warnings} warnings, ${spec.tally.skipped} skipped`,
    ),
  ];
}

function parseJson(input: InputFile): unknown {
  try {
    return JSON.parse(input.bytes.toString('utf8')) as unknown;
  } catch {
    throw new AuthconformError('AC_USAGE', `${input.shown}: not JSON`);
  }
}

function isEnvelope(value: unknown): value is DsseEnvelope {
  return typeof value === 'object' && value !== null && 'payloadType' in value && 'signatures' in value;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
