/**
 * The statuses a documented error may have: one (`status: 401`), a set (`status: [403, 429]`,
 * "403 or 429") or an OpenAPI range (`status: "4XX"`, any client error). Every comparison of a
 * response with a documented error goes through `statusMatches`.
 */
import type { ErrorSpec } from './contract.ts';

/** A member of a status set: a status, or an OpenAPI range (`4XX`). */
export type StatusMember = number | `${1 | 2 | 3 | 4 | 5}XX`;

type WithStatuses = Pick<ErrorSpec, 'status' | 'statuses'>;

function memberMatches(m: StatusMember, n: number): boolean {
  return typeof m === 'number' ? m === n : Math.floor(n / 100) === Number(m[0]);
}

/** Whether status `n` is one the docs allow for this error. */
export function statusMatches(spec: WithStatuses, n: number): boolean {
  const members = spec.statuses ?? [spec.status];
  return members.some((m) => memberMatches(m, n));
}

/** "401", "403 or 429", "4xx". */
export function describeStatus(spec: WithStatuses): string {
  const members = spec.statuses ?? [spec.status];
  return members.map((m) => (typeof m === 'number' ? String(m) : m.toLowerCase())).join(' or ');
}

/** Another status of the set than `status` (the last member; for a range, x22), or undefined when the docs allow one only. */
export function alternativeStatus(spec: WithStatuses): number | undefined {
  const last = spec.statuses?.[spec.statuses.length - 1];
  if (last === undefined) return undefined;
  const n = typeof last === 'number' ? last : Number(last[0]) * 100 + 22;
  return n === spec.status ? undefined : n;
}

/** The first status of `candidates` the error does not allow (a wrong status for defects). */
export function statusOutside(spec: WithStatuses, candidates: readonly number[] = [403, 400, 418, 409]): number {
  return candidates.find((n) => !statusMatches(spec, n)) ?? 599;
}
