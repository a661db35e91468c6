/**
 * The report files of a run, as given on the command line, and their check before the run starts.
 * Apart from the renderers (write-reports.ts), so a run checks its paths without loading them.
 */
import { resolve } from 'node:path';
import { readEd25519Key } from './dsse.ts';
import { checkReportPath } from '../runner/output-file.ts';
import { AuthconformError } from '../util/errors.ts';

/** Report files, as given on the command line (relative to `cwd`). */
export interface ReportFiles {
  json?: string | undefined;
  junit?: string | undefined;
  html?: string | undefined;
  sarif?: string | undefined;
  attest?: string | undefined;
  /** PEM file of the Ed25519 private key that signs the attestation (DSSE) */
  signKey?: string | undefined;
  badge?: string | undefined;
}

/** How the CLI names each file it wrote. */
export const REPORT_LABELS: Record<keyof ReportFiles, string> = {
  json: 'JSON',
  junit: 'JUnit',
  html: 'HTML',
  sarif: 'SARIF',
  attest: 'Attestation',
  signKey: 'Signing key',
  badge: 'Badge',
};

/**
 * Every output path is checked before the run starts (a bad path must not cost the results): not
 * one of the run's `inputs` (absolute paths), not a FIFO or device, writable.
 */
export async function checkReportFiles(files: ReportFiles, cwd: string, inputs: readonly string[] = []): Promise<void> {
  const signKey = files.signKey === undefined ? [] : [resolve(cwd, files.signKey)];
  for (const [format, file] of Object.entries(files) as Array<[keyof ReportFiles, string | undefined]>) {
    if (file === undefined || format === 'signKey') continue;
    await checkReportPath(resolve(cwd, file), `--${format} ${file}`, [...inputs, ...signKey]);
  }
  if (files.signKey !== undefined && files.attest === undefined) throw new AuthconformError('AC_USAGE', '--sign-key signs the attestation: give --attest FILE with it');
  if (files.signKey !== undefined) readEd25519Key(resolve(cwd, files.signKey), 'private', `--sign-key ${files.signKey}`);
}
