/** sec.key-no-enumeration: unknown, revoked and malformed keys are answered alike (ASVS 5.0 V6.3.8). */
import { defineKind } from './kind.ts';

export const secKeyNoEnumeration = defineKind({
  kind: 'sec.key-no-enumeration',
  family: 'security',
  summary: 'unknown, revoked and malformed keys get the same status and the same body',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'a key with characters no key has (outside A-Z a-z 0-9 _ -) gets the same code but a "hint": "malformed key" field',
      wrap: {
        unknown: (next) => (rt, value, candidates) => {
          const out = next(rt, value, candidates);
          return out.kind === 'refused' && /[^A-Za-z0-9_-]/.test(value) ? { ...out, extra: { ...out.extra, hint: 'malformed key' } } : out;
        },
      },
    },
  ],
});
