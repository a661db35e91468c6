/**
 * The bundled specs' contracts, loaded and validated at build time (`npm run build` writes them
 * beside the compiled loader): a bundled spec whose file and seed still have the sha256 recorded
 * there is not parsed and checked again at every start. Only contracts that load without a
 * warning and survive a JSON round trip unchanged are written; anything else is loaded as usual.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { LoadedSpec } from './mock-config.ts';
import { repoRoot } from './bundled.ts';

export const PRECOMPILED_CONTRACTS_FILE = 'contracts.precompiled.json';

interface PrecompiledContract {
  /** the spec file, relative to the package root */
  file: string;
  sha256: string;
  /** sha256 of the seed file the contract holds, when it has one */
  seedSha256?: string;
  /** the loaded spec (contract and mock configuration), the contract's `file` relative to the package root */
  spec: LoadedSpec;
}

function sha256Of(file: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(file, 'utf8')).digest('hex');
  } catch {
    return undefined;
  }
}

function seedFile({ contract, mock }: LoadedSpec): string | undefined {
  return mock.seed === undefined ? undefined : resolve(dirname(contract.file), mock.seed);
}

/** The JSON written at build time for these loaded specs (each loaded without warnings). */
export function precompiledContractsSource(specs: LoadedSpec[]): string {
  const out: PrecompiledContract[] = [];
  for (const spec of specs) {
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(spec)), spec)) continue;
    const seed = seedFile(spec);
    const seedSha256 = seed === undefined ? undefined : sha256Of(seed);
    if (seed !== undefined && seedSha256 === undefined) continue;
    const file = relative(repoRoot, spec.contract.file);
    out.push({ file, sha256: spec.contract.sha256, ...(seedSha256 === undefined ? {} : { seedSha256 }), spec: { ...spec, contract: { ...spec.contract, file } } });
  }
  return `${JSON.stringify(out)}\n`;
}

let table: Map<string, PrecompiledContract> | undefined;

function precompiled(): Map<string, PrecompiledContract> {
  if (table !== undefined) return table;
  table = new Map();
  const path = fileURLToPath(new URL(PRECOMPILED_CONTRACTS_FILE, import.meta.url));
  if (!import.meta.url.endsWith('.js') || !existsSync(path)) return table;
  try {
    for (const entry of JSON.parse(readFileSync(path, 'utf8')) as PrecompiledContract[]) table.set(resolve(repoRoot, entry.file), entry);
  } catch {
    table.clear();
  }
  return table;
}

/** The build's loaded spec at `file` (absolute) with this sha256, while its seed is unchanged too. */
export function precompiledContract(file: string, sha256: string): LoadedSpec | undefined {
  const entry = precompiled().get(file);
  if (entry === undefined || entry.sha256 !== sha256) return undefined;
  const spec: LoadedSpec = { ...entry.spec, contract: { ...entry.spec.contract, file } };
  const seed = seedFile(spec);
  if ((seed === undefined ? undefined : sha256Of(seed)) !== entry.seedSha256) return undefined;
  // each load gets its own objects, as a parse would give
  return structuredClone(spec);
}
