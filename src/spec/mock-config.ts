/**
 * What the mock is built from beside the contract: x-authconform's `mock` section with its seed
 * file merged in, and each operation's raw OpenAPI object (the mock answers documented examples).
 * The loader returns it next to the `Contract` (`LoadedSpec`); probes never see it.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import type { Contract, MockCredentialSeed, MockSection } from './contract.ts';

export interface MockConfig extends MockSection {
  /** the seed file's credentials (none without a seed) */
  credentials: MockCredentialSeed[];
  /** each operation's raw OpenAPI object, by operationId */
  openapi: Record<string, OpenAPIV3_1.OperationObject>;
}

/** A loaded spec: the contract every layer reads, and the mock's configuration. */
export interface LoadedSpec {
  contract: Contract;
  mock: MockConfig;
}
