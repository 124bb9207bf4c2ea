/**
 * HTTPS_PROXY / NO_PROXY for the Alibaba Cloud SDK. Its HTTP layer (`httpx`, shared by the OpenAPI core and the
 * credentials library) ignores proxy settings, but it uses the `agent` a request passes. So the one `request`
 * function both call is wrapped to pass a CONNECT-tunnelling agent when a proxy applies to the target. Only HTTPS
 * targets are proxied, as every Alibaba Cloud endpoint is; plain-HTTP overrides (tests) go direct.
 */
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import httpx from 'httpx';

/** The proxy for an HTTPS target, from HTTPS_PROXY (or https_proxy) unless NO_PROXY (or no_proxy) excludes it. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv): URL | undefined {
  if (target.protocol !== 'https:') return undefined;
  const raw = (env.HTTPS_PROXY ?? env.https_proxy ?? '').trim();
  if (!raw) return undefined;
  if (bypassed(target, env.NO_PROXY ?? env.no_proxy ?? '')) return undefined;
  let proxy: URL;
  try {
    proxy = new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    throw new Error(`HTTPS_PROXY "${raw}" is not a URL`);
  }
  if (proxy.protocol !== 'http:') throw new Error(`HTTPS_PROXY "${raw}": only http:// proxies are supported`);
  return proxy;
}

/** NO_PROXY entries: `*`, a host, a domain (`example.com` and `.example.com` both match its subdomains), with an
 * optional `:port`. */
function bypassed(target: URL, noProxy: string): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || '443';
  for (const item of noProxy.split(/[\s,]+/)) {
    const entry = item.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const portMatch = /^(.*?)(?::(\d+))?$/.exec(entry.startsWith('[') ? entry.replace(/^\[([^\]]+)\]/, '$1') : entry);
    const entryHost = (portMatch?.[1] ?? entry).replace(/^\*?\./, '');
    const entryPort = portMatch?.[2];
    if (entryPort && entryPort !== port) continue;
    if (host === entryHost || host.endsWith(`.${entryHost}`)) return true;
  }
  return false;
}

/** An HTTPS agent that opens each connection through an HTTP proxy's CONNECT tunnel. */
export class TunnelAgent extends https.Agent {
  constructor(private readonly proxy: URL) {
    super({ keepAlive: true });
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (error: Error | null, stream: Duplex) => void
  ): Duplex | null | undefined {
    // Node calls back with only the error when a connection fails; the typings insist on a stream.
    const fail = (error: Error): void => callback?.(error, undefined as unknown as Duplex);
    const host = String(options.host ?? options.hostname ?? 'localhost');
    const port = Number(options.port ?? 443);
    const headers: http.OutgoingHttpHeaders = { host: `${host}:${port}` };
    if (this.proxy.username) {
      const credentials = `${decodeURIComponent(this.proxy.username)}:${decodeURIComponent(this.proxy.password)}`;
      headers['proxy-authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    const connect = http.request({
      host: this.proxy.hostname,
      port: Number(this.proxy.port || 80),
      method: 'CONNECT',
      path: `${host}:${port}`,
      headers,
      agent: false
    });
    connect.once('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        fail(
          new Error(`the proxy ${this.proxy.host} refused CONNECT ${host}:${port} with HTTP ${response.statusCode}`)
        );
        return;
      }
      const secure = tls.connect({
        socket,
        servername: options.servername ?? host,
        ...(options.ca ? { ca: options.ca } : {}),
        ...(options.cert ? { cert: options.cert } : {}),
        ...(options.key ? { key: options.key } : {}),
        ...(options.rejectUnauthorized !== undefined ? { rejectUnauthorized: options.rejectUnauthorized } : {})
      });
      callback?.(null, secure);
    });
    connect.once('error', (error) =>
      fail(new Error(`the proxy ${this.proxy.host} could not be reached: ${error.message}`))
    );
    connect.end();
    return undefined;
  }
}

/** The environment the proxy decision reads; set per run by `useProxyEnvironment`. */
let currentEnv: NodeJS.ProcessEnv = {};
const agents = new Map<string, TunnelAgent>();
let installed = false;

/**
 * Makes the SDK's requests follow HTTPS_PROXY / NO_PROXY from `env` (no proxy variables: no change). The wrapper
 * is installed once per process; it leaves requests that already carry an agent alone.
 */
export function useProxyEnvironment(env: NodeJS.ProcessEnv): void {
  // A malformed HTTPS_PROXY is one clear message before any call, not a failure of each.
  proxyFor(new URL('https://proxy-check.invalid'), { ...env, NO_PROXY: '', no_proxy: '' });
  currentEnv = env;
  if (installed) return;
  installed = true;
  const original = httpx.request;
  httpx.request = (url, options) => {
    if (options.agent) return original(url, options);
    const proxy = proxyFor(new URL(String(url)), currentEnv);
    if (!proxy) return original(url, options);
    let agent = agents.get(proxy.href);
    if (!agent) {
      agent = new TunnelAgent(proxy);
      agents.set(proxy.href, agent);
    }
    return original(url, { ...options, agent });
  };
}
