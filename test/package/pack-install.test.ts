/**
 * The package as a user installs it: `npm pack` (which builds dist/ through `prepare`), the tarball
 * installed into an empty project, then `npx authconform run` (exit 0, a valid JUnit),
 * `npx authconform validate` on a spec of the project's own, `import('authconform/mock')`,
 * `import('authconform/suite')` and `import('authconform')` in plain Node (no loader), their types
 * through tsc (`moduleResolution: nodenext`), and `npx authconform mock` killed by the npx PID. Node comes from AUTHCONFORM_PACK_NODE (default: the Node running vitest);
 * .ci/run runs this file on Node 20 and 22. Not part of `npm test`: `npm run test:package`.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/spec/bundled.ts';
import { TOOL_VERSION } from '../../src/runner/tool-version.ts';
import { validateJunit } from '../reporters/xmllint.ts';

const node = process.env.AUTHCONFORM_PACK_NODE ?? process.execPath;
const tmp = mkdtempSync(join(tmpdir(), 'ac-pack-'));
const project = join(tmp, 'consumer');
/** the chosen Node first on PATH, so npx and the bin's `#!/usr/bin/env node` use it */
const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };

function inProject(command: string, args: string[]) {
  return spawnSync(command, args, { cwd: project, env, encoding: 'utf8', timeout: 240_000 });
}

beforeAll(() => {
  execFileSync('npm', ['pack', '--pack-destination', tmp, '--silent'], { cwd: repoRoot, env, stdio: 'pipe' });
  const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'))!;
  cpSync(join(repoRoot, 'examples', 'acme'), join(project, 'specs'), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(tmp, tarball)], { cwd: project, env, stdio: 'pipe' });
}, 600_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe(`the packed package, installed (node ${execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()})`, () => {
  it('installs compiled JS with types, and no TypeScript loader among its dependencies', () => {
    const pkg = join(project, 'node_modules', 'authconform');
    for (const file of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/mock/index.d.ts', 'dist/src/runner/define-suite.d.ts', 'dist/suites/conformance.test.js', 'dist/bundle/cli.js', 'dist/bundle/conformance.js', 'dist/bundle/THIRD-PARTY-LICENSES.txt']) {
      expect(existsSync(join(pkg, file)), file).toBe(true);
    }
    expect(existsSync(join(pkg, 'src')), 'sources are not shipped').toBe(false);
    for (const dir of ['test', 'docs', 'bench', 'scripts', 'examples', 'profiles/PROPOSAL.md']) expect(existsSync(join(pkg, dir)), `${dir} is not shipped`).toBe(false);
    // vendored schemas keep their licence: the JUnit XSD's MIT header, SARIF's terms, the origins table
    expect(readFileSync(join(pkg, 'schemas', 'junit-10.xsd'), 'utf8')).toMatch(/^<\?xml[^\n]*\n<!--\nThe MIT License \(MIT\)\n\nCopyright \(c\) 2014, Gregory Boissinot/);
    for (const file of ['schemas/sarif-2.1.0.LICENSE.md', 'schemas/README.md']) expect(existsSync(join(pkg, file)), file).toBe(true);
    // the bundles carry other packages' code: each bundled package is listed with its licence text
    const licences = readFileSync(join(pkg, 'dist', 'bundle', 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const name of ['undici', 'msw', 'ajv', 'yaml', 'commander']) {
      expect(licences, name).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+ \\((MIT|ISC)\\)\\n\\n(.*\\n){0,4}.*Copyright`, 'm'));
    }
    expect(existsSync(join(project, 'node_modules', 'tsx')), 'tsx is a devDependency').toBe(false);
  });

  it('npx authconform --version', () => {
    const r = inProject('npx', ['authconform', '--version']);
    expect({ status: r.status, stdout: r.stdout.trim() }).toEqual({ status: 0, stdout: TOOL_VERSION });
  });

  it('npx authconform run: every bundled spec against its mock, exit 0, a valid JUnit', async () => {
    const r = inProject('npx', ['authconform', 'run', '--junit', 'reports/junit.xml']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^total: \d+ passed, 0 failed, /m);
    const junit = join(project, 'reports', 'junit.xml');
    expect(await validateJunit(junit)).toBe(`${junit} validates`);
  }, 300_000);

  it("npx authconform validate on the project's own spec", () => {
    const r = inProject('npx', ['authconform', 'validate', 'specs/acme.yaml']);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: '✓ acme (specs/acme.yaml): 7 requirements\n', stderr: '' });
  });

  it("import('authconform/mock'), import('authconform/suite') and import('authconform') in plain Node", () => {
    const script =
      "const m = await import('authconform/mock'); const s = await import('authconform/suite'); const a = await import('authconform');" +
      ' console.log(typeof m.createHandlers, typeof m.startMock, typeof s.defineConformanceSuite, typeof a.runConformance)';
    const r = inProject(node, ['--input-type=module', '-e', script]);
    expect({ status: r.status, stdout: r.stdout.trim(), stderr: r.stderr }).toEqual({ status: 0, stdout: 'function function function function', stderr: '' });
  });

  it('types of ., ./mock and ./suite resolve for tsc with moduleResolution nodenext (not any)', () => {
    writeFileSync(
      join(project, 'types-check.ts'),
      [
        "import { runConformance, loadSpec, AuthconformError } from 'authconform';",
        "import { createHandlers, startMock } from 'authconform/mock';",
        "import { defineConformanceSuite } from 'authconform/suite';",
        'export const used = [runConformance, loadSpec, AuthconformError, createHandlers, startMock, defineConformanceSuite];',
        // each line is an error only if the export has its declared type: an unused @ts-expect-error fails tsc
        '// @ts-expect-error a function is not a number',
        'export const a: number = runConformance;',
        '// @ts-expect-error a function is not a number',
        'export const b: number = startMock;',
        '// @ts-expect-error a function is not a number',
        'export const c: number = defineConformanceSuite;',
      ].join('\n'),
    );
    const options = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['types-check.ts'] }));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const r = inProject(node, [tsc, '-p', 'tsconfig.json']);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('npx authconform mock stops and frees its port when the npx process gets SIGTERM', async () => {
    const npx = spawn('npx', ['authconform', 'mock', 'linkfetch', '--port', '0'], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      npx.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = / on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      npx.once('exit', () => reject(new Error(`the mock did not start: ${out}`)));
    });
    const refused = (): Promise<boolean> =>
      new Promise((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve(false)));
        socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
      });
    expect(await refused()).toBe(false);
    npx.kill('SIGTERM');
    let freed = false;
    for (let i = 0; i < 100 && !freed; i++) {
      await new Promise((r) => setTimeout(r, 100));
      freed = await refused();
    }
    expect(freed).toBe(true);
  }, 120_000);
});
