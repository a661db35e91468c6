/**
 * Opens an HTML report in Debian's headless Chromium through playwright-core (a fresh profile per
 * launch) and reads back what a reader sees: console problems, every request, the verdicts and the
 * tallies table. `CHROMIUM` is absent on a machine without the browser: tests skip with that reason.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const EXECUTABLE = process.env.AUTHCONFORM_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM: string | undefined = existsSync(EXECUTABLE) ? EXECUTABLE : undefined;
export const NO_CHROMIUM = `no browser at ${EXECUTABLE} (apt-get install chromium)`;
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface RenderedPage {
  problems: string[];
  requests: string[];
  title: string;
  runVerdict: string;
  specVerdicts: string[];
  sha256: string[];
  /** per spec, rows of [level, passed, failed, skipped, total] */
  tallies: Array<Array<[string, number, number, number, number]>>;
  failures: number;
  text: string;
}

export async function renderInChromium(file: string, screenshot?: string): Promise<RenderedPage> {
  const browser = await chromium.launch({ executablePath: CHROMIUM!, headless: true, args: FLAGS });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? problems.push(`${m.type()}: ${m.text()}`) : undefined));
    page.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => void requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const tallies = await page.$$eval('section[data-spec]', (sections) =>
      sections.map((s) =>
        Array.from(s.querySelectorAll('[data-testid=tallies] tr[data-level]')).map((r) => [
          r.getAttribute('data-level')!,
          ...['passed', 'failed', 'skipped', 'total'].map((k) => Number(r.querySelector(`[data-count=${k}]`)!.textContent)),
        ]),
      ),
    );
    const out: RenderedPage = {
      problems,
      requests,
      title: await page.title(),
      runVerdict: (await page.textContent('[data-testid=run-verdict]')) ?? '',
      specVerdicts: await page.$$eval('[data-testid=spec-verdict]', (els) => els.map((e) => e.textContent ?? '')),
      sha256: await page.$$eval('[data-testid=spec-sha256]', (els) => els.map((e) => e.textContent ?? '')),
      tallies: tallies as RenderedPage['tallies'],
      failures: await page.$$eval('[data-testid=failure]', (els) => els.length),
      text: (await page.textContent('body')) ?? '',
    };
    if (screenshot !== undefined) await page.screenshot({ path: screenshot, fullPage: true });
    return out;
  } finally {
    await browser.close();
  }
}
