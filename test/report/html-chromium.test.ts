/**
 * The HTML certification report of the sample record in a real headless Chromium: it renders
 * without console errors or requests, shows the record's tallies, and a screenshot goes to
 * reports/html-report.png. Without the browser (a machine with only Node and npm, as .ci/run
 * assumes) the test is skipped with that reason. The HTML of a real run is checked the same way in
 * run-reports.test.ts where Chromium is present.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderReports } from '../../src/report/write-reports.ts';
import { tallyByLevel } from '../../src/report/tally.ts';
import { CHROMIUM, NO_CHROMIUM, renderInChromium } from './chromium.ts';
import { SECRET, SHA, sampleRecord } from './record-fixture.ts';
import { tempDir } from '../support/temp-dir.ts';

const SCREENSHOT = fileURLToPath(new URL('../../reports/html-report.png', import.meta.url));

describe.skipIf(CHROMIUM === undefined)(`HTML report in headless Chromium${CHROMIUM === undefined ? ` (skipped: ${NO_CHROMIUM})` : ''}`, () => {
  it('renders without console errors or requests, with the record tallies, and is screenshotted', async () => {
    const record = sampleRecord();
    const file = join(tempDir('ac-html-'), 'report.html');
    writeFileSync(file, renderReports(record, [SECRET]).html);
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    const page = await renderInChromium(file, SCREENSHOT);
    expect(page.problems).toEqual([]);
    expect(page.requests).toEqual([pathToFileURL(file).href]);
    expect([page.title, page.runVerdict, page.specVerdicts, page.sha256]).toEqual(['authconform certification: acme', 'not conformant', ['not conformant'], [SHA]]);
    expect(page.tallies).toEqual([tallyByLevel(record.specs[0]!.cases).map((t) => [t.level, t.passed, t.failed, t.skipped, t.total])]);
    expect(page.failures).toBe(3);
    expect(page.text.includes('SECRETsecret')).toBe(false);
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);
});
