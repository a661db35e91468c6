/**
 * Where a spec's cases go: a real target with fixtures from a file, or the embedded mock (control
 * API on) with the fixtures it seeds.
 */
import type { LoadedSpec } from '../spec/mock-config.ts';
import type { Fixtures } from '../fixtures/fixtures.ts';
import { startMock } from '../mock/server.ts';
import { createControlClient, type ControlClient } from '../mock/control-client.ts';
import type { ResolvedEntry } from './spec-entry.ts';

export interface PreparedTarget {
  baseUrl: string;
  fixtures: Fixtures;
  mock: boolean;
  control?: ControlClient;
  /** stops the mock and the control client (no-op for real targets) */
  close(): Promise<void>;
}

/** The resolved entry's real target, or the embedded mock started for it. */
export async function prepareTarget(resolved: ResolvedEntry, mockDefects: string[] = []): Promise<PreparedTarget> {
  if (resolved.target === undefined) return startEmbeddedMock(resolved, mockDefects);
  return {
    baseUrl: resolved.target,
    fixtures: resolved.fixtures?.fixtures ?? { credentials: {}, resources: {} },
    mock: false,
    close: async () => {},
  };
}

async function startEmbeddedMock(spec: LoadedSpec, defects: string[]): Promise<PreparedTarget> {
  const mock = await startMock(spec, { port: 0, control: true, ...(defects.length > 0 ? { defects } : {}) });
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
