/** The specs shipped in `<repo>/specs/`, addressed by short name (`authconform validate <name>`). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLED_SPECS = ['linkt', 'linkkit', 'linkit', 'linkfetch', 'linq'] as const;
export type BundledSpec = (typeof BUNDLED_SPECS)[number];

/** true when this code runs compiled from dist/ (an installed package), false from the TypeScript sources */
export const isCompiled: boolean = import.meta.url.endsWith('.js');

/**
 * Root of the package (the folder holding package.json and specs/): two levels above this file
 * in a checkout (src/spec/), three in the compiled package (dist/src/spec/).
 */
export const repoRoot: string = fileURLToPath(new URL(isCompiled ? '../../../' : '../../', import.meta.url));

/** Absolute path of the bundled specs folder. */
export const specsDir: string = join(repoRoot, 'specs');

export function isBundledSpec(name: string): name is BundledSpec {
  return (BUNDLED_SPECS as readonly string[]).includes(name);
}

/** Path of a bundled spec file, whether or not it exists yet. */
export function bundledSpecPath(name: BundledSpec): string {
  return join(specsDir, `${name}.yaml`);
}

/** The bundled specs whose file exists, in BUNDLED_SPECS order. */
export function presentBundledSpecs(): BundledSpec[] {
  return BUNDLED_SPECS.filter((name) => existsSync(bundledSpecPath(name)));
}
