/**
 * `authconform mock <spec>`: serves the spec's reference mock on loopback until SIGINT, SIGTERM or
 * SIGHUP, or until the process that started it (npx) exits,
 * printing its URL and its (fake, mock-only) credentials by role; `--list-defects` prints the
 * defects the mock can switch on.
 */
import { loadSpec } from '../../spec/load.ts';
import type { Contract } from '../../spec/contract.ts';
import { sdkBasePath } from '../../mock/api-paths.ts';
import { listDefects } from '../../mock/defects.ts';
import { CONTROL_PREFIX, MOCK_DEFAULTS } from '../../mock/options.ts';
import type { MockServer } from '../../mock/server.ts';
import { listVariants } from '../../mock/variants.ts';
import type { CliCommand, CliIO } from '../command.ts';
import { parseCommandArgs, read, usageError } from '../parse-args.ts';
import { OPTION_RANGES } from '../option-ranges.ts';
import { isLoopbackHost } from '../../runner/safety.ts';
import { parentGoneProbe } from '../parent-watch.ts';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** how often the mock checks that the process that started it (npx, a shell) still runs */
const PARENT_POLL_MS = 500;

export const command: CliCommand = {
  name: 'mock',
  summary: "serve a spec's reference mock on loopback (fake credentials, control API, defects)",
  args: '[spec]',
  argsHelp: 'a bundled spec name or a .yaml path',
  options: [
    { flags: '--port <N>', help: 'TCP port (0: any free port; the URL is printed)', integer: OPTION_RANGES['--port'], default: String(MOCK_DEFAULTS.port) },
    { flags: '--host <HOST>', help: 'interface to bind', default: MOCK_DEFAULTS.host },
    { flags: '--defect <ID>', help: 'switch on a defect (repeatable); see --list-defects', repeatable: true },
    { flags: '--variant <NAME>', help: 'switch on a conformant variant (repeatable, or all); see --list-variants', repeatable: true },
    { flags: '--no-control', help: 'do not serve the control API under /__authconform/' },
    { flags: '--unlimited', help: 'lift rate limits (headers are still sent)' },
    { flags: '--dispatch <MODE>', help: "direct: call the matching msw handler's resolver; msw: through msw's getResponse", choices: ['direct', 'msw'], default: 'direct' },
    { flags: '--list-defects', help: 'print the defect ids of the spec with what they break, and exit' },
    { flags: '--list-variants', help: 'print the conformant variants, and exit' },
  ],
  async run(argv, io) {
    // the process tree as it is at start-up: the banner below tells a parent it may stop us
    const parentGone = parentGoneProbe();
    const parsed = parseCommandArgs(command, argv);
    const { positionals } = parsed;
    if (read.flag(parsed, 'list-variants')) {
      for (const v of listVariants()) io.stdout(`${v.name.padEnd(14)}  ${v.description}`);
      return 0;
    }
    if (positionals.length !== 1) throw usageError(command, 'no spec given');
    const spec = await loadSpec(positionals[0]!, { cwd: io.cwd });
    const { contract } = spec;
    if (read.flag(parsed, 'list-defects')) {
      const defects = listDefects(spec);
      const width = Math.max(...defects.map((d) => d.id.length));
      for (const d of defects) io.stdout(`${d.id.padEnd(width)}  ${d.description}`);
      return 0;
    }
    const control = !read.flag(parsed, 'no-control');
    // the server (msw and the handlers) loads only when a mock is served
    const { startMock } = await import('../../mock/server.ts');
    const mock = await startMock(spec, {
      port: read.number(parsed, 'port') ?? MOCK_DEFAULTS.port,
      host: read.string(parsed, 'host') ?? MOCK_DEFAULTS.host,
      defects: read.strings(parsed, 'defect'),
      variants: read.strings(parsed, 'variant'),
      control,
      unlimited: read.flag(parsed, 'unlimited'),
      dispatch: read.string(parsed, 'dispatch') as 'direct' | 'msw',
      // a client developer's mock runs on the real time (the suite's own runs keep the seed's fixed start)
      clockStartMs: Date.now(),
    });
    printBanner(contract, mock, control, io);
    const warning = offLoopbackWarning(read.string(parsed, 'host') ?? MOCK_DEFAULTS.host, control);
    if (warning !== undefined) io.stderr(warning);
    const signal = await untilSignal(parentGone);
    await mock.close();
    io.stderr(`authconform mock: ${signal}, stopped`);
    return 0;
  },
};

/**
 * Resolves with the signal that stops the mock, or "parent exited" when the process that started
 * it is gone: `kill <pid of npx>` ends npx without passing the signal on, and the mock would be
 * left holding its port (see parent-watch.ts).
 */
function untilSignal(parentGone: () => boolean): Promise<string> {
  return new Promise((resolve) => {
    const stop = (reason: string): void => {
      clearInterval(watch);
      for (const [n, h] of handlers) process.off(n, h);
      resolve(reason);
    };
    const handlers = SIGNALS.map((name) => [name, (): void => stop(name)] as const);
    for (const [n, h] of handlers) process.once(n, h);
    const watch = setInterval(() => {
      if (parentGone()) stop('parent exited');
    }, PARENT_POLL_MS);
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
  const sdkBase = sdkBasePath(contract);
  if (sdkBase !== '') io.stdout(`  SDK base URL: ${mock.url}${sdkBase} (the API's paths start with ${sdkBase})`);
  if (control) io.stdout(`  control API: ${mock.url}${CONTROL_PREFIX} (GET it for the list: clock, keys, keys/revoke, reset)`);
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
