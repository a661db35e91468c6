/** std.challenge: every 401 carries WWW-Authenticate with at least one parseable challenge (RFC 9110 §11.6.1). */
import { defineKind } from './kind.ts';

export const stdChallenge = defineKind({
  kind: 'std.challenge',
  family: 'standards',
  summary: 'every 401 carries a WWW-Authenticate field with at least one parseable challenge',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [{ description: '401 answers carry no WWW-Authenticate field', wrap: { challenge: () => () => undefined } }],
});
