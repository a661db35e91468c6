/** org.membership: the organization header naming an organization the credential does not belong to is refused; each member organization is accepted. */
import { defineKind } from './kind.ts';

export const orgMembership = defineKind({
  kind: 'org.membership',
  family: 'tenants',
  summary: 'the organization header naming an organization the credential does not belong to is refused; each member organization is accepted',
  needs: ['organization'],
  fields: ['errors', 'role', 'operation', 'request'],
  defaultRole: 'valid',
  defects: () => [{ description: 'the organization header is not checked against the credential', wrap: { organizationError: () => () => undefined } }],
});
