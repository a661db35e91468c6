// The last step of `npm run build`: the two entry points of `authconform run`, each one thread's
// whole module graph, bundled by esbuild into dist/bundle/ so that a thread loads a few files
// instead of hundreds (770 modules reach the suite, ours and those of msw, undici, ajv, yaml):
//   cli.js          the CLI (bin/authconform.js imports it)
//   conformance.js  the vitest entry's suite, imported by dist/suites/conformance.test.js, which
//                   this step rewrites to that one import
// vitest and vite stay external: the suite must use the runner's own instance, and the CLI starts
// it. Every module keeps its own import.meta.url (its dist/ path), so the paths it computes from
// it (the package root, precompiled validators, schemas) are those of the unbundled build. The
// unbundled dist/src stays for the package's library exports (`authconform`, `/mock`, `/suite`).
// The licence of every package bundled goes beside the bundles (dist/bundle/THIRD-PARTY-LICENSES.txt).
// Measured with `npm run bench:run`; see the README's Performance section.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}dist/bundle`;

/** Replaces `import.meta.url` in every module of dist/ by the URL of that module's own file. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      const own = JSON.stringify(relative(outdir, args.path).split('\\').join('/'));
      return { contents: text.replaceAll('import.meta.url', `new URL(${own}, import.meta.url).href`), loader: 'js' };
    });
  },
};

const { metafile } = await build({
  entryPoints: { cli: `${root}dist/src/cli/entry.js`, conformance: `${root}dist/suites/conformance.test.js` },
  absWorkingDir: root,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  chunkNames: 'chunk-[hash]',
  external: ['vitest', 'vitest/*', '@vitest/*', 'vite'],
  // the CommonJS packages bundled (undici, ajv, yaml) require Node's built-ins
  banner: { js: "import { createRequire as __authconformRequire } from 'node:module'; const require = __authconformRequire(import.meta.url);" },
  plugins: [ownImportMetaUrl],
  metafile: true,
  logLevel: 'warning',
});

// the bundles carry other packages' code: their licences go beside them, one section per package
const packages = new Set();
for (const input of Object.keys(metafile.inputs)) {
  const match = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/@]+)[\\/]/.exec(input);
  if (match !== null) packages.add(match[1]);
}
const sections = [];
for (const dir of [...packages].sort()) {
  const pkg = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'));
  const files = (await readdir(join(root, dir))).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
  const texts = await Promise.all(files.map((f) => readFile(join(root, dir, f), 'utf8')));
  // a package that ships no licence file: what its package.json declares
  if (texts.length === 0) texts.push(`No licence file in the package; its package.json declares ${pkg.license}, by ${typeof pkg.author === 'string' ? pkg.author : (pkg.author?.name ?? 'its authors')}${pkg.repository?.url === undefined ? '' : ` (${pkg.repository.url})`}.`);
  sections.push([`${pkg.name} ${pkg.version} (${pkg.license ?? 'see its package'})`, ...texts.map((t) => t.trim()), ''].join('\n\n'));
}
await writeFile(
  `${outdir}/THIRD-PARTY-LICENSES.txt`,
  `The files of this folder bundle code of the following packages (scripts/bundle.mjs). Their licences:\n\n${sections.join('\n')}`,
);

await writeFile(
  `${root}dist/suites/conformance.test.js`,
  "// the vitest entry of `authconform run`: its suite, bundled (scripts/bundle.mjs; source: suites/conformance.test.ts)\nimport '../bundle/conformance.js';\n",
);
