/**
 * credential.refused-scheme: a scheme word the docs say is refused (x-authconform.refusedSchemes,
 * named by the requirement's `scheme`), carrying the valid key (`as: key`) or a made-up user name
 * and password (`as: username:password`), gets one of the requirement's errors.
 */
import type { RefusedScheme } from '../spec/contract.ts';
import { defineKind } from './kind.ts';

export const credentialRefusedScheme = defineKind({
  kind: 'credential.refused-scheme',
  family: 'invalid-credentials',
  summary: 'a scheme word the docs refuse (refusedSchemes), with the valid key or a made-up user name and password, gets one of the errors',
  needs: ['refusedSchemes'],
  fields: ['scheme', 'errors', 'operation', 'request'],
  defaultRole: 'valid',
  defects: ({ requirement }) => {
    const refused = (requirement as { refused?: RefusedScheme }).refused;
    if (refused === undefined) return [];
    const word = refused.word.toLowerCase();
    const mine = (r: RefusedScheme): boolean => r.word.toLowerCase() === word;
    return [
      {
        description: `Authorization: ${refused.word} … is accepted (the key it carries, else as the valid credential)`,
        wrap: {
          refusedScheme: (next) => (rt, r, rest) => {
            if (!mine(r)) return next(rt, r, rest);
            const record = rt.state.lookup(rest);
            return record !== undefined ? { kind: 'ok', record, anonymous: false } : rt.stages.anonymous(rt);
          },
        },
      },
      {
        suffix: '5xx',
        description: `Authorization: ${refused.word} … crashes the server (500)`,
        wrap: { refusedScheme: (next) => (rt, r, rest) => (mine(r) ? { kind: 'crash' } : next(rt, r, rest)) },
      },
    ];
  },
});
