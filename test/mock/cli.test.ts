/** `authconform mock`: listing defects and variants, usage errors, serving until SIGINT. */
import { describe, expect, it } from 'vitest';
import { request } from 'undici';
import { command } from '../../src/cli/commands/mock.ts';
import type { CliIO } from '../../src/cli/command.ts';
import { listDefects } from '../../src/mock/defects.ts';
import { AuthconformError } from '../../src/util/errors.ts';
import { contractOf, SPECS, specFor, specOf } from './support.ts';

function io(): CliIO & { out: string[]; err: string[]; printed: Promise<void> } {
  const out: string[] = [];
  const err: string[] = [];
  let done: () => void = () => {};
  const printed = new Promise<void>((resolve) => (done = resolve));
  return {
    out,
    err,
    printed,
    stdout: (line) => {
      out.push(line);
      if (line === 'press Ctrl-C to stop') done();
    },
    stderr: (line) => err.push(line),
    env: {},
    cwd: process.cwd(),
  };
}

describe('authconform mock', () => {
  it('--list-defects prints every defect id with its description and exits 0', async () => {
    const name = SPECS[0]!;
    const out = io();
    expect(await command.run([name, '--list-defects'], out)).toBe(0);
    const defects = listDefects(await specOf(name));
    const width = Math.max(...defects.map((d) => d.id.length));
    expect(out.out).toEqual(defects.map((d) => `${d.id.padEnd(width)}  ${d.description}`));
  });

  it('--list-variants prints the variants', async () => {
    const out = io();
    expect(await command.run(['--list-variants'], out)).toBe(0);
    expect(out.out.map((l) => l.split(' ')[0])).toEqual(['messages', 'extra-fields', 'header-case', 'key-strings', 'status-alternatives', 'retry-after', 'rate-limit-status', 'all']);
  });

  it('usage errors: no spec, bad port, unknown defect', async () => {
    const errors = await Promise.all([
      command.run([], io()).catch((e: unknown) => e),
      command.run([SPECS[0]!, '--port', '99999'], io()).catch((e: unknown) => e),
      command.run([SPECS[0]!, '--defect', 'NOPE', '--port', '0'], io()).catch((e: unknown) => e),
    ]);
    expect(errors.map((e) => (e as AuthconformError).code)).toEqual(['AC_USAGE', 'AC_USAGE', 'AC_USAGE']);
    expect((errors[1] as Error).message).toBe(`--port must be an integer from 0 to 65535, got "99999"; usage: authconform mock [spec] [options]`);
  });

  it('serves on 127.0.0.1, prints the URL and the fake credentials, and stops cleanly on SIGINT', async () => {
    const name = SPECS[0]!;
    const contract = await contractOf(name);
    const out = io();
    const running = command.run([name, '--port', '0'], out);
    await out.printed;
    const url = /on (http:\/\/127\.0\.0\.1:\d+)$/.exec(out.out[0]!)![1]!;
    const res = await request(`${url}/__authconform/clock`);
    expect(res.statusCode).toBe(200);
    await res.body.dump();
    expect(out.out).toContain('credentials (fake, valid only on this mock):');
    const valid = specFor(contract).mock.credentials.find((c) => c.role === 'valid')!;
    expect(out.out.some((l) => l.trim().startsWith('valid') && l.endsWith(valid.value))).toBe(true);
    process.emit('SIGINT');
    expect(await running).toBe(0);
    expect(out.err).toEqual(['authconform mock: SIGINT, stopped']);
    await expect(request(`${url}/__authconform/clock`)).rejects.toThrow();
  });
});
