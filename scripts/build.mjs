// `npm run build` (and `prepare`, so `npm ci` and `npm pack` build): compiles src/, suites/ and
// reporters/ to dist/ with tsc (relative `.ts` imports rewritten to `.js`, declarations beside),
// then writes the spec loader's JSON Schema validators as ajv standalone code, so the installed
// tool does not compile the OpenAPI 3.1 schema at every start, and bundles the run's two entry points
// (scripts/bundle.mjs).
import { rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const root = new URL('../', import.meta.url);
rmSync(new URL('dist', root), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
const { standaloneSource, PRECOMPILED_FILE } = await import(new URL('dist/src/spec/validators.js', root).href);
writeFileSync(new URL(`dist/src/spec/${PRECOMPILED_FILE}`, root), standaloneSource());
// the body validators' meta-schema check, so a run does not compile the 2020-12 meta-schema
const { bodyMetaSource, BODY_META_FILE } = await import(new URL('dist/src/spec/body-schema.js', root).href);
writeFileSync(new URL(`dist/src/spec/${BODY_META_FILE}`, root), await bodyMetaSource());

// the bundled specs' contracts, validated once here: the installed tool does not parse them at every start
const { presentBundledSpecs } = await import(new URL('dist/src/spec/bundled.js', root).href);
const { loadSpec } = await import(new URL('dist/src/spec/load.js', root).href);
const { precompiledContractsSource, PRECOMPILED_CONTRACTS_FILE } = await import(new URL('dist/src/spec/precompiled-contracts.js', root).href);
const clean = [];
for (const name of presentBundledSpecs()) {
  let warned = false;
  const spec = await loadSpec(name, { onWarning: () => (warned = true) });
  if (!warned) clean.push(spec);
}
writeFileSync(new URL(`dist/src/spec/${PRECOMPILED_CONTRACTS_FILE}`, root), precompiledContractsSource(clean));

// the run's two threads load one bundle each (scripts/bundle.mjs)
await import('./bundle.mjs');
