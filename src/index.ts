/**
 * The package's main export (`import ... from 'authconform'`): the programmatic run, spec loading
 * and the types a caller needs. The mock is `authconform/mock`, the vitest suite `authconform/suite`.
 */
export { runConformance, type RunRequest, type RunSummary } from './runner/run-conformance.ts';
export { loadContract, loadContracts, loadSpec } from './spec/load.ts';
export type { Contract } from './spec/contract.ts';
export type { LoadedSpec, MockConfig } from './spec/mock-config.ts';
export type { SuiteOptions } from './runner/options.ts';
export { AuthconformError } from './util/errors.ts';
