/**
 * A static server for the first-view benchmark that compresses what it sends, as the web host an
 * organisation serves the add-in from would (gzip at the default level): under the slow network
 * profile the bytes on the wire are what count. The browser tests' server (test/browser) sends
 * files as they are, which is enough there.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const COMPRESSED = new Set(['.html', '.js']);

export interface WebServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveCompressed(folder: string): Promise<WebServer> {
  const root = normalize(folder);
  const cache = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, pathname));
    const isFile =
      file.startsWith(root + sep) && statSync(file, { throwIfNoEntry: false })?.isFile() === true;
    if (request.method !== 'GET' || !isFile) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found: ${pathname}`);
      return;
    }
    const type = extname(file);
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPES[type] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    };
    const gzip = COMPRESSED.has(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
    let body: Buffer = readFileSync(file);
    if (gzip) {
      body = cache.get(file) ?? gzipSync(body);
      cache.set(file, body);
      headers['Content-Encoding'] = 'gzip';
    }
    response.writeHead(200, { ...headers, 'Content-Length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
