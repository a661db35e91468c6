/**
 * sec.no-credential-echo: a refused credential never comes back in the response (ASVS 5.0 V16.5.1).
 *
 * The defect echoes only keys longer than any the mock issued (a "key too long" message quoting
 * the input), which no other probe sends: every case already fails on an echo of a value it sent
 * as a credential (secretEchoes, src/probes/outcome.ts), so an echo of every unknown key would be
 * every case's failure, not this row's.
 */
import { defineKind } from './kind.ts';

export const secNoCredentialEcho = defineKind({
  kind: 'sec.no-credential-echo',
  family: 'security',
  summary: 'no response to a refused credential contains it (plain, URL-encoded or base64)',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'a key longer than any issued one is refused with a message quoting it ("key too long: <key>")',
      wrap: {
        unknown: (next) => (rt, value, candidates) => {
          const out = next(rt, value, candidates);
          const longest = Math.max(0, ...[...rt.state.credentials.keys()].map((k) => k.length));
          return out.kind === 'refused' && value.length > longest ? { ...out, extra: { ...out.extra, message: `key too long: ${value}` } } : out;
        },
      },
    },
  ],
});
