/** scope.denied: the role credential (default scoped) gets 403 with one of the errors on the operation, and is accepted on `allowed`. */
import { defineKind } from './kind.ts';

export const scopeDenied = defineKind({
  kind: 'scope.denied',
  family: 'scopes',
  summary: 'the role credential (default scoped) gets 403 with one of the errors on the operation, and is accepted on `allowed`',
  needs: [],
  fields: ['errors', 'role', 'operation', 'request', 'allowed'],
  defaultRole: 'scoped',
});
