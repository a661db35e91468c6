/**
 * The HTML certification report in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core): it renders without console errors or requests, shows the record's tallies,
 * and a screenshot goes to reports/html-report.png. Without the browser the test is skipped with
 * that reason (.ci/run installs it).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { renderReports } from '../../src/report/write-reports.ts';
import { tallyByLevel } from '../../src/report/tally.ts';
import { SECRET, SHA, sampleRecord } from './record-fixture.ts';

const CHROMIUM = process.env.AUTHCONFORM_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = new URL('../../reports/html-report.png', import.meta.url);

describe.skipIf(!existsSync(CHROMIUM))(`HTML report in headless Chromium (skipped: no browser at ${CHROMIUM})`, () => {
  it('renders without console errors or requests, with the record tallies, and is screenshotted', async () => {
    const record = sampleRecord();
    const dir = await mkdtemp(join(tmpdir(), 'ac-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReports(record, [SECRET]).html);
    // playwright gives the browser a fresh --user-data-dir of its own
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? problems.push(`${m.type()}: ${m.text()}`) : undefined));
      page.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`));
      page.on('request', (r) => void requests.push(r.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(await page.title()).toBe('authconform certification: acme');
      expect(await page.textContent('[data-testid=run-verdict]')).toBe('not conformant');
      expect(await page.textContent('[data-testid=spec-sha256]')).toBe(SHA);
      const shown = await page.$$eval('[data-testid=tallies] tr[data-level]', (rows) =>
        rows.map((r) => [r.getAttribute('data-level'), ...['passed', 'failed', 'skipped', 'total'].map((k) => Number(r.querySelector(`[data-count=${k}]`)!.textContent))]),
      );
      expect(shown).toEqual(tallyByLevel(record.specs[0]!.cases).map((t) => [t.level, t.passed, t.failed, t.skipped, t.total]));
      expect(await page.$$eval('[data-testid=failure]', (els) => els.length)).toBe(3);
      expect((await page.textContent('body'))!.includes('SECRETsecret')).toBe(false);

      mkdirSync(new URL('.', SCREENSHOT), { recursive: true });
      const png = await page.screenshot({ path: SCREENSHOT.pathname, fullPage: true });
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
