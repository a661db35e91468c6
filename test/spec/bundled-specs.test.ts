import { existsSync, readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SPECS, bundledSpecPath, presentBundledSpecs } from '../../src/spec/bundled.ts';
import { loadContract, loadContracts } from '../../src/spec/load.ts';

const present = presentBundledSpecs();

describe('bundled specs', () => {
  it.each(present)('%s loads into a contract', async (name) => {
    const contract = await loadContract(name);
    expect(contract.name).toBe(name);
    expect(contract.file).toBe(bundledSpecPath(name));
    expect(contract.requirements.length).toBeGreaterThan(0);
    expect(contract.operations.map((o) => o.operationId)).toContain(contract.probeOperation);
  });

  it.each(present)('%s passes the independent OpenAPI validator', async (name) => {
    const document = parse(readFileSync(bundledSpecPath(name), 'utf8')) as Record<string, unknown>;
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('loads every present bundled spec well under a second once the validators are compiled', async () => {
    await loadContracts(present.slice(0, 1));
    const started = performance.now();
    await loadContracts(present);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('all five bundled specs are present', () => {
    expect(BUNDLED_SPECS.filter((name) => !existsSync(bundledSpecPath(name)))).toEqual([]);
  });
});
