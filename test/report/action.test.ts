import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    const used = [...script.run!.matchAll(/(?:add|flag) (--[\w-]+)/g)].map((m) => m[1]!);
    expect(used.length).toBe(Object.keys(action.inputs).length - 1);
    expect(used.filter((flag) => !declared.has(flag))).toEqual([]);
  });

  it("turns the inputs into run's command line (a 'true' boolean input is its flag, an empty input is left out)", () => {
    const inputs: Record<string, string> = { spec: 'linkfetch', target: 'https://api.example.test', fixtures: 'fixtures/linkfetch.staging.yaml', 'allow-live': 'true', junit: 'reports/junit.xml' };
    // GitHub runs a composite step's `shell: bash` as bash -e -o pipefail; node is stubbed to print its arguments
    const runScript = (env: NodeJS.ProcessEnv) => spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', `node() { printf '%s\\n' "$@"; }\n${script.run!}`], { env, encoding: 'utf8' });
    const dir = mkdtempSync(join(tmpdir(), 'ac-action-'));
    try {
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_ACTION_PATH: '/action', GITHUB_OUTPUT: join(dir, 'output') };
      for (const [name, value] of Object.entries(script.env!)) env[name] = inputs[/inputs\.([\w-]+)/.exec(value)![1]!] ?? '';
      const r = runScript(env);
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      expect(r.stdout.trimEnd().split('\n')).toEqual([
        '/action/bin/authconform.js', 'run', 'linkfetch', '--target', 'https://api.example.test', '--fixtures', 'fixtures/linkfetch.staging.yaml',
        '--junit', 'reports/junit.xml', '--allow-live',
      ]);
      expect(readFileSync(join(dir, 'output'), 'utf8')).toBe('exit-code=0\n');
      env.AC_ALLOW_LIVE = 'false';
      const off = runScript(env);
      expect(off.stdout).not.toContain('--allow-live');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
