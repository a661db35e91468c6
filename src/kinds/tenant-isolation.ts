/** tenant.isolation: the other tenant's credential cannot read or list a resource of the first tenant (403 with the errors, or a status in `statuses`). */
import { defineKind } from './kind.ts';

export const tenantIsolation = defineKind({
  kind: 'tenant.isolation',
  family: 'tenants',
  summary: "the other tenant's credential cannot read or list a resource of the first tenant (403 with the errors, or a status in `statuses`)",
  needs: [],
  fields: ['errors', 'role', 'operation', 'resource', 'statuses'],
  defaultRole: 'other_tenant',
  defects: () => [{ description: "another tenant's resource is served on get", wrap: { visible: () => () => true } }],
});
