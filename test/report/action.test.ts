import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { command as run } from '../../src/cli/commands/run.ts';
import { optionName } from '../../src/cli/parse-args.ts';

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Array<{ run?: string; env?: Record<string, string>; uses?: string }> };
};

describe('action.yml', () => {
  const script = action.runs.steps.find((s) => s.env !== undefined)!;

  it('is a composite action that uploads nothing and uses no other action', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.filter((s) => s.uses !== undefined)).toEqual([]);
    expect(JSON.stringify(action.runs.steps)).not.toMatch(/upload|curl|gh /i);
  });

  it('passes every input as an environment variable, never spliced into the script', () => {
    expect(script.run).not.toContain('${{');
    expect(Object.values(script.env!).sort()).toEqual(Object.keys(action.inputs).map((name) => `\${{ inputs.${name} }}`).sort());
  });

  it('gives run only options it declares', () => {
    const declared = new Set(run.options.map((o) => `--${optionName(o)}`));
    const used = [...script.run!.matchAll(/add (--[\w-]+)/g)].map((m) => m[1]!);
    expect(used.length).toBe(Object.keys(action.inputs).length - 1);
    expect(used.filter((flag) => !declared.has(flag))).toEqual([]);
  });
});
