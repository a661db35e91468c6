/**
 * Where a spec's cases go: a real target with fixtures from a file, or the embedded mock (control
 * API on) with the fixtures it seeds.
 */
import { resolve } from 'node:path';
import type { Contract } from '../spec/contract.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import { loadFixtures } from '../fixtures/load-fixtures.ts';
import { startMock } from '../mock/server.ts';
import { createControlClient, type ControlClient } from '../mock/control-client.ts';
import { AuthconformError } from '../util/errors.ts';
import { checkTargetSafety } from './safety.ts';
import type { SuiteOptions } from './options.ts';

export interface TargetEntry {
  target?: string | undefined;
  fixtures?: string | undefined;
  mockDefects?: string[] | undefined;
}

export interface PreparedTarget {
  baseUrl: string;
  fixtures: Fixtures;
  mock: boolean;
  control?: ControlClient;
  /** stops the mock and the control client (no-op for real targets) */
  close(): Promise<void>;
}

export async function prepareTarget(contract: Contract, entry: TargetEntry, options: SuiteOptions): Promise<PreparedTarget> {
  if (entry.target === undefined && entry.fixtures === undefined) return startEmbeddedMock(contract, entry.mockDefects ?? []);
  const loaded = entry.fixtures === undefined ? undefined : await loadFixtures(resolve(entry.fixtures), contract);
  const target = entry.target ?? loaded?.target;
  if (target === undefined) {
    throw new AuthconformError('AC_TARGET_INVALID', `${entry.fixtures}: no target: give --target or set target: in the fixtures`);
  }
  const fixtures = loaded?.fixtures ?? { credentials: {}, resources: {} };
  checkTargetSafety({
    contract,
    fixtures,
    target,
    fixturesFile: entry.fixtures,
    allowInsecure: options.allowInsecure,
    allowLive: options.allowLive,
  });
  return { baseUrl: target, fixtures, mock: false, close: async () => {} };
}

async function startEmbeddedMock(contract: Contract, defects: string[]): Promise<PreparedTarget> {
  const mock = await startMock(contract, { port: 0, control: true, ...(defects.length > 0 ? { defects } : {}) });
  const control = createControlClient(mock.url);
  return {
    baseUrl: mock.url,
    fixtures: mock.fixtures,
    mock: true,
    control,
    async close() {
      await control.close();
      await mock.close();
    },
  };
}
