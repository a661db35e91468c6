/** sec.timing: unknown, revoked and prefix-sharing keys are answered in the same time (ASVS 5.0 V6.3.8, V11.2.4). */
import { defineKind } from './kind.ts';

/** The delay the timing defect adds, ms: the size the probe is planned to detect. */
export const TIMING_DEFECT_MS = 5;

export const secTiming = defineKind({
  kind: 'sec.timing',
  family: 'security',
  summary: 'refusals of unknown, revoked and valid-prefix keys do not differ in response time',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: `refusals of keys the mock knows (revoked, or sharing the first half of a known key) take ${TIMING_DEFECT_MS} ms longer`,
      wrap: {
        refusalDelayMs: (next) => (rt, value) => {
          const known = [...rt.state.credentials.values()].some(
            (c) => c.value === value || (value.length >= 8 && c.value.slice(0, Math.ceil(c.value.length / 2)) === value.slice(0, Math.ceil(c.value.length / 2))),
          );
          return known ? TIMING_DEFECT_MS : next(rt, value);
        },
      },
    },
  ],
});
