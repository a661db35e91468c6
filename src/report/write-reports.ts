/**
 * Writes the reports of a run record: the record is masked once (`maskRecord`), each format is a
 * pure function of that masked record, and every rendered file passes the mask once more before
 * it is written. The JSON record comes first: the attestation covers its digest.
 */
import { resolve } from 'node:path';
import { createHash, type KeyObject } from 'node:crypto';
import { renderAnnotations } from '../../reporters/github-annotations.ts';
import { renderStepSummary } from '../../reporters/github-summary.ts';
import { renderRunRecord } from '../../reporters/json-record.ts';
import { renderJunit } from '../../reporters/junit-xml.ts';
import { renderHtml } from '../../reporters/html-report.ts';
import { renderSarif } from '../../reporters/sarif.ts';
import { renderBadge } from '../../reporters/badge.ts';
import { buildStatement } from '../../reporters/attestation.ts';
import { IN_TOTO_PAYLOAD_TYPE, readEd25519Key, signEnvelope } from './dsse.ts';
import { maskRecord, recordMask } from './mask.ts';
import type { RunRecord } from './record.ts';
import { writeReportFile } from '../runner/output-file.ts';
import type { ReportFiles } from './report-files.ts';

export { checkReportFiles, REPORT_LABELS, type ReportFiles } from './report-files.ts';

/** Rendering order; `attest` reads the record's digest and `signKey`. */
const FORMATS = ['json', 'junit', 'html', 'sarif', 'badge'] as const satisfies ReadonlyArray<keyof ReportFiles>;
type Format = (typeof FORMATS)[number];

const RENDER: Record<Format, (record: RunRecord) => string> = {
  json: renderRunRecord,
  junit: renderJunit,
  html: renderHtml,
  sarif: renderSarif,
  badge: renderBadge,
};

/** Every rendered report of a record, masked: what `writeReports` writes (and what red teams scan). */
export interface RenderedReports extends Record<Format | 'attest', string> {
  /** the GitHub step summary (Markdown) */
  summary: string;
  /** the GitHub workflow-command annotations, one per line */
  annotations: string[];
}

/**
 * Renders every format from the record masked once (`maskRecord`), then masks each rendered text
 * once more (each on first read). The attestation is the in-toto statement of the masked record (its digest: the JSON
 * record's bytes as written), wrapped in a DSSE envelope signed with `signKey` when one is given.
 */
export function renderReports(record: RunRecord, secrets: readonly string[], signKey?: KeyObject): RenderedReports {
  const masked = maskRecord(record, secrets);
  const mask = recordMask(masked, secrets);
  // each report is rendered when first read: a run writing only its JUnit renders only that
  const out = {} as RenderedReports;
  const lazy = <K extends keyof RenderedReports>(name: K, render: () => RenderedReports[K]): void => {
    let value: RenderedReports[K] | undefined;
    Object.defineProperty(out, name, { enumerable: true, get: () => (value ??= render()) });
  };
  for (const format of FORMATS) lazy(format, () => mask(RENDER[format](masked)));
  lazy('attest', () => {
    const recordSha256 = createHash('sha256').update(out.json).digest('hex');
    const statement = mask(`${JSON.stringify(buildStatement(masked, recordSha256), null, 2)}\n`);
    return signKey === undefined ? statement : `${JSON.stringify(signEnvelope(Buffer.from(statement), IN_TOTO_PAYLOAD_TYPE, signKey), null, 2)}\n`;
  });
  lazy('summary', () => mask(renderStepSummary(masked)));
  lazy('annotations', () => renderAnnotations(masked).map(mask));
  return out;
}

/** @returns the absolute path of every file written, by format */
export function writeReports(record: RunRecord, files: ReportFiles, secrets: readonly string[], cwd: string): Partial<Record<keyof ReportFiles, string>> {
  const key = files.signKey === undefined ? undefined : readEd25519Key(resolve(cwd, files.signKey), 'private', `--sign-key ${files.signKey}`);
  const rendered = renderReports(record, secrets, key);
  const written: Partial<Record<keyof ReportFiles, string>> = {};
  for (const format of [...FORMATS, 'attest'] as const) {
    const file = files[format];
    if (file === undefined) continue;
    written[format] = resolve(cwd, file);
    writeReportFile(written[format], rendered[format]);
  }
  return written;
}
