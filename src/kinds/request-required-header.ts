/**
 * request.required-header: the required header is accepted on the operation; without it the request
 * is refused with `errors` when the docs document them, else a 4xx is informational (MAY).
 */
import { defineKind } from './kind.ts';

export const requestRequiredHeader = defineKind({
  kind: 'request.required-header',
  family: 'headers',
  summary: 'the required header is accepted on the operation; without it the request is refused with `errors`, or (none documented) a 4xx is informational',
  needs: ['requiredHeaders'],
  fields: ['operation', 'request', 'errors'],
  defaultRole: 'valid',
  defects: () => [{ description: 'required request headers are not checked', wrap: { requiredHeaderError: () => () => undefined } }],
});
