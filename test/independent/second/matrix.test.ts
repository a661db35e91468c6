/**
 * docs/independent-matrix.md states, per second-reading server, the requirement ids the docs say
 * it breaks and the issue-13 causes that make today's verdict wrong. Those two columns must be
 * rows.ts, row for row (the "actual today" column is a measurement, dated in the doc).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../src/spec/bundled.ts';
import { ROWS } from './rows.ts';

const NONE = '—';
const list = (cell: string) => (cell === NONE ? [] : cell.split(',').map((s) => s.trim().replace(/`/g, '')));

/** The matrix table's rows, as the cells of the columns this test checks. */
function documentedRows() {
  const text = readFileSync(join(repoRoot, 'docs/independent-matrix.md'), 'utf8');
  const lines = text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| API ') && !l.startsWith('|---'));
  return lines.map((line) => {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const [api, server, run, expected, , causes] = cells;
    return { api, name: server?.replace(/`/g, ''), run, expected: list(expected ?? ''), causes: list(causes ?? '').map(Number) };
  });
}

describe('docs/independent-matrix.md', () => {
  it('states the expected failing ids and the causes of rows.ts, row for row', () => {
    const want = ROWS.map((r) => ({ api: r.api, name: r.name, run: r.run, expected: r.expected, causes: r.causes }));
    expect(documentedRows()).toEqual(want);
  });
});
