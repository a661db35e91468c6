/**
 * credential.lockout: after `after` refused credentials within `within`, every request with a
 * credential (the valid key included, when the docs say so) gets the lockout error for `lasts`;
 * before the `after`-th the valid key still works, and after `lasts` it works again.
 */
import { defineKind } from './kind.ts';

export const credentialLockout = defineKind({
  kind: 'credential.lockout',
  family: 'lockout',
  summary: 'after N refused credentials within a window, every credential is refused with the lockout error for a while, then works again',
  needs: ['lockout'],
  fields: ['errors', 'operation', 'request'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'never locks out, however many refused credentials arrive',
      wrap: { lockoutAfter: () => () => undefined },
    },
    {
      suffix: 'early',
      description: 'locks out one refused credential before the documented number (the valid key included)',
      wrap: { lockoutAfter: (next) => (rt) => { const n = next(rt); return n === undefined ? undefined : Math.max(1, n - 1); } },
    },
    {
      suffix: 'endless',
      description: 'a lockout never ends',
      wrap: { lockoutLastsMs: () => () => Number.POSITIVE_INFINITY },
    },
  ],
});
