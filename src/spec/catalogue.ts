/**
 * The requirements catalogue: one row per requirement (id, level, kind, statement, source), as
 * JSON rows, an aligned text table, or Markdown (one table per spec; also docs/requirements.md).
 */
import type { Contract, Level, RequirementKind, SourceRef } from './contract.ts';
import { table } from './markdown.ts';

export interface CatalogueRow {
  spec: string;
  id: string;
  level: Level;
  kind: RequirementKind;
  statement: string;
  source: SourceRef;
}

export function catalogueRows(contracts: Contract[]): CatalogueRow[] {
  return contracts.flatMap((c) =>
    c.requirements.map((r) => ({ spec: c.name, id: r.id, level: r.level, kind: r.kind, statement: r.statement, source: { ...r.source } })),
  );
}

/** `auth § Common errors` */
export function sourceLabel(source: SourceRef): string {
  return `${source.doc} § ${source.section}`;
}

const HEADER = ['id', 'level', 'kind', 'statement', 'source'];

function cells(c: Contract): string[][] {
  return c.requirements.map((r) => [r.id, r.level, r.kind, r.statement, sourceLabel(r.source)]);
}

/** Plain-text table per spec, columns padded; lines without trailing newline. */
export function renderCatalogueText(contracts: Contract[]): string[] {
  const lines: string[] = [];
  for (const c of contracts) {
    if (lines.length > 0) lines.push('');
    const n = c.requirements.length;
    lines.push(`${c.name} — ${c.title} (${n} ${n === 1 ? 'requirement' : 'requirements'})`);
    const rows = [HEADER, ...cells(c)];
    const widths = HEADER.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
    for (const row of rows) {
      lines.push(row.map((v, i) => (i === row.length - 1 ? v : v.padEnd(widths[i] ?? 0))).join('  '));
    }
  }
  return lines;
}

/** Markdown: a `##` section and a table per spec. */
export function renderCatalogueMarkdown(contracts: Contract[]): string {
  const parts = contracts.map((c) => [`## ${c.title} (\`${c.name}\`)`, '', ...table(HEADER, cells(c))].join('\n'));
  return `${parts.join('\n\n')}\n`;
}
