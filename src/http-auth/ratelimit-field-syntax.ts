/**
 * The RateLimit and RateLimit-Policy fields of draft-ietf-httpapi-ratelimit-headers-10 (§3, §4),
 * parsed with an RFC 9651 Structured Field parser (structured-headers). The draft generation is
 * told first (its notes on older revisions): a List of bare Integers with `w` (`100;w=60`) is the -06
 * and -07 RateLimit-Policy, a Dictionary with limit/remaining/reset the -07 RateLimit; those are
 * reported with their generation and not judged by the -10 grammar.
 */
import { parseDictionary, parseList, type BareItem, type Item, type InnerList, type Parameters } from 'structured-headers';

export interface FieldCheck {
  /** the generation the value is written in */
  generation: 'draft -08 to -10' | 'draft -06/-07' | 'draft -07' | 'unparsed';
  /** what breaks the -10 grammar ([] when it holds, or when an older generation was detected) */
  problems: string[];
  /** the policy (or service-limit) names, in order */
  names: string[];
}

const isInner = (m: Item | InnerList): m is InnerList => Array.isArray(m[0]);

/** A numeric parameter that is a Decimal in the text (the parser reads `1.0` as 1). */
function decimalParams(raw: string): Set<string> {
  const out = new Set<string>();
  for (const m of raw.matchAll(/;\s*([a-z*][a-z0-9_.*-]*)=-?[0-9]+\.[0-9]/g)) out.add(m[1]!);
  return out;
}

function kindOf(v: BareItem): string {
  if (typeof v === 'string') return 'a String';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an Integer' : 'a Decimal';
  if (typeof v === 'boolean') return 'a Boolean';
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return 'a Byte Sequence';
  if (v instanceof Date) return 'a Date';
  return v.constructor.name === 'Token' ? 'a Token' : 'a Display String';
}

interface ParamRule {
  required: boolean;
  check: (v: BareItem, decimal: boolean) => string | undefined;
}

const integerAtLeast = (min: number) => (v: BareItem, decimal: boolean): string | undefined =>
  typeof v === 'number' && Number.isInteger(v) && !decimal && v >= min ? undefined : `must be an Integer ≥ ${min}, is ${decimal ? 'a Decimal' : kindOf(v)}${typeof v === 'number' ? ` (${v})` : ''}`;
const string = (v: BareItem): string | undefined => (typeof v === 'string' ? undefined : `must be a String, is ${kindOf(v)}`);
const bytes = (v: BareItem): string | undefined => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? undefined : `must be a Byte Sequence, is ${kindOf(v)}`);

const POLICY_PARAMS: Record<string, ParamRule> = {
  q: { required: true, check: integerAtLeast(0) },
  w: { required: false, check: integerAtLeast(1) },
  qu: { required: false, check: string },
  pk: { required: false, check: bytes },
};
const LIMIT_PARAMS: Record<string, ParamRule> = {
  r: { required: true, check: integerAtLeast(0) },
  t: { required: false, check: integerAtLeast(0) },
  pk: { required: false, check: bytes },
};

function itemProblems(member: Item | InnerList, index: number, rules: Record<string, ParamRule>, decimals: Set<string>): string[] {
  const at = `item ${index + 1}`;
  if (isInner(member)) return [`${at} is an Inner List, not an Item`];
  const [value, params] = member as [BareItem, Parameters];
  const out: string[] = [];
  if (typeof value !== 'string') out.push(`${at}: the name must be a String, is ${kindOf(value)}`);
  for (const [name, rule] of Object.entries(rules)) {
    const v = params.get(name);
    if (v === undefined) {
      if (rule.required) out.push(`${at}: no ${name} parameter`);
      continue;
    }
    const problem = rule.check(v, decimals.has(name));
    if (problem !== undefined) out.push(`${at}: ${name} ${problem}`);
  }
  return out;
}

function parsed(raw: string): { list?: Array<Item | InnerList>; error?: string } {
  try {
    return { list: parseList(raw) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** RateLimit-Policy (draft -10 §3): a non-empty List of String items with q, and optional w, qu, pk. */
export function checkPolicyField(raw: string): FieldCheck {
  const { list, error } = parsed(raw);
  if (list === undefined) return { generation: 'unparsed', problems: [`does not parse as a Structured Fields List (${error ?? ''})`], names: [] };
  if (list.length > 0 && list.every((m) => !isInner(m) && typeof m[0] === 'number')) return { generation: 'draft -06/-07', problems: [], names: [] };
  const decimals = decimalParams(raw);
  const problems = list.length === 0 ? ['is an empty List'] : list.flatMap((m, i) => itemProblems(m, i, POLICY_PARAMS, decimals));
  return { generation: 'draft -08 to -10', problems, names: namesOf(list) };
}

/** RateLimit (draft -10 §4): a List of String items with r, and optional t, pk; names among the policies' when given. */
export function checkRateLimitField(raw: string, policies?: string[]): FieldCheck {
  const { list, error } = parsed(raw);
  if (list === undefined) {
    if (isDraft7(raw)) return { generation: 'draft -07', problems: [], names: [] };
    return { generation: 'unparsed', problems: [`does not parse as a Structured Fields List (${error ?? ''})`], names: [] };
  }
  const decimals = decimalParams(raw);
  const problems = list.flatMap((m, i) => itemProblems(m, i, LIMIT_PARAMS, decimals));
  const names = namesOf(list);
  if (policies !== undefined && policies.length > 0) {
    for (const n of names) if (!policies.includes(n)) problems.push(`"${n}" names no policy of RateLimit-Policy (${policies.map((p) => `"${p}"`).join(', ')})`);
  }
  return { generation: 'draft -08 to -10', problems, names };
}

function isDraft7(raw: string): boolean {
  try {
    const d = parseDictionary(raw);
    return ['limit', 'remaining', 'reset'].some((k) => d.has(k));
  } catch {
    return false;
  }
}

function namesOf(list: Array<Item | InnerList>): string[] {
  return list.flatMap((m) => (!isInner(m) && typeof m[0] === 'string' ? [m[0]] : []));
}
