/**
 * sec.no-credential-echo: a refused credential never comes back in the response (ASVS 5.0 V16.5.1).
 *
 * Every case already fails when a response repeats a credential its request carried (secretEchoes,
 * src/probes/outcome.ts): an echo of a real key, or of a key made from one (truncated, re-prefixed),
 * and of the unknown keys other probes send, is every case's failure. The row owns echoes of what
 * only it sends: a key over twice as long as any issued and sharing no 8 characters with one. Its defect is a
 * length check whose message quotes such a key, so it alone fails.
 */
import { defineKind } from './kind.ts';

const RUN = 8;

/** Whether `value` shares a run of 8 characters with `other`. */
function sharesRun(value: string, other: string): boolean {
  for (let i = 0; i + RUN <= other.length; i++) if (value.includes(other.slice(i, i + RUN))) return true;
  return false;
}

export const secNoCredentialEcho = defineKind({
  kind: 'sec.no-credential-echo',
  family: 'security',
  summary: 'no response to a refused credential contains it (plain, URL-encoded or base64)',
  needs: [],
  fields: ['role', 'operation'],
  defaultRole: 'valid',
  defects: ({ contract }) => [
    {
      description: 'a key (no spaces) over twice as long as any issued one and made of none of them is refused with a message quoting it ("key too long: <key>")',
      wrap: {
        unknown: (next) => (rt, value, candidates) => {
          const out = next(rt, value, candidates);
          const kinds = new Set(candidates.map((c) => c.credential));
          const issued = [...rt.state.credentials.values()].filter((c) => kinds.has(c.kind)).map((c) => c.value);
          const prefixes = [...contract.keyFormat.live, ...contract.keyFormat.test];
          const body = (v: string): string => v.slice(prefixes.find((p) => v.startsWith(p))?.length ?? 0);
          const foreign = !/\s/.test(value) && value.length > 2 * Math.max(0, ...issued.map((v) => v.length)) && !issued.some((v) => sharesRun(value, body(v)));
          return out.kind === 'refused' && foreign ? { ...out, extra: { ...out.extra, message: `key too long: ${value}` } } : out;
        },
      },
    },
  ],
});
