/** request.required-header: the required header is accepted on the operation; without it the request is refused (4xx). */
import { defineKind } from './kind.ts';

export const requestRequiredHeader = defineKind({
  kind: 'request.required-header',
  family: 'headers',
  summary: 'the required header is accepted on the operation; without it the request is refused (4xx)',
  needs: ['requiredHeaders'],
  fields: ['operation', 'request'],
  defaultRole: 'valid',
  defects: () => [{ description: 'required request headers are not checked', wrap: { requiredHeaderError: () => () => undefined } }],
});
