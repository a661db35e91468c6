/**
 * sec.timing (ASVS 5.0 V6.3.8): the refusals of an unknown key, a key sharing the valid key's first
 * half (prefix) and the revoked_expired key (when the fixtures have one) must not differ in time.
 *
 * Noether's sample size (src/stats) for the stated size (5 ms) at α = 0.001 and power 0.95 gives
 * the requests per class; 20 warm-up requests are discarded; the classes are sent in interleaved
 * blocks (AB BA …), one at a time, so load drift hits every class alike. Each class is compared
 * with the unknown keys by a two-sided Mann–Whitney test; a difference is reported only when
 * p < α and the Hodges–Lehmann shift is at least half the stated size. The verdict line states the
 * shift, its 95 % interval, P(B > A), the p-value and n. A 429 or 5xx voids the run (skip): no
 * partial sample is judged. Times are read from `ctx.clock()` around each request
 * (performance.now(); a seeded virtual clock in the self-tests, so their verdicts do not depend on load).
 */
import type { Contract, Requirement } from '../../spec/contract.ts';
import type { Fixtures } from '../../fixtures/fixtures.ts';
import { compareTimings, describeComparison, interleave, planSampleSize, TIMING_DEFAULTS } from '../../stats/index.ts';
import type { Case } from '../model.ts';
import { alphabetOf, canaryKey, missingRole, prefixOf, requireCredential } from '../credential.ts';
import { makeCase } from '../make-case.ts';
import { fail, pass } from '../outcome.ts';
import { SkipCase } from '../skip-case.ts';
import { sendBuilt } from '../steps.ts';
import { randomInt } from 'node:crypto';

const WARM_UP = 20;
type TimingClass = 'unknown' | 'prefix' | 'revoked';
const LABEL: Record<TimingClass, string> = { unknown: 'unknown key', prefix: 'valid-prefix key', revoked: 'revoked key' };

/** The valid key with its second half replaced by random characters of its alphabet. */
function prefixKey(contract: Pick<Contract, 'keyFormat'>, valid: string): string {
  const p = prefixOf(contract, valid)?.length ?? 0;
  const keep = p + Math.ceil((valid.length - p) / 2);
  const alphabet = alphabetOf(valid.slice(p));
  for (;;) {
    let tail = '';
    for (let i = keep; i < valid.length; i++) tail += alphabet[randomInt(alphabet.length)] ?? 'x';
    if (tail !== valid.slice(keep)) return valid.slice(0, keep) + tail;
  }
}

export function timingCase(_contract: Contract, fixtures: Fixtures, r: Requirement): Case[] {
  return [
    makeCase(
      'security',
      r,
      `refusal times do not differ by ${TIMING_DEFAULTS.deltaMs} ms between unknown, valid-prefix and revoked keys`,
      async (ctx) => {
        const valid = requireCredential(ctx.fixtures, 'valid');
        const revoked = ctx.fixtures.credentials.revoked_expired;
        const classes: TimingClass[] = revoked === undefined ? ['unknown', 'prefix'] : ['unknown', 'prefix', 'revoked'];
        const plan = planSampleSize();
        if (!plan.feasible) throw new SkipCase(`cannot detect ${plan.deltaMs} ms within ${plan.perClass} requests per class`);
        const keyOf = (c: TimingClass): string =>
          c === 'unknown' ? canaryKey(ctx.contract, valid.value) : c === 'prefix' ? prefixKey(ctx.contract, valid.value) : revoked!.value;
        const times: Record<TimingClass, number[]> = { unknown: [], prefix: [], revoked: [] };
        const order = [...Array.from({ length: WARM_UP }, () => ({ class: 'unknown' as TimingClass, warm: true })), ...interleave(classes, plan.perClass)];
        for (const step of order) {
          const started = ctx.clock();
          const s = await sendBuilt(ctx, { operation: r.operation, credential: { value: keyOf(step.class), scheme: valid.scheme ?? ctx.contract.defaultScheme }, request: r.request ?? {} });
          const elapsed = ctx.clock() - started;
          if (s.res.status === 429 || s.res.status >= 500) {
            throw new SkipCase(`the timing run was voided: ${s.label} answered ${s.res.status} after ${ctx.exchanges.length} requests (no partial sample is judged)`);
          }
          if (!('warm' in step)) times[step.class].push(elapsed);
        }
        const lines = classes
          .filter((c) => c !== 'unknown')
          .map((c) => ({ c, cmp: compareTimings(times.unknown, times[c], { alpha: plan.alpha, minEffectMs: plan.deltaMs / 2 }) }));
        const text = lines.map(({ c, cmp }) => describeComparison(LABEL.unknown, LABEL[c], cmp));
        const leaks = lines.filter(({ cmp }) => cmp.verdict === 'difference');
        const sent = `${order.length} requests (${WARM_UP} warm-up, ${plan.perClass} per class, planned for ${plan.deltaMs} ms at α ${plan.alpha}, power ${plan.power})`;
        if (leaks.length > 0) {
          return fail(ctx, {
            message: `Response times tell keys apart: ${leaks.map(({ c, cmp }) => describeComparison(LABEL.unknown, LABEL[c], cmp)).join('; ')}`,
            expected: `no difference of ${plan.deltaMs / 2} ms or more at p < ${plan.alpha}`,
            actual: text.join('; '),
          });
        }
        return pass(ctx, `no difference of ${plan.deltaMs} ms or more detected over ${sent}: ${text.join('; ')}`);
      },
      missingRole(fixtures, 'valid'),
    ),
  ];
}
