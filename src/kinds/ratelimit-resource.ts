/** ratelimit.resource: the Resource header is non-empty and the same on repeated requests to one operation. */
import { defineKind } from './kind.ts';
import { editFigures } from './rate-figures-defect.ts';

export const ratelimitResource = defineKind({
  kind: 'ratelimit.resource',
  family: 'rate-limits',
  summary: 'the Resource header is non-empty and the same on repeated requests to one operation',
  needs: ['rateLimit', 'rateLimit.headers', 'rateLimit.headers.resource'],
  fields: ['operation', 'request', 'as'],
  defaultRole: 'valid',
  defects: ({ requirement: r }) => [
    editFigures(r, undefined, 'the Resource header is omitted', (f) => ({ ...f, resource: '' })),
    editFigures(r, 'varies', 'the Resource header alternates between two names', (f) => ({ ...f, resource: `${f.resource}-${f.remaining % 2}` })),
  ],
});
