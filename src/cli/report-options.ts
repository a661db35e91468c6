/** The report-file options `run`, `report` and `merge` share: declared once, read once. */
import type { ReportFiles } from '../report/write-reports.ts';
import type { OptionDecl } from './command.ts';
import { read, type ParsedArgs } from './parse-args.ts';

export const JSON_OPTION: OptionDecl = { flags: '--json <FILE>', help: 'the run record: one JSON document every other report is a projection of' };

/** Every report but JUnit (whose default differs by command) and the JSON record. */
export const REPORT_OPTIONS: OptionDecl[] = [
  { flags: '--html <FILE>', help: 'self-contained HTML certification report' },
  { flags: '--sarif <FILE>', help: 'SARIF 2.1.0: a rule per requirement, a result per failed case (GitHub code scanning)' },
  { flags: '--attest <FILE>', help: 'in-toto Statement v1: the spec files as subjects, the run summary and the JSON record digest' },
  { flags: '--sign-key <KEY.pem>', help: 'Ed25519 private key (PEM): the attestation becomes a signed DSSE envelope' },
  { flags: '--badge <FILE>', help: 'SVG badge: authconform | <spec> <passed>/<total> MUST' },
];

export function readReportFiles(parsed: ParsedArgs): ReportFiles {
  return {
    json: read.string(parsed, 'json'),
    junit: read.string(parsed, 'junit'),
    html: read.string(parsed, 'html'),
    sarif: read.string(parsed, 'sarif'),
    attest: read.string(parsed, 'attest'),
    signKey: read.string(parsed, 'sign-key'),
    badge: read.string(parsed, 'badge'),
  };
}
