/** credential.accepted: the role credential (default valid) in its documented placement on the operation gets one of operation.acceptStatuses; a 2xx body validates against the success schema. */
import type { Breakage } from '../mock/defect.ts';
import { defineKind } from './kind.ts';

export const credentialAccepted = defineKind({
  kind: 'credential.accepted',
  family: 'valid-credentials',
  summary: 'the role credential (default valid) in its documented placement on the operation gets one of operation.acceptStatuses; a 2xx body validates against the success schema',
  needs: [],
  fields: ['role', 'operation', 'request'],
  defaultRole: 'valid',
  covers: 'accepted',
  defects: ({ requirement: r, violation }) => {
    const { role } = r;
    const op = r.operation.operationId;
    const refused: Breakage = {
      description: `the seeded ${role} credential is refused on ${op} with the invalid-credential error, after being counted (probes that need it accepted there fail too, e.g. rate-limit exhaustion)`,
      wrap: { admit: (next) => (rt, record, operationId) => (record.role === role && operationId === op ? rt.errors.invalid : next(rt, record, operationId)) },
    };
    if (violation === undefined) return [refused];
    const breaks = (status: number, opId: string, sender: string | undefined): boolean => status >= 200 && status < 300 && opId === op && sender === role;
    return [
      refused,
      {
        suffix: 'body',
        description: `${op} answers the seeded ${role} credential with a 2xx body that breaks its documented schema (${violation.description})`,
        wrap: {
          success: (next) => (rt, route, p, status, body, headers, schema) =>
            next(rt, route, p, status, breaks(status, route.operation.operationId, p.record?.role) ? violation.apply(body) : body, headers, schema),
        },
      },
    ];
  },
});
