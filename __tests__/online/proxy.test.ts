/** HTTPS_PROXY / NO_PROXY: the decision, and the SDK's requests really going through a CONNECT proxy. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveOnline } from '../../src/resolve/online/index.js';
import { proxyFor, TunnelAgent } from '../../src/resolve/online/proxy.js';
import { recordingLogger, serverlessGroup } from './helpers.js';

describe('proxyFor', () => {
  const target = new URL('https://dataworks.cn-hangzhou.aliyuncs.com');

  it.each([
    [{ HTTPS_PROXY: 'http://proxy.corp:3128' }, 'http://proxy.corp:3128/'],
    [{ https_proxy: 'proxy.corp:3128' }, 'http://proxy.corp:3128/'],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'aliyuncs.com' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'localhost, .aliyuncs.com' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: '*' }, undefined],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'aliyuncs.com:8443' }, 'http://proxy.corp:3128/'],
    [{ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'cn-hangzhou.aliyuncs.com.evil' }, 'http://proxy.corp:3128/'],
    [{ HTTP_PROXY: 'http://proxy.corp:3128' }, undefined],
    [{}, undefined]
  ])('case %#', (env, expected) => {
    expect(proxyFor(target, env)?.href).toBe(expected);
  });

  it('never proxies plain-HTTP targets', () => {
    expect(proxyFor(new URL('http://127.0.0.1:8080'), { HTTPS_PROXY: 'http://proxy.corp:3128' })).toBeUndefined();
  });

  it('refuses proxies it cannot speak to', () => {
    expect(() => proxyFor(target, { HTTPS_PROXY: 'socks5://proxy.corp:1080' })).toThrow(
      'only http:// proxies are supported'
    );
  });
});

describe('requests through the proxy', () => {
  let proxy: http.Server;
  let proxyPort = 0;
  let connects: { target: string; authorization: string | undefined }[];

  beforeEach(async () => {
    connects = [];
    proxy = http.createServer((_req, res) => res.writeHead(405).end());
    // Record the tunnel requested, and refuse it: the target host is never contacted.
    proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
      connects.push({ target: req.url ?? '', authorization: req.headers['proxy-authorization'] });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyPort = (proxy.address() as net.AddressInfo).port;
  });

  afterEach(async () => {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  const settings = {
    endpoints: { dataworks: 'https://dataworks.proxy-test.invalid', vpc: 'https://vpc.proxy-test.invalid' },
    credentials: { accessKeyId: 'AKID_TEST', accessKeySecret: 'SECRET_TEST' },
    allowInstanceCredentials: false
  };
  const request = {
    group: serverlessGroup('prod', 'Serverless_res_group_1_2'),
    modules: ['data-integration' as const]
  };

  it('opens a CONNECT tunnel to the endpoint, with the proxy credentials', async () => {
    const result = await resolveOnline([request], settings, {
      logger: recordingLogger(),
      env: { HTTPS_PROXY: `http://ci%40corp:p%3Ass@127.0.0.1:${proxyPort}` },
      sleep: async () => {}
    });

    expect(connects.map((c) => c.target).sort()).toEqual([
      'dataworks.proxy-test.invalid:443',
      'dataworks.proxy-test.invalid:443'
    ]);
    expect(connects[0]!.authorization).toBe(`Basic ${Buffer.from('ci@corp:p:ss').toString('base64')}`);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toContain(
      `the proxy 127.0.0.1:${proxyPort} refused CONNECT dataworks.proxy-test.invalid:443 with HTTP 403`
    );
  });

  it('goes direct for hosts in NO_PROXY', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const result = await resolveOnline(
      [request],
      { ...settings, endpoints: { dataworks: `https://127.0.0.1:${port}`, vpc: `https://127.0.0.1:${port}` } },
      {
        logger: recordingLogger(),
        env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`, NO_PROXY: '127.0.0.1' },
        sleep: async () => {},
        tuning: { maxAttempts: 2 }
      }
    );

    expect(connects).toEqual([]);
    expect(result.findings[0]!.message).toContain('ECONNREFUSED');
  });

  it('reports a malformed HTTPS_PROXY once, before any call', async () => {
    const result = await resolveOnline([request], settings, {
      logger: recordingLogger(),
      env: { HTTPS_PROXY: 'socks5://127.0.0.1:1080' }
    });
    expect(result.findings[0]!.message).toContain(
      'HTTPS_PROXY "socks5://127.0.0.1:1080": only http:// proxies are supported'
    );
    expect(connects).toEqual([]);
  });
});

describe('TunnelAgent', () => {
  // A self-signed certificate for tunnel-target.test (a name no resolver knows: only the proxy maps it).
  const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
  const cert = readFileSync(path.join(fixtures, 'tls-cert.pem'), 'utf8');
  const key = readFileSync(path.join(fixtures, 'tls-key.pem'), 'utf8');

  it('speaks TLS to the target through the tunnel, checking its certificate and name', async () => {
    const target = https.createServer({ key, cert }, (_req, res) => res.end('{"tunnelled":true}'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const targetPort = (target.address() as net.AddressInfo).port;
    const tunnels: string[] = [];
    const proxy = http.createServer();
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      tunnels.push(req.url ?? '');
      const upstream = net.connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyPort = (proxy.address() as net.AddressInfo).port;
    const agent = new TunnelAgent(new URL(`http://127.0.0.1:${proxyPort}`));

    try {
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get('https://tunnel-target.test/', { agent, ca: cert }, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      expect(body).toBe('{"tunnelled":true}');
      expect(tunnels).toEqual(['tunnel-target.test:443']);

      // Without the certificate's CA the handshake fails: the tunnel does not weaken TLS.
      await expect(
        new Promise((resolve, reject) =>
          https.get('https://tunnel-target.test/', { agent }, resolve).on('error', reject)
        )
      ).rejects.toThrow(/self-signed certificate/);
    } finally {
      agent.destroy();
      proxy.closeAllConnections();
      target.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await new Promise<void>((resolve) => target.close(() => resolve()));
    }
  });
});
