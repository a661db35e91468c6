/**
 * `authconform mock <spec>`: serves the spec's reference mock on loopback until SIGINT/SIGTERM,
 * printing its URL and its (fake, mock-only) credentials by role; `--list-defects` prints the
 * defects the mock can switch on.
 */
import { loadContract } from '../../spec/load.ts';
import type { Contract } from '../../spec/contract.ts';
import { listDefects } from '../../mock/defects.ts';
import { CONTROL_PREFIX, MOCK_DEFAULTS } from '../../mock/options.ts';
import type { MockServer } from '../../mock/server.ts';
import { listVariants } from '../../mock/variants.ts';
import type { CliCommand, CliIO } from '../command.ts';
import { parseCommandArgs, usageError } from '../parse-args.ts';
import { parseIntegerOption } from '../option-ranges.ts';
import { isLoopbackHost } from '../../runner/safety.ts';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export const command: CliCommand = {
  name: 'mock',
  summary: "serve a spec's reference mock on loopback (fake credentials, control API, defects)",
  usage: [
    'authconform mock <spec> [--port N] [--host 127.0.0.1] [--defect ID ...] [--variant NAME ...] [--no-control]',
    '    [--unlimited] [--dispatch direct|msw] [--list-defects] [--list-variants]',
    '  --port           TCP port (default 0: any free port; the URL is printed)',
    '  --host           interface to bind (default 127.0.0.1)',
    '  --defect         switch on a defect (repeatable); see --list-defects',
    '  --variant        switch on a conformant variant (repeatable, or all); see --list-variants',
    '  --no-control     do not serve the control API under /__authconform/',
    '  --unlimited      lift rate limits (headers are still sent)',
    "  --dispatch       direct (default): call the matching msw handler's resolver; msw: through msw's getResponse",
    '  --list-defects   print the defect ids of the spec with what they break, and exit',
    '  --list-variants  print the conformant variants, and exit',
  ].join('\n'),
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(command, argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      defect: { type: 'string', multiple: true },
      variant: { type: 'string', multiple: true },
      'no-control': { type: 'boolean' },
      unlimited: { type: 'boolean' },
      dispatch: { type: 'string' },
      'list-defects': { type: 'boolean' },
      'list-variants': { type: 'boolean' },
    });
    if (values['list-variants'] === true) {
      for (const v of listVariants()) io.stdout(`${v.name.padEnd(14)}  ${v.description}`);
      return 0;
    }
    if (positionals.length !== 1) throw usageError(command, positionals.length === 0 ? 'no spec given' : 'give exactly one spec');
    const contract = await loadContract(positionals[0]!, { cwd: io.cwd });
    if (values['list-defects'] === true) {
      const defects = listDefects(contract);
      const width = Math.max(...defects.map((d) => d.id.length));
      for (const d of defects) io.stdout(`${d.id.padEnd(width)}  ${d.description}`);
      return 0;
    }
    const port = parsePort(values.port);
    const dispatch = values.dispatch ?? 'direct';
    if (dispatch !== 'direct' && dispatch !== 'msw') throw usageError(command, `--dispatch must be direct or msw, got "${dispatch}"`);
    // the server (msw and the handlers) loads only when a mock is served
    const { startMock } = await import('../../mock/server.ts');
    const mock = await startMock(contract, {
      port,
      host: values.host ?? MOCK_DEFAULTS.host,
      defects: values.defect ?? [],
      variants: values.variant ?? [],
      control: values['no-control'] !== true,
      unlimited: values.unlimited === true,
      dispatch,
    });
    printBanner(contract, mock, values['no-control'] !== true, io);
    const warning = offLoopbackWarning(values.host ?? MOCK_DEFAULTS.host, values['no-control'] !== true);
    if (warning !== undefined) io.stderr(warning);
    const signal = await untilSignal();
    await mock.close();
    io.stderr(`authconform mock: ${signal}, stopped`);
    return 0;
  },
};

function parsePort(text: string | undefined): number {
  if (text === undefined) return MOCK_DEFAULTS.port;
  const parsed = parseIntegerOption('--port', text);
  if ('error' in parsed) throw usageError(command, parsed.error);
  return parsed.value;
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const handlers = SIGNALS.map((name) => {
      const handler = (): void => {
        for (const [n, h] of handlers) process.off(n, h);
        resolve(name);
      };
      return [name, handler] as const;
    });
    for (const [n, h] of handlers) process.once(n, h);
  });
}

/** The URL and the mock's own fake credentials (printing them is the point: they only work here). */
/** The warning for a mock bound off loopback (undefined on loopback). */
export function offLoopbackWarning(host: string, control: boolean): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return (
    `authconform mock: warning: listening on ${host}, not loopback: other machines can use the fake credentials` +
    (control ? ' and the unauthenticated control API (clock, keys, reset); pass --no-control to turn it off' : '')
  );
}

function printBanner(contract: Contract, mock: MockServer, control: boolean, io: CliIO): void {
  io.stdout(`authconform mock: ${contract.title} (${contract.name}) on ${mock.url}`);
  if (mock.plainUrl !== undefined) {
    io.stdout(`  plain-HTTP port of this HTTPS-only API (refuses every request): ${mock.plainUrl}`);
    io.stdout(`  ${mock.url} plays the TLS endpoint (plain HTTP on loopback)`);
  }
  if (control) io.stdout(`  control API: ${mock.url}${CONTROL_PREFIX} (clock, keys, keys/revoke, reset)`);
  if (mock.defects.length > 0) io.stdout(`  defects: ${mock.defects.join(', ')}`);
  if (mock.variants.length > 0) io.stdout(`  variants: ${mock.variants.join(', ')}`);
  io.stdout('credentials (fake, valid only on this mock):');
  const roles = Object.values(mock.fixtures.credentials);
  const width = Math.max(...roles.map((c) => c.role.length), 4);
  for (const c of roles) {
    const value = c.role === 'login' ? `${c.email ?? ''} / ${c.password ?? ''} (POST ${loginPath(contract)})` : c.value;
    io.stdout(`  ${c.role.padEnd(width)}  ${c.scheme.padEnd(12)}  ${value}`);
  }
  const resources = Object.entries(mock.fixtures.resources);
  if (resources.length > 0) io.stdout(`resources: ${resources.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  const orgs = mock.fixtures.organizations;
  if (orgs !== undefined) io.stdout(`organizations: member ${orgs.member.join(', ') || '(none)'}; foreign ${orgs.foreign ?? '(none)'}`);
  io.stdout('press Ctrl-C to stop');
}

function loginPath(contract: Contract): string {
  const op = contract.operations.find((o) => o.operationId === contract.login?.operationId);
  return op?.path ?? '(login)';
}
