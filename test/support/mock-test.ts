/**
 * vitest's `test` with a file-scoped `mocks` fixture: the one place the mock tests start their
 * mocks. `mocks.start(spec, options)` starts a fresh mock of a bundled spec (never shared, so no
 * state carries over from another suite) and every mock a file started is closed when the file
 * ends. A suite starts its mock in `it.beforeAll(({ mocks }) => ...)`.
 */
import { test } from 'vitest';
import type { Contract } from '../../src/spec/contract.ts';
import type { LoadedSpec } from '../../src/spec/mock-config.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import type { MockOptions } from '../../src/mock/options.ts';
import { specOf } from './loaded-specs.ts';

export interface StartedMock {
  spec: LoadedSpec;
  contract: Contract;
  mock: MockServer;
}

export interface Mocks {
  /** a new mock of the bundled spec `name` (loaded once per file), closed when the file ends */
  start(name: string, options?: MockOptions): Promise<StartedMock>;
}

export const mockTest = test.extend('mocks', { scope: 'file' }, async ({}, { onCleanup }): Promise<Mocks> => {
  const started: MockServer[] = [];
  onCleanup(async () => {
    await Promise.all(started.map((m) => m.close()));
  });
  return {
    async start(name, options = {}) {
      const spec = await specOf(name);
      const mock = await startMock(spec, options);
      started.push(mock);
      return { spec, contract: spec.contract, mock };
    },
  };
});
