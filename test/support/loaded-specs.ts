/**
 * Specs loaded once per test file (by bundled name or path): the contract and, beside it, the
 * mock's configuration, which tests reach from a contract they were given with `specFor`.
 */
import type { Contract } from '../../src/spec/contract.ts';
import { loadSpec } from '../../src/spec/load.ts';
import type { LoadedSpec } from '../../src/spec/mock-config.ts';

const specs = new Map<string, Promise<LoadedSpec>>();
const loaded = new WeakMap<Contract, LoadedSpec>();

/** A spec (bundled name or path), loaded once per test file. */
export function specOf(name: string): Promise<LoadedSpec> {
  let s = specs.get(name);
  if (s === undefined) {
    s = loadSpec(name).then((spec) => {
      loaded.set(spec.contract, spec);
      return spec;
    });
    specs.set(name, s);
  }
  return s;
}

/** The contract of `specOf(name)` (the same object on every call). */
export async function contractOf(name: string): Promise<Contract> {
  return (await specOf(name)).contract;
}

/** The loaded spec a contract of `contractOf` belongs to (what its mock is started from). */
export function specFor(contract: Contract): LoadedSpec {
  const spec = loaded.get(contract);
  if (spec === undefined) throw new Error(`${contract.name} was not loaded by specOf`);
  return spec;
}
