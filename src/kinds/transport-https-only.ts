/** transport.https-only: a canary credential over plain HTTP is not served. */
import { defineKind } from './kind.ts';

export const transportHttpsOnly = defineKind({
  kind: 'transport.https-only',
  family: 'transport',
  summary: 'a canary credential over plain HTTP is not served',
  needs: [],
  fields: ['operation', 'request'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'the plain-HTTP listener serves the API without checking credentials (a plain port proxied to a backend that trusts it)',
      wrap: { plainListener: () => () => 'serve' },
    },
  ],
});
