/**
 * Outcome builders: every outcome carries the case's exchanges as evidence, and a failure finding
 * when the target echoed a credential back (which turns a pass or a skip into a fail: an echoed
 * secret is a finding in its own right). Nothing is masked here: the runner masks what a worker
 * hands back, with every secret of the run and those the case learnt (src/runner/case-test.ts).
 */
import type { Exchange, ProbeRequest } from '../transport/types.ts';
import { secretMatcher } from '../secrets/index.ts';
import { exchangeView, findSecretEcho, formatExchange } from '../transport/redact.ts';
import type { Outcome, ProbeContext, Verdict } from './model.ts';
import type { Failure } from './case-failure.ts';
import { documentedPrefixes } from './credential.ts';
import { requestLabel } from './request-label.ts';

export interface OutcomeDetail {
  expected?: string;
  actual?: string;
  findings?: string[];
}

export function pass(ctx: ProbeContext, message: string, detail: OutcomeDetail = {}): Outcome {
  return finish(ctx, 'pass', message, detail);
}

export function fail(ctx: ProbeContext, failure: Failure | string, detail: OutcomeDetail = {}): Outcome {
  const f = typeof failure === 'string' ? { message: failure } : failure;
  const d: OutcomeDetail = { ...detail };
  if (f.expected !== undefined) d.expected = f.expected;
  if (f.actual !== undefined) d.actual = f.actual;
  return finish(ctx, 'fail', f.message, d);
}

export function skip(ctx: ProbeContext, reason: string): Outcome {
  return finish(ctx, 'skip', reason, {});
}

/** Where each exchange echoed one of its own request's secrets: "response header x-debug for GET /v1/x". */
export function secretEchoes(ctx: Pick<ProbeContext, 'exchanges' | 'contract'>): string[] {
  const out: string[] = [];
  const prefixes = documentedPrefixes(ctx.contract);
  // by request text and secrets: an exhaustion sends the same request hundreds of times
  const sentBy = new Map<string, string[]>();
  for (const ex of ctx.exchanges) {
    if (ex.response === undefined) continue;
    const where = findSecretEcho(ex.response, sentSecrets(ex.request, sentBy), prefixes);
    if (where !== undefined) out.push(`${where} of ${requestLabel(ex.request)}`);
  }
  return out;
}

/**
 * The secrets this request actually carried (URL, headers, body): an echo is sending back what was
 * sent. The request also names every other fixture secret, for masking; a response may share a
 * piece with one of those (a fresh login token and an expired one of the same user) without
 * echoing anything.
 */
function sentSecrets(req: ProbeRequest, memo: Map<string, string[]>): string[] {
  const sent = [req.url, ...Object.values(req.headers), req.body ?? ''].join('\n');
  const secrets = req.secrets ?? [];
  const key = JSON.stringify([sent, secrets]);
  const known = memo.get(key);
  if (known !== undefined) return known;
  // in any spelling (a Basic header carries it base64-encoded)
  const found = secrets.filter((s) => sent.includes(s.trim()) || secretMatcher([s]).findEcho(sent) !== undefined);
  memo.set(key, found);
  return found;
}

function finish(ctx: ProbeContext, verdict: Verdict, message: string, detail: OutcomeDetail): Outcome {
  const findings = [...(detail.findings ?? [])];
  let v = verdict;
  let m = message;
  for (const where of secretEchoes(ctx)) {
    findings.push(`target echoed a credential back in ${where}`);
    if (v !== 'fail') {
      m = `target echoed a credential back in ${where}`;
      v = 'fail';
    }
  }
  const outcome: Outcome = {
    verdict: v,
    message: m,
    evidence: shown(ctx.exchanges).map((ex) => (typeof ex === 'string' ? ex : formatExchange(exchangeView(ex)))),
  };
  if (detail.expected !== undefined) outcome.expected = detail.expected;
  if (detail.actual !== undefined) outcome.actual = detail.actual;
  if (findings.length > 0) outcome.findings = findings;
  return outcome;
}

/** Evidence beyond this many exchanges (an exhausted rate limit) keeps the first and last few. */
export const MAX_EVIDENCE = 12;
const HEAD = 3;

function shown(exchanges: Exchange[]): Array<Exchange | string> {
  if (exchanges.length <= MAX_EVIDENCE) return exchanges;
  const tail = MAX_EVIDENCE - HEAD - 1;
  const left = exchanges.length - HEAD - tail;
  return [...exchanges.slice(0, HEAD), `… ${left} more exchanges like these …`, ...exchanges.slice(-tail)];
}
