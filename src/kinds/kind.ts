/**
 * A requirement kind, declared once (in the style of ajv's keyword definitions: one value per
 * kind, read by everything that needs it). The loader derives the schema's kind enum, the
 * sections a kind needs, the fields it reads and its default role from it; the probe registry
 * derives which family plans it; preconditions derive which kinds state a covered behaviour; the
 * mock derives its defect list from `defects`. The probe code (src/probes/families/) and the mock
 * behaviour (src/mock/) stay two implementations, so the defect matrix is a proof.
 *
 * Adding a kind: one file here (listed in index.ts), its probe function in its family's `plans`,
 * and its mock stage (with the stage's conformant behaviour) in src/mock/stages.ts.
 */
import type { DefectBuilder } from '../mock/defect.ts';
import type { Role } from '../spec/contract.ts';

/** The probe families, in run order (rate limits last: they exhaust budgets). */
export const FAMILY_IDS = [
  'valid-credentials',
  'missing-credentials',
  'invalid-credentials',
  'key-lifecycle',
  'scopes',
  'tenants',
  'login-tokens',
  'headers',
  'transport',
  'standards',
  'security',
  'rate-limits',
  /** last of all: a lockout blocks every credential for a while */
  'lockout',
] as const;
export type FamilyId = (typeof FAMILY_IDS)[number];

/**
 * Parts of x-authconform a kind needs to be probed: a section, or a sub-object of one
 * (`rateLimit.headers`). Array sections must be non-empty.
 */
export type Section =
  | 'rateLimit'
  | 'rateLimit.headers'
  | 'rateLimit.headers.used'
  | 'rateLimit.headers.resource'
  | 'rateLimit.secondary'
  | 'rotation'
  | 'organization'
  | 'login'
  | 'echoHeaders'
  | 'requiredHeaders'
  | 'lockout'
  | 'responseHeaders'
  | 'refusedSchemes'
  | 'refusedPlacements';

/**
 * Behaviours a precondition may need (src/probes/preconditions.ts). A kind that `covers` one
 * states it, so a stage-setting step that fails points at the first requirement of such a kind.
 */
export const STATEMENTS = {
  accepted: 'this credential is accepted',
  'unknown-refused': 'an unknown key is refused',
  'revoked-refused': 'a revoked key is refused',
  'rate-headers': 'the rate-limit headers are present',
  'rate-limited': 'exhausting the limit brings a 429',
  'login-issued': 'login with the fixture credentials issues a token',
  'password-refused': 'a wrong password is refused',
  'refused-prefix': 'a key of a refused prefix is refused with its documented error',
  'public-served': 'a public operation is served without any credential',
} as const;
export type Statement = keyof typeof STATEMENTS;

/**
 * Optional requirement fields a kind may read (id, level, kind, statement, source, note: every
 * kind). `validate` reports any of these on a requirement whose kind does not read it.
 */
export const REQUIREMENT_FIELDS = ['errors', 'role', 'operation', 'request', 'allowed', 'resource', 'after', 'statuses', 'header', 'scheme', 'limit', 'as'] as const;
export type RequirementField = (typeof REQUIREMENT_FIELDS)[number];

export interface KindDefinition<K extends string = string> {
  kind: K;
  /** the probe family that plans its cases */
  family: FamilyId;
  /** one line: what a requirement of this kind states */
  summary: string;
  /** parts of x-authconform it needs (validate reports a requirement of this kind without them) */
  needs: readonly Section[];
  /** the optional requirement fields it reads */
  fields: readonly RequirementField[];
  /** the credential role a requirement of this kind is about when it names none */
  defaultRole: Role;
  /** the behaviour its requirements state, for preconditions of other cases */
  covers?: Statement;
  /** the mock defects that break a requirement of this kind, the first its default (stage wrappers) */
  defects: DefectBuilder;
}

/** Identity, keeping the literal kind id in the type. */
export function defineKind<const K extends string>(def: KindDefinition<K>): KindDefinition<K> {
  return def;
}
