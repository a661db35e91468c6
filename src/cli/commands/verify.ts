/**
 * `authconform verify FILE [--key PUB.pem] [--json RUN.json] [--spec FILE...]`: checks an
 * attestation's signature and every digest, then prints what is certified. Exit 0 verified,
 * 1 does not verify, 2 bad input.
 */
import { resolve } from 'node:path';
import type { CliCommand } from '../command.ts';
import { parseCommandArgs, read } from '../parse-args.ts';

export const command: CliCommand = {
  name: 'verify',
  summary: 'check a signed attestation (run --attest --sign-key) against its key, JSON record and spec files',
  args: '<attestation>',
  argsHelp: 'the file `run --attest` wrote (a DSSE envelope, or a bare in-toto statement)',
  options: [
    { flags: '--key <PUB.pem>', help: 'Ed25519 public key (PEM) the envelope must be signed with' },
    { flags: '--json <RUN.json>', help: 'the JSON run record the attestation certifies: its sha256 must match' },
    { flags: '--spec <FILE>', help: 'a spec file: its sha256 must be a subject (repeatable)', repeatable: true },
  ],
  async run(argv, io) {
    const parsed = parseCommandArgs(command, argv);
    const file = parsed.positionals[0]!;
    const key = read.string(parsed, 'key');
    const json = read.string(parsed, 'json');
    // the record's JSON Schema (ajv) loads only when the command runs
    const [{ readEd25519Key }, { readInput }, { verifyAttestation }] = await Promise.all([import('../../report/dsse.ts'), import('../../report/read-input.ts'), import('../../report/verify.ts')]);
    const result = verifyAttestation({
      attestation: readInput(resolve(io.cwd, file), file),
      ...(key === undefined ? {} : { key: readEd25519Key(resolve(io.cwd, key), 'public', `--key ${key}`) }),
      ...(json === undefined ? {} : { record: readInput(resolve(io.cwd, json), `--json ${json}`) }),
      specs: read.strings(parsed, 'spec').map((spec) => readInput(resolve(io.cwd, spec), `--spec ${spec}`)),
    });
    if (!result.verified) {
      io.stderr(`authconform: ${file} does not verify:`);
      for (const line of result.lines) io.stderr(`  ${line}`);
      return 1;
    }
    for (const line of result.lines) io.stdout(line);
    return 0;
  },
};
