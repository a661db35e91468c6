/** credential.formats: every scheme listed for the operation works with its credential (API key or login token). */
import { defineKind } from './kind.ts';
import { schemeWords } from '../spec/scheme-words.ts';

export const credentialFormats = defineKind({
  kind: 'credential.formats',
  family: 'valid-credentials',
  summary: 'every scheme listed for the operation works with its credential (API key or login token)',
  needs: [],
  fields: ['operation', 'request'],
  defaultRole: 'valid',
  defects: ({ requirement: r, contract: c }) => {
    const schemes = r.operation.schemes;
    const target = [...schemes].reverse().find((s) => s !== c.defaultScheme) ?? schemes[0] ?? c.defaultScheme;
    // a scheme with several words (`Bearer` and `token`): refuse only its last word, so the first keeps working
    const words = schemeWords(c.schemes.find((s) => s.name === target) ?? { type: 'header' });
    const lastWord = words.length > 1 ? words[words.length - 1] : undefined;
    if (lastWord !== undefined) {
      const header = c.schemes.find((s) => s.name === target)?.header ?? 'Authorization';
      return [
        {
          description: `credentials sent with scheme word ${lastWord} (${target}) are refused; ${words[0]} still works`,
          wrap: {
            credential: (next) => (rt, record, scheme, headers, now) =>
              scheme?.name === target && (headers.get(header)?.trim().split(/[ \t]/)[0] ?? '').toLowerCase() === lastWord.toLowerCase()
                ? { kind: 'refused', error: rt.errors.invalid }
                : next(rt, record, scheme, headers, now),
          },
        },
      ];
    }
    // With an organization header, refuse only requests that name no organization (the server fails to
    // resolve the credential's default organization): org-membership probes always name one and keep passing.
    const org = c.organization?.header;
    const description =
      org !== undefined
        ? `credentials sent with scheme ${target} are refused unless the request carries ${org} (expired tokens keep their own error)`
        : `credentials sent with scheme ${target} are no longer accepted (expired tokens keep their own error)`;
    return [
      {
        description,
        wrap: {
          credential: (next) => (rt, record, scheme, headers, now) =>
            scheme?.name === target && !(org !== undefined && headers.get(org) !== null) ? { kind: 'refused', error: rt.errors.invalid } : next(rt, record, scheme, headers, now),
        },
      },
    ];
  },
});
