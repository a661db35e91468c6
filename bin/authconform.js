#!/usr/bin/env node
// Entry point for `npx authconform`: the compiled CLI in dist/ (built by `npm run build`, which
// `npm ci` runs through `prepare`). The tool's own tests run the TypeScript sources instead.
try {
  await import('../dist/src/cli/entry.js');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/src/cli/entry.js')) {
    process.stderr.write('authconform: not built (dist/ is missing); run `npm run build` (npm ci and npm install do it)\n');
    process.exitCode = 2;
  } else {
    throw err;
  }
}
