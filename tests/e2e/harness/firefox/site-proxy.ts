import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHuggingFace, type Site } from '../site';

/**
 * Firefox gives no hook into an extension background's own requests (WebDriver BiDi's network
 * interception never sees them), so the test browser talks to the network through this proxy on
 * loopback: it terminates TLS for huggingface.co and its subdomains with a certificate of its own
 * (the browser is told to accept it) and answers from the test's site; every other host is refused.
 */
export interface SiteProxy {
  port: number;
  close(): Promise<void>;
}

let certificate: { key: Buffer; cert: Buffer } | undefined;

/** A self-signed certificate for huggingface.co, made once per test process and kept in memory only. */
function huggingFaceCertificate(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'papershelf-cert-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30',
      '-subj', '/CN=huggingface.co', '-addext', 'subjectAltName=DNS:huggingface.co,DNS:*.huggingface.co',
      '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' });
    if (!existsSync(cert)) throw new Error('openssl did not make the test certificate');
    certificate = { key: readFileSync(key), cert: readFileSync(cert) };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startSiteProxy(site: () => Site): Promise<SiteProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', `https://${request.headers.host ?? 'huggingface.co'}`);
    const reply = isHuggingFace(url) ? await site()({ url, method: request.method ?? 'GET' }) : { status: 403, body: '' };
    if (reply === 'offline') return void request.socket.destroy();
    response.writeHead(reply.status, { ...(reply.contentType ? { 'content-type': reply.contentType } : {}), ...reply.headers });
    response.end(reply.body ?? '');
  };
  const tls = createHttpsServer(huggingFaceCertificate(), (request, response) => void answer(request, response));

  // Plain-HTTP requests through the proxy are refused; CONNECT to huggingface.co:443 is answered here.
  const proxy = createHttpServer((_request, response) => response.writeHead(403).end());
  proxy.on('connection', track);
  proxy.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const [host = '', port] = (request.url ?? '').split(':');
    if (port !== '443' || !isHuggingFace(new URL(`https://${host}`))) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tls.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
      tls.close();
    },
  };
}
