/**
 * What a defect is: one way to break one requirement, as wrappers of the conformant stages
 * (stages.ts). Each kind declares its defects in src/kinds/ with a `DefectBuilder`; the mock
 * passes it what it may need of the mock (the error catalog, a schema violation) in the context,
 * so the kind definitions import no mock code.
 */
import type { Contract, Requirement } from '../spec/contract.ts';
import type { MockConfig } from '../spec/mock-config.ts';
import type { ErrorCatalog } from './error-catalog.ts';
import type { StageWrappers } from './stages.ts';

export interface Breakage {
  /** id suffix: none = the requirement's default defect (`<ID>`), else `<ID>/<suffix>` */
  suffix?: string;
  description: string;
  wrap: StageWrappers;
}

export interface DefectContext {
  requirement: Requirement;
  contract: Contract;
  /** the mock's configuration (its seed credentials, bindings) */
  mock: MockConfig;
  errors: ErrorCatalog;
  /** how a 2xx body of the requirement's operation can break its documented schema, when it can */
  violation?: { description: string; apply(body: unknown): unknown };
  /** a scope.denied requirement about a request-body binding (mock.bindings), not about scopes */
  binding: boolean;
}

export type DefectBuilder = (ctx: DefectContext) => Breakage[];
