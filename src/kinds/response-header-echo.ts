/** response.header-echo: responses to keys with a documented prefix carry the echo header equal to that prefix. */
import { defineKind } from './kind.ts';

export const responseHeaderEcho = defineKind({
  kind: 'response.header-echo',
  family: 'headers',
  summary: 'responses to keys with a documented prefix carry the echo header equal to that prefix',
  needs: ['echoHeaders'],
  fields: ['operation', 'request'],
  defaultRole: 'valid',
});
