/**
 * `authconform generate <spec> --out FILE`: writes a standalone vitest suite a team can commit
 * and extend. It calls `defineConformanceSuite` (package export `authconform/suite`) with the
 * spec, the target from AUTHCONFORM_TARGET (or the --target given here) and the fixtures.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isBundledSpec } from '../../spec/bundled.ts';
import { isHttpUrl } from '../../fixtures/fixture-reader.ts';
import { TOOL_VERSION } from '../../runner/tool-version.ts';
import { AuthconformError } from '../../util/errors.ts';
import type { CliCommand } from '../command.ts';
import { parseCommandArgs, read, usageError } from '../parse-args.ts';
import { PROFILE_OPTION } from '../profile-option.ts';
import { loadContractWithProfiles } from '../../spec/layer-profiles.ts';

/** vitest's default include pattern: a generated file outside it would never run. */
const VITEST_TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

export const command: CliCommand = {
  name: 'generate',
  summary: 'write a standalone vitest suite for one spec, to commit and extend',
  args: '<spec>',
  argsHelp: 'a bundled spec name or a .yaml path',
  options: [
    { flags: '--out <FILE>', help: 'the suite file to write (*.test.ts, so vitest picks it up)', required: true },
    { flags: '--target <URL>', help: 'default target of the suite (AUTHCONFORM_TARGET overrides it); none = the embedded mock' },
    { flags: '--fixtures <FILE>', help: 'fixtures file of the target, read when the suite runs' },
    { flags: '--force', help: 'overwrite FILE if it exists' },
    PROFILE_OPTION,
  ],
  async run(argv, io) {
    const parsed = parseCommandArgs(command, argv);
    const { positionals } = parsed;
    const values = { out: read.string(parsed, 'out')!, target: read.string(parsed, 'target'), fixtures: read.string(parsed, 'fixtures'), force: read.flag(parsed, 'force') };
    if (values.target !== undefined && !isHttpUrl(values.target)) {
      throw usageError(command, '--target must be an absolute http:// or https:// URL');
    }
    const spec = positionals[0]!;
    const profiles = read.strings(parsed, 'profile');
    const contract = await loadContractWithProfiles(spec, profiles, { cwd: io.cwd });
    // checks the file's structure now; its variables are read when the suite runs
    // the fixtures reader (YAML) and the profiles' module (their schema) load only when this command runs
    if (values.fixtures !== undefined) {
      const { loadFixtures } = await import('../../fixtures/load-fixtures.ts');
      await loadFixtures(values.fixtures, contract, io.env, io.cwd, { requireEnv: false });
    }
    const out = resolve(io.cwd, values.out);
    if (existsSync(out) && values.force !== true) {
      throw new AuthconformError('AC_USAGE', `${values.out} exists; pass --force to overwrite it`);
    }
    const { BUNDLED_PROFILES, locateProfile } = await import('../../spec/profile.ts');
    const source = suiteSource({
      spec: isBundledSpec(spec) ? { bundled: spec } : { file: relativeImport(out, contract.file) },
      ...(values.fixtures === undefined ? {} : { fixtures: relativeImport(out, resolve(io.cwd, values.fixtures)) }),
      ...(values.target === undefined ? {} : { target: values.target }),
      ...(profiles.length === 0 ? {} : { profiles: profiles.map((p) => ((BUNDLED_PROFILES as readonly string[]).includes(p) ? { bundled: p } : { file: relativeImport(out, locateProfile(p, io.cwd)) })) }),
      specName: contract.name,
      exampleId: contract.requirements[0]?.id ?? 'REQUIREMENT-ID',
      file: relative(io.cwd, out) || out,
    });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, source);
    io.stdout(`wrote ${relative(io.cwd, out) || out}`);
    if (!VITEST_TEST_FILE.test(out)) io.stderr(`note: vitest only picks up *.test.ts / *.spec.ts files by default; rename ${values.out} or add it to your vitest include`);
    return 0;
  },
};

interface SuiteSourceInput {
  spec: { bundled: string } | { file: string };
  fixtures?: string;
  target?: string;
  /** profiles layered onto the spec: bundled names or files relative to the generated file */
  profiles?: Array<{ bundled: string } | { file: string }>;
  specName: string;
  /** a requirement id of the spec, for the `-t` example */
  exampleId: string;
  /** the generated file, relative to the project */
  file: string;
}

/** The generated file's text. Paths are relative to the file itself. */
export function suiteSource(input: SuiteSourceInput): string {
  const usesPaths = 'file' in input.spec || input.fixtures !== undefined || (input.profiles ?? []).some((p) => 'file' in p);
  const q = (text: string): string => JSON.stringify(text);
  const specValue = 'bundled' in input.spec ? q(input.spec.bundled) : `here(${q(input.spec.file)})`;
  const targetValue = input.target === undefined ? 'process.env.AUTHCONFORM_TARGET' : `process.env.AUTHCONFORM_TARGET ?? ${q(input.target)}`;
  const lines = [
    `// Conformance suite for ${input.specName}, generated by \`authconform generate\` (authconform ${TOOL_VERSION}).`,
    '// Commit it and extend it: add your own describe/test blocks below, or pass options.',
    '//',
    '// Run it with plain vitest:',
    `//   npx vitest run ${input.file}                  (the embedded mock)`,
    `//   AUTHCONFORM_TARGET=https://staging.example.com npx vitest run ${input.file}`,
    `//   npx vitest run ${input.file} -t ${input.exampleId}   (one requirement)`,
    ...(input.fixtures === undefined ? [] : ['// The fixtures file reads ${VAR}s from the environment when the suite runs.']),
    "import { defineConformanceSuite } from 'authconform/suite';",
  ];
  if (usesPaths) lines.push("import { fileURLToPath } from 'node:url';", '', 'const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));');
  lines.push('', `const target = ${targetValue};`, '', 'await defineConformanceSuite({', `  spec: ${specValue},`, '  target,');
  if (input.profiles !== undefined) {
    lines.push(`  profiles: [${input.profiles.map((p) => ('bundled' in p ? q(p.bundled) : `here(${q(p.file)})`)).join(', ')}],`);
  }
  if (input.fixtures !== undefined) {
    lines.push('  // fixtures are for a real target; without one the embedded mock brings its own', `  fixtures: target === undefined ? undefined : here(${q(input.fixtures)}),`);
  }
  lines.push("  // options: { level: 'should', only: [], maxRequests: 500, timeoutMs: 10000, maxWaitMs: 65000, writes: false, spendQuota: false },", '});', '');
  return lines.join('\n');
}

/** `./x/y.yaml` relative to the generated file, with forward slashes. */
function relativeImport(fromFile: string, to: string): string {
  const rel = relative(dirname(fromFile), to).split(sep).join('/');
  return isAbsolute(rel) || rel.startsWith('.') ? rel : `./${rel}`;
}
