/**
 * Defects that edit the rate-limit figures a response reports (the `rateFigures` stage), shared by
 * the ratelimit.* kinds. A requirement about the plan of requests without credentials (`as:
 * anonymous`) breaks only the figures of that plan's decisions, any other only the credentials':
 * a spec stating both (GitHub's 5,000 and 60) gets one failure per defect.
 */
import type { Requirement } from '../spec/contract.ts';
import type { Breakage } from '../mock/defect.ts';
import type { RateDecision } from '../mock/rate-limiter.ts';
import type { RateFigures } from '../mock/stages.ts';

/** Whether a decision belongs to the plan the requirement is about. */
export function aboutCaller(r: Pick<Requirement, 'as'>, d: Pick<RateDecision, 'anonymous'>): boolean {
  return (d.anonymous === true) === (r.as === 'anonymous');
}

/** A defect that edits the figures of the requirement's plan (`edit` also sees the decision). */
export function editFigures(r: Pick<Requirement, 'as'>, suffix: string | undefined, description: string, edit: (f: RateFigures, d: RateDecision, now: number) => RateFigures | undefined): Breakage {
  return {
    ...(suffix === undefined ? {} : { suffix }),
    description,
    wrap: {
      rateFigures: (next) => (rt, d, now) => {
        const f = next(rt, d, now);
        return f && aboutCaller(r, d) ? edit(f, d, now) : f;
      },
    },
  };
}
