/** credential.invalid: unknown, wrong-prefix, truncated and altered keys, and wrong scheme words, get one of the requirement's errors; a padded valid key is accepted or refused as invalid. */
import { defineKind } from './kind.ts';

export const credentialInvalid = defineKind({
  kind: 'credential.invalid',
  family: 'invalid-credentials',
  summary: "unknown, wrong-prefix, truncated and altered keys, and wrong scheme words, get one of the requirement's errors; a padded valid key is accepted or refused as invalid",
  needs: [],
  fields: ['errors', 'operation', 'request'],
  defaultRole: 'valid',
  covers: 'unknown-refused',
  defects: () => [
    {
      description: 'keys are matched by their leading characters: a truncated valid key is accepted',
      wrap: {
        unknown: (next) => (rt, value, candidates) => {
          const record = rt.state.keyTruncatedTo(value);
          if (record === undefined) return next(rt, value, candidates);
          return candidates[0] !== undefined ? { kind: 'ok', record, scheme: candidates[0], anonymous: false } : { kind: 'ok', record, anonymous: false };
        },
      },
    },
    {
      suffix: '500',
      description: 'malformed credentials (wrong scheme word, empty value, truncated key) crash with 500',
      wrap: {
        malformed: () => () => ({ kind: 'crash' }),
        unknown: (next) => (rt, value, candidates) => (rt.state.keyTruncatedTo(value) !== undefined ? { kind: 'crash' } : next(rt, value, candidates)),
      },
    },
    {
      suffix: 'unknown-accepted',
      description: 'unknown credentials are served as if authenticated (also breaks key.indistinguishable)',
      wrap: { unknown: () => (rt) => rt.stages.anonymous(rt) },
    },
  ],
});
