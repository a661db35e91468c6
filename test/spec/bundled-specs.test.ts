import { existsSync, readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it, vi } from 'vitest';
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

  // what keeps loading cheap, asserted without a clock: the validators are compiled once per process
  it('loads every present bundled spec again without compiling a validator once they are compiled', async () => {
    // the first load compiles each spec's response schemas (validate checks the mock's bodies against them)
    await loadContracts(present);
    // ajv's one compile step (compile() and getSchema() both go through it), private in its types
    const proto = Ajv2020.prototype as unknown as { _compileSchemaEnv: (...args: unknown[]) => unknown };
    const compiles = vi.spyOn(proto, '_compileSchemaEnv');
    try {
      const contracts = await loadContracts(present);
      expect(contracts.map((c) => c.name)).toEqual(present);
      expect(compiles).not.toHaveBeenCalled();
      // the spy does see a compile: a fresh schema (not checked against the meta-schema) is compiled once
      new Ajv2020({ validateSchema: false }).compile({ type: 'string' });
      expect(compiles).toHaveBeenCalledTimes(1);
    } finally {
      compiles.mockRestore();
    }
  });

  it('all five bundled specs are present', () => {
    expect(BUNDLED_SPECS.filter((name) => !existsSync(bundledSpecPath(name)))).toEqual([]);
  });
});
