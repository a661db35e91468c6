/**
 * No cascades (issue 13, cause 5): against a target that refuses the valid key — every bundled
 * spec's mock, with the valid key replaced on the wire by one the mock does not know — exactly the
 * requirements that state "the valid key is accepted" fail, and every case that needed the valid key
 * accepted skips with a pointer to one of them. Every family runs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presentBundledSpecs, repoRoot } from '../../src/spec/bundled.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { runAgainstMock } from '../../src/selftest/against-mock.ts';
import { COVERAGE, coveringRequirement } from '../../src/probes/preconditions.ts';
import type { ProbeRequest } from '../../src/transport/types.ts';

/** The request as a target that does not know `key` sees it: every occurrence replaced by an unknown key of the same shape. */
function withoutKey(req: ProbeRequest, key: string): ProbeRequest {
  const unknown = `${key.slice(0, -6)}zq0zq0`;
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, v.split(key).join(unknown)]));
  return { ...req, headers };
}

for (const name of presentBundledSpecs()) {
  describe(`${name}: a target that refuses the valid key`, () => {
    it('fails only the acceptance requirement; cases that need the valid key skip pointing at it', async () => {
      const spec = await loadSpec(name);
      const { contract } = spec;
      const runs = await runAgainstMock(spec, {
        wrapSend: (send, fixtures) => (req) => send(withoutKey(req, fixtures.credentials.valid!.value)),
      });
      const acceptance = coveringRequirement(contract, COVERAGE.accepted('valid', contract.probeOperation));
      expect(acceptance).toBeDefined();
      const failing = runs.filter(({ o }) => o.verdict === 'fail');
      expect(failing.filter(({ c }) => c.requirement.id !== acceptance!.id).map(({ c, o }) => `${c.name}: ${o.message}`)).toEqual([]);
      expect(failing.length).toBeGreaterThan(0);
      const pointers = runs.filter(({ o }) => o.verdict === 'skip' && o.message.startsWith('precondition not met'));
      expect(pointers.length).toBeGreaterThan(0);
      for (const { c, o } of pointers) expect(`${c.name}: ${o.message}`).toMatch(new RegExp(`— see ${acceptance!.id}$`));
    });
  });
}

describe('github-like: a target that refuses the valid key', () => {
  it('fails only the acceptance requirement; a check on an operation no acceptance requirement covers (resource.hidden on getRepo) skips pointing at the one that fails', async () => {
    const spec = await loadSpec(join(repoRoot, 'examples/github-like/github-like.yaml'));
    const runs = await runAgainstMock(spec, {
      wrapSend: (send, fixtures) => (req) => send(withoutKey(req, fixtures.credentials.valid!.value)),
    });
    const failing = [...new Set(runs.filter(({ o }) => o.verdict === 'fail').map(({ c }) => c.requirement.id))];
    expect(failing).toEqual(['GHLIKE-AUTH-01']);
    const hidden = runs.filter(({ c }) => c.requirement.id === 'GHLIKE-PRIV-01').map(({ o }) => `${o.verdict}: ${o.message}`);
    expect(hidden).toEqual([expect.stringMatching(/^skip: precondition not met: the valid key was refused \(401\) on GET \/user\/repos — see GHLIKE-AUTH-01$/)]);
  });
});
