/**
 * response.header: a documented response header (x-authconform.responseHeaders, named by the
 * requirement's `header`) is on the responses its rule names (`on`: all, accepted, errors or
 * statuses) and its value matches the rule's pattern (default: non-empty).
 */
import type { Breakage } from '../mock/defect.ts';
import type { ResponseHeaderRule } from '../spec/contract.ts';
import { defineKind } from './kind.ts';

export const responseHeader = defineKind({
  kind: 'response.header',
  family: 'headers',
  summary: 'a documented response header is on the responses its rule names, its value matching the rule',
  needs: ['responseHeaders'],
  fields: ['header', 'operation', 'request'],
  defaultRole: 'valid',
  defects: ({ requirement }): Breakage[] => {
    const rule = (requirement as { rule?: ResponseHeaderRule }).rule;
    if (rule === undefined) return [];
    const name = rule.name.toLowerCase();
    const on = rule.on;
    const onErrors = on === 'all' || on === 'errors' || (Array.isArray(on) && on.some((s) => s >= 400));
    const onAccepted = on === 'all' || on === 'accepted' || (Array.isArray(on) && on.some((s) => s < 400));
    const out: Breakage[] = [];
    const omit = (errors: boolean): Breakage['wrap'] => ({
      responseHeaderValue: (next) => (rt, r, status) => (r.name.toLowerCase() === name && status >= 400 === errors ? undefined : next(rt, r, status)),
    });
    if (onErrors) out.push({ description: `the ${rule.name} header is missing from error responses`, wrap: omit(true) });
    if (onAccepted) out.push({ ...(out.length > 0 ? { suffix: 'accepted' } : {}), description: `the ${rule.name} header is missing from accepted responses`, wrap: omit(false) });
    return out;
  },
});
