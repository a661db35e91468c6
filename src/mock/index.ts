/** The mock server's public surface (package export `authconform/mock`). */
export { startMock } from './server.ts';
export type { MockServer } from './server.ts';
export { createHandlers } from './handlers.ts';
export { createMockState, MockState } from './state.ts';
export { listDefects } from './defects.ts';
export type { DefectInfo } from './defects.ts';
export { listVariants } from './variants.ts';
export type { BehaviourOptions, MockOptions } from './options.ts';
export { CONTROL_PREFIX, MOCK_DEFAULTS } from './options.ts';
