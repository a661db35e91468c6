/**
 * What the mock tells a client developer about the API it serves, from the spec alone: the
 * operations (`GET /v1/profiles`) for a 404, and the base URL an SDK is given, where it differs
 * from the API root (the paths' common prefix before their version segment, e.g. `/api/partner`).
 */
import type { Contract } from '../spec/contract.ts';

export function operationList(contract: Contract): string[] {
  return contract.operations.map((op) => `${op.method} ${op.path}`);
}

const VERSION = /^v\d+(\.\d+)*$/;

/** `/api/partner` for paths `/api/partner/v3/...`; '' when the paths start at the root or share nothing. */
export function sdkBasePath(contract: Contract): string {
  const split = contract.operations.map((op) => op.path.split('/').filter((s) => s !== ''));
  if (split.length === 0) return '';
  const common: string[] = [];
  for (let i = 0; split.every((parts) => parts[i] !== undefined && parts[i] === split[0]![i]); i++) common.push(split[0]![i]!);
  const version = common.findIndex((s) => VERSION.test(s));
  const base = version < 0 ? [] : common.slice(0, version);
  return base.length === 0 ? '' : `/${base.join('/')}`;
}
