/**
 * The example servers are independent of authconform: no file here imports from src/ (the type of
 * a `Reading` from test/independent/second is a type-only import, erased at run time). The
 * `*-run.test.ts` files are not servers: they drive `authconform run` against them (run-with-fault.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIR = dirname(fileURLToPath(import.meta.url));
const imports = (file: string) => [...readFileSync(`${DIR}/${file}`, 'utf8').matchAll(/^import (type )?[^;]*? from '([^']+)';$/gms)].map((m) => ({ type: m[1] !== undefined, from: m[2]! }));

describe('test/independent/examples', () => {
  it('imports nothing from src/, and from other test code only the loopback server kit and types', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('-run.test.ts'));
    const outside = files.flatMap((f) => imports(f).filter((i) => i.from.startsWith('../') && !i.type).map((i) => `${f}: ${i.from}`));
    expect(outside.sort()).toEqual(['github-like-server.ts: ../second/server-kit.ts', 'stripe-like-server.ts: ../second/server-kit.ts']);
    expect(files.flatMap((f) => imports(f).filter((i) => /(^|\/)src\//.test(i.from)).map((i) => `${f}: ${i.from}`))).toEqual([]);
  });
});
