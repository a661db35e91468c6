/**
 * The undici dispatcher behind a transport: a keep-alive Agent (one Pool per
 * origin, at most `concurrency` connections each), or an EnvHttpProxyAgent
 * when a proxy is configured in the environment (it honours NO_PROXY).
 *
 * No redirect interceptor is installed, so redirects are never followed and
 * credentials never travel to another origin.
 */
import * as tls from 'node:tls';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

export interface DispatcherSettings {
  concurrency: number;
  timeoutMs: number;
  useEnvProxy: boolean;
}

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'] as const;

/** True when a proxy is configured through the environment. */
export function envProxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? '') !== '');
}

export function createDispatcher(settings: DispatcherSettings): Dispatcher {
  const ca = trustedCertificates();
  const options = {
    connections: settings.concurrency,
    pipelining: 1,
    connectTimeout: settings.timeoutMs,
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
    connect: ca === undefined ? {} : { ca },
  };
  if (settings.useEnvProxy && envProxyConfigured()) {
    return new EnvHttpProxyAgent({
      ...options,
      ...(ca === undefined ? {} : { requestTls: { ca }, proxyTls: { ca } }),
    });
  }
  return new Agent(options);
}

/**
 * The CA set to trust. Node's default store already holds its bundled roots
 * plus NODE_EXTRA_CA_CERTS; where Node can also read the operating system's
 * store (`tls.getCACertificates('system')`, Node 22.15+/23.5+) those roots are
 * added. On older Node (20.x) undefined is returned and Node's default applies.
 */
export function trustedCertificates(): string[] | undefined {
  const get = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  if (typeof get !== 'function') return undefined;
  try {
    const system = get('system');
    if (system.length === 0) return undefined;
    return [...new Set([...get('default'), ...system])];
  } catch {
    return undefined;
  }
}
