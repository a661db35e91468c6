/**
 * resource.hidden: a private resource requested without a credential gets exactly one of the
 * requirement's errors (the docs' not-found: existence is not confirmed), and the body does not
 * carry the resource's id. The resource is the operation's example (or one found through
 * `resource`), whose existence the valid credential proves first.
 */
import type { ErrorSpec } from '../spec/contract.ts';
import { defineKind } from './kind.ts';

export const resourceHidden = defineKind({
  kind: 'resource.hidden',
  family: 'tenants',
  summary: 'a private resource requested without a credential gets exactly the documented not-found error, without its id in the body',
  needs: [],
  fields: ['operation', 'errors', 'resource', 'request'],
  defaultRole: 'valid',
  defects: ({ requirement: r }) => {
    const statuses = new Set(r.errors.flatMap((e: ErrorSpec) => [e.status, ...(e.statuses ?? [])]));
    const status = statuses.has(403) ? 401 : 403;
    return [
      {
        description: `a private resource requested without a credential gets ${status} (its existence confirmed)`,
        wrap: { hidden: (next) => (rt, notFound, item) => ({ ...next(rt, notFound, item), status }) },
      },
      {
        suffix: 'leak',
        description: 'a private resource requested without a credential gets the not-found error with the resource id in the body',
        wrap: { hidden: (next) => (rt, notFound, item) => ({ ...next(rt, notFound, item), extra: { id: item.id ?? null } }) },
      },
    ];
  },
});
