/** sec.no-query-credential: a credential in the query string is not accepted (ASVS 5.0 V14.2.1). */
import { defineKind } from './kind.ts';

export const secNoQueryCredential = defineKind({
  kind: 'sec.no-query-credential',
  family: 'security',
  summary: 'a working credential sent in the query string instead of its header is refused',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'a request with no credential where the scheme puts it is authenticated by ?api_key= in its query',
      wrap: { queryCredential: () => (_rt, url) => new URL(url, 'http://mock.invalid').searchParams.get('api_key') ?? undefined },
    },
  ],
});
