/**
 * Run record → an SVG badge: `authconform | <spec> <passed>/<total> MUST` (green when every MUST
 * case of the run passed, red otherwise; skipped MUST cases count in the total, not as passed).
 * Several specs: `<n> specs`. Text widths are estimated (Verdana 11px, ~7 px a character).
 */
import type { RunRecord } from '../src/report/record.ts';
import { allCases } from '../src/report/tally.ts';

export function badgeText(record: RunRecord): string {
  const must = allCases(record).filter((c) => c.level === 'MUST');
  const passed = must.filter((c) => c.verdict === 'pass').length;
  const what = record.specs.length === 1 ? record.specs[0]!.name : `${record.specs.length} specs`;
  return `${what} ${passed}/${must.length} MUST`;
}

export function renderBadge(record: RunRecord): string {
  const must = allCases(record).filter((c) => c.level === 'MUST');
  const green = must.length > 0 && must.every((c) => c.verdict === 'pass');
  const label = 'authconform';
  const value = badgeText(record);
  const lw = width(label);
  const vw = width(value);
  const colour = green ? '#4c1' : '#e05d44';
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + vw}" height="20" role="img" aria-label="${esc(label)}: ${esc(value)}">`,
    `  <title>${esc(label)}: ${esc(value)}</title>`,
    `  <rect width="${lw}" height="20" fill="#555"/>`,
    `  <rect x="${lw}" width="${vw}" height="20" fill="${colour}"/>`,
    `  <g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">`,
    `    <text x="${lw / 2}" y="14">${esc(label)}</text>`,
    `    <text x="${lw + vw / 2}" y="14">${esc(value)}</text>`,
    '  </g>',
    '</svg>',
    '',
  ].join('\n');
}

function width(text: string): number {
  return Math.round(text.length * 7 + 10);
}
