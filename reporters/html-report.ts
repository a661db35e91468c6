/**
 * Run record → a self-contained HTML certification report: inline CSS, no script, no external
 * asset (a Content-Security-Policy of `default-src 'none'` makes the browser refuse any). Per
 * spec: its verdict, MUST/SHOULD/MAY tallies, failures first with expected/actual and the
 * redacted exchanges, the requirements table (statement, quoted source sentence, verdict), skip
 * reasons grouped, the spec's sha256; the tool version and run times in the header.
 */
import type { RecordCase, RecordSpec, RunRecord } from '../src/report/record.ts';
import { sourceLine } from '../src/report/requirement-facts.ts';
import { conformant, specVerdict, tallyByLevel } from '../src/report/tally.ts';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:1px solid #d0d7de}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.pass{color:#1a7f37}.fail,.error{color:#cf222e}.warning{color:#9a6700}.skip{color:#57606a}
.verdict{font-weight:600}pre{background:#f6f8fa;padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
code{font-size:.85em}blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid #d0d7de;color:#57606a}
`;

export function renderHtml(record: RunRecord): string {
  const verdict = conformant(record) ? 'conformant' : 'not conformant';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>authconform certification: ${esc(record.specs.map((s) => s.name).join(', ') || 'no spec')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>authconform certification report: <span class="verdict ${verdict === 'conformant' ? 'pass' : 'fail'}" data-testid="run-verdict">${verdict}</span></h1>`,
    '<table>',
    row('tool', `authconform ${esc(record.tool.version)} (Node ${esc(record.node)})`),
    row('run', `${esc(record.startedAt)} – ${esc(record.endedAt)}`),
    row('level', esc(record.options.level)),
    ...(record.options.shard === null ? [] : [row('shard', `${record.options.shard.index}/${record.options.shard.count}`)]),
    ...(record.interrupted ? [row('interrupted', 'yes: cases not reached are skipped')] : []),
    '</table>',
    ...record.errors.map((e) => `<p class="error">error: ${esc(e)}</p>`),
    ...record.specs.map(specSection),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function specSection(spec: RecordSpec): string {
  const verdict = specVerdict(spec);
  const failed = spec.cases.filter((c) => c.verdict === 'fail' || c.verdict === 'error');
  const skipped = spec.cases.filter((c) => c.verdict === 'skip');
  return [
    `<section data-spec="${esc(spec.name)}">`,
    `<h2>${esc(spec.name)}: ${esc(spec.title)} — <span class="verdict ${verdict === 'conformant' ? 'pass' : 'fail'}" data-testid="spec-verdict">${verdict}</span></h2>`,
    '<table>',
    row('spec sha256', `<code data-testid="spec-sha256">${esc(spec.sha256)}</code>`),
    row('target', `${esc(spec.target)}${spec.mock ? ' (embedded mock)' : ''}`),
    row('credential roles', esc(spec.roles.join(', ') || 'none')),
    row('requests', String(spec.requests)),
    '</table>',
    '<h3>Tallies</h3>',
    '<table data-testid="tallies"><tr><th>level</th><th>passed</th><th>failed</th><th>skipped</th><th>total</th></tr>',
    ...tallyByLevel(spec.cases).map(
      (t) =>
        `<tr data-level="${t.level}"><th>${t.level}</th><td data-count="passed">${t.passed}</td><td data-count="failed">${t.failed}</td><td data-count="skipped">${t.skipped}</td><td data-count="total">${t.total}</td></tr>`,
    ),
    '</table>',
    ...(failed.length === 0 ? [] : ['<h3>Failures</h3>', ...failed.map(failureBlock)]),
    '<h3>Requirements</h3>',
    '<table data-testid="requirements"><tr><th>requirement</th><th>level</th><th>case</th><th>statement and source</th><th>verdict</th></tr>',
    ...ordered(spec.cases).map(requirementRow),
    '</table>',
    ...(skipped.length === 0 ? [] : ['<h3>Skipped, by reason</h3>', skipGroups(skipped)]),
    '</section>',
  ].join('\n');
}

/** Failures first (run-failing before warnings), then passes, then skips; stable otherwise. */
function ordered(cases: RecordCase[]): RecordCase[] {
  const rank = (c: RecordCase): number => (c.verdict === 'error' || (c.verdict === 'fail' && c.failsRun) ? 0 : c.verdict === 'fail' ? 1 : c.verdict === 'pass' ? 2 : 3);
  return cases.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

function verdictLabel(c: RecordCase): { text: string; css: string } {
  if (c.verdict === 'fail' && !c.failsRun) return { text: 'warning', css: 'warning' };
  return { text: c.verdict, css: c.verdict };
}

function requirementRow(c: RecordCase): string {
  const v = verdictLabel(c);
  return `<tr data-verdict="${v.text}"><td>${esc(c.requirementId)}</td><td>${c.level}</td><td>${esc(c.name)}</td><td>${esc(c.statement)}<blockquote>${esc(sourceLine(c.source))}</blockquote></td><td class="verdict ${v.css}">${v.text}</td></tr>`;
}

function failureBlock(c: RecordCase): string {
  const v = verdictLabel(c);
  return [
    `<div class="failure" data-testid="failure">`,
    `<p><span class="verdict ${v.css}">${v.text}</span> <strong>${esc(c.requirementId)}</strong> (${c.level}) ${esc(c.name)}: ${esc(c.reason ?? '')}</p>`,
    ...(c.expected === undefined ? [] : [`<p>expected: <code>${esc(c.expected)}</code></p>`]),
    ...(c.actual === undefined ? [] : [`<p>actual: <code>${esc(c.actual)}</code></p>`]),
    ...c.findings.map((f) => `<p>finding: ${esc(f)}</p>`),
    ...c.exchanges.map((x) => `<pre>${esc(x)}</pre>`),
    '</div>',
  ].join('\n');
}

function skipGroups(cases: RecordCase[]): string {
  const groups = new Map<string, RecordCase[]>();
  for (const c of cases) groups.set(c.reason ?? '', [...(groups.get(c.reason ?? '') ?? []), c]);
  return [
    '<table data-testid="skips"><tr><th>reason</th><th>cases</th></tr>',
    ...[...groups].map(([reason, of]) => `<tr><td>${esc(reason)}</td><td>${of.map((c) => esc(c.name)).join('<br>')}</td></tr>`),
    '</table>',
  ].join('\n');
}

function row(head: string, html: string): string {
  return `<tr><th>${esc(head)}</th><td>${html}</td></tr>`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
