/** response.header-echo: responses to keys with a documented prefix carry the echo header equal to that prefix. */
import { defineKind } from './kind.ts';

export const responseHeaderEcho = defineKind({
  kind: 'response.header-echo',
  family: 'headers',
  summary: 'responses to keys with a documented prefix carry the echo header equal to that prefix',
  needs: ['echoHeaders'],
  fields: ['operation', 'request'],
  defaultRole: 'valid',
  defects: () => [
    {
      description: 'the echoed key prefix is wrong',
      wrap: {
        echoValue: (next) => (rt, record) => {
          const prefix = next(rt, record);
          if (prefix === undefined) return undefined;
          const other = record.test ? rt.contract.keyFormat.live[0] : rt.contract.keyFormat.test[0];
          return other ?? prefix.slice(0, -1);
        },
      },
    },
  ],
});
