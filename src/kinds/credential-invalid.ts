/** credential.invalid: unknown, wrong-prefix, truncated and altered keys, undeclared scheme words and a bare key with no scheme word, get one of the requirement's errors; a padded valid key is accepted or refused as invalid. */
import { defineKind } from './kind.ts';
import { bareValueIsWrong } from '../spec/scheme-words.ts';
import type { Contract, Requirement } from '../spec/contract.ts';
import type { MockConfig } from '../spec/mock-config.ts';
import type { Breakage } from '../mock/defect.ts';

/** Only where the probes send a bare key: the valid key's scheme has a scheme word on this operation. */
function bareKeyDefects(c: Contract, mock: MockConfig, r: Requirement): Breakage[] {
  const validScheme = mock.credentials.find((m) => m.role === 'valid')?.scheme ?? c.defaultScheme;
  const scheme = c.schemes.find((s) => s.name === validScheme);
  if (scheme === undefined || !bareValueIsWrong(c, r.operation.schemes, scheme)) return [];
  return [
    {
      suffix: 'bare-key',
      description: 'a known key sent with no scheme word (`Authorization: KEY`) is accepted',
      wrap: {
        malformed: (next) => (rt, bare) => {
          const record = bare === undefined ? undefined : rt.state.lookup(bare.value);
          return record !== undefined ? { kind: 'ok', record, anonymous: false } : next(rt, bare);
        },
      },
    },
  ];
}

export const credentialInvalid = defineKind({
  kind: 'credential.invalid',
  family: 'invalid-credentials',
  summary: "unknown, wrong-prefix, truncated and altered keys, and wrong scheme words, get one of the requirement's errors; a padded valid key is accepted or refused as invalid",
  needs: [],
  fields: ['errors', 'operation', 'request'],
  defaultRole: 'valid',
  covers: 'unknown-refused',
  defects: ({ requirement: r, contract: c, mock }) => [
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
    ...bareKeyDefects(c, mock, r),
    {
      suffix: 'unknown-accepted',
      description: 'unknown credentials are served as if authenticated (also breaks key.indistinguishable)',
      wrap: { unknown: () => (rt) => rt.stages.anonymous(rt) },
    },
  ],
});
