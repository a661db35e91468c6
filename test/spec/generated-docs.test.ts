import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docPath, generatedDocs, loadPresentBundledContracts } from '../../src/spec/generated-docs.ts';
import { coverageLine, renderTraceability, traceCoverage } from '../../src/spec/traceability.ts';
import type { Contract } from '../../src/spec/contract.ts';

describe('generated docs', () => {
  it('docs/traceability.md and docs/requirements.md are up to date (npx tsx scripts/gen-docs.ts)', async () => {
    const contracts = await loadPresentBundledContracts();
    for (const doc of generatedDocs(contracts)) {
      expect(existsSync(docPath(doc)), `${doc.path} is missing`).toBe(true);
      expect(readFileSync(docPath(doc), 'utf8'), `${doc.path} is stale`).toBe(doc.content);
    }
  });
});

describe('traceability rendering', () => {
  const contract = {
    name: 'acme',
    title: 'Acme API',
    sources: { auth: { title: 'Acme auth', file: 'acme.txt' } },
    traceability: [
      { doc: 'auth', section: 'Keys', quote: 'Send the key | always.', requirements: ['ACME-AUTH-01', 'ACME-AUTH-02'] },
      { doc: 'auth', section: 'Credits', quote: 'Test keys are free.', requirements: ['ACME-TEST-01'], untestable: 'Credits are not observable.' },
      { doc: 'auth', section: 'Advice', quote: 'Keep it secret.', untestable: 'Advice to clients.' },
    ],
  } as unknown as Contract;

  it('counts statements, mapped ones and untestable ones', () => {
    expect(traceCoverage(contract.traceability)).toEqual({ statements: 3, mapped: 2, untestable: 1 });
    expect(coverageLine({ statements: 1, mapped: 1, untestable: 0 })).toBe('1 statement, 1 mapped to requirements, 0 untestable');
  });

  it('renders a section per spec with a coverage line and a table', () => {
    const md = renderTraceability([contract]);
    expect(md.split('\n').slice(7)).toEqual([
      '## Acme API (`acme`)',
      '',
      '3 statements, 2 mapped to requirements, 1 untestable',
      '',
      'Sources (paths relative to the spec file):',
      '',
      '- `auth`: Acme auth (`acme.txt`)',
      '',
      '| source | quote | requirements |',
      '|---|---|---|',
      '| auth § Keys | Send the key \\| always. | ACME-AUTH-01, ACME-AUTH-02 |',
      '| auth § Credits | Test keys are free. | ACME-TEST-01; not testable: Credits are not observable. |',
      '| auth § Advice | Keep it secret. | not testable: Advice to clients. |',
      '',
    ]);
  });
});
