/**
 * access.public: a public operation (OpenAPI `security: []`, or x-authconform.public: true)
 * requested without any credential is accepted (one of its acceptStatuses).
 */
import { defineKind } from './kind.ts';

export const accessPublic = defineKind({
  kind: 'access.public',
  family: 'valid-credentials',
  summary: 'a public operation (security: [] or x-authconform.public) is served without any credential',
  needs: [],
  fields: ['operation', 'request'],
  defaultRole: 'valid',
  covers: 'public-served',
  defects: ({ requirement: r }) => {
    const op = r.operation.operationId;
    return [
      {
        description: `the public operation ${op} demands a credential (the missing-credential error)`,
        wrap: { publicAccess: (next) => (rt, operation) => (operation.operationId === op ? rt.errors.missing : next(rt, operation)) },
      },
    ];
  },
});
