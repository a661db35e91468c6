/** scope.denied: the role credential (default scoped) gets 403 with one of the errors on the operation, and is accepted on `allowed`. */
import { defineKind } from './kind.ts';

export const scopeDenied = defineKind({
  kind: 'scope.denied',
  family: 'scopes',
  summary: 'the role credential (default scoped) gets 403 with one of the errors on the operation, and is accepted on `allowed`',
  needs: [],
  fields: ['errors', 'role', 'operation', 'request', 'allowed'],
  defaultRole: 'scoped',
  defects: ({ requirement: r, binding }) => {
    if (binding) {
      const ids = new Set(r.errors.map((e) => e.id));
      return [
        {
          description: `the request-body binding behind ${[...ids].join(', ')} is not enforced`,
          wrap: { bindingError: (next) => (rt, b, sent, record) => (ids.has(b.error) ? undefined : next(rt, b, sent, record)) },
        },
      ];
    }
    const op = r.operation.operationId;
    return [
      {
        description: `scopes are not enforced on ${op}`,
        wrap: { scopeError: (next) => (rt, route, record) => (route.operation.operationId === op ? undefined : next(rt, route, record)) },
      },
    ];
  },
});
