/** ratelimit.used: Used + Remaining = Limit on every response, and Used rises by exactly one per sequential counted request. */
import { defineKind } from './kind.ts';
import { editFigures } from './rate-figures-defect.ts';

export const ratelimitUsed = defineKind({
  kind: 'ratelimit.used',
  family: 'rate-limits',
  summary: 'Used + Remaining = Limit on every response, and Used rises by exactly one per sequential counted request',
  needs: ['rateLimit', 'rateLimit.headers', 'rateLimit.headers.used'],
  fields: ['operation', 'request', 'as'],
  defaultRole: 'valid',
  defects: ({ requirement: r }) => [
    editFigures(r, undefined, 'the Used header is one more than Limit − Remaining', (f) => ({ ...f, used: f.used + 1 })),
    editFigures(r, 'frozen', 'the Used header stays 0 while Remaining falls', (f) => ({ ...f, used: 0 })),
  ],
});
