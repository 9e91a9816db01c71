/**
 * A tiny static file server for a built dist/ folder, on 127.0.0.1 and an ephemeral port.
 * Used by the browser tests and `npm run audit`; it behaves like a plain static host:
 * `/path/` serves `/path/index.html`, `/path` redirects to `/path/` when that is a folder,
 * unknown paths get 404 with dist/404.html when there is one. Hashed assets under /_astro/
 * get a long cache lifetime, as a production host would give them. With `gzip: true`, text
 * (HTML, CSS, JS, JSON, XML, SVG) is gzipped for clients that accept it, as every production
 * static host does; the audit uses that, the browser tests don't need it.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  // Pagefind's index files.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

export interface StaticServer {
  /** Origin with no trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  close(): Promise<void>;
}

function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isCompressible(type: string): boolean {
  return /^text\/|^application\/(json|xml|xslt\+xml|rss\+xml|manifest\+json|javascript)|^image\/svg\+xml/.test(type);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Serves `root` (a dist/ folder) until close() is called. */
export async function serveDir(root: string, options: { port?: number; gzip?: boolean } = {}): Promise<StaticServer> {
  const base = resolve(root);
  if (!isDir(base)) throw new Error(`serveDir: ${base} is not a folder`);

  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string, pathname: string) => {
    const type = contentType(file);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (options.gzip && isCompressible(type)) {
      headers['Vary'] = 'Accept-Encoding';
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        const body = gzipSync(readFileSync(file));
        res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
    }
    res.writeHead(status, { ...headers, 'Content-Length': String(statSync(file).size) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };

  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    const page = join(base, '404.html');
    if (isFile(page)) return send(req, res, 404, page, '/404.html');
    const body = 'Not found\n';
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    const target = resolve(base, `.${pathname}`);
    // Nothing outside root, and no NUL tricks.
    if ((target !== base && !target.startsWith(base + sep)) || pathname.includes('\0')) return notFound(req, res);

    if (isDir(target)) {
      if (!pathname.endsWith('/')) {
        const search = new URL(req.url ?? '/', 'http://localhost').search;
        res.writeHead(301, { Location: encodeURI(`${pathname}/`) + search });
        res.end();
        return;
      }
      const index = join(target, 'index.html');
      if (isFile(index)) return send(req, res, 200, index, pathname);
      return notFound(req, res);
    }
    if (isFile(target)) return send(req, res, 200, target, pathname);
    return notFound(req, res);
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : ok()));
      }),
  };
}

/** The dist/ file that serves a site path such as /en/ or /2025/12/22/id/. */
export function distFile(dist: string, path: string): string {
  const clean = path.split(/[?#]/)[0]!.replace(/^\//, '');
  return join(dist, clean, clean === '' || clean.endsWith('/') ? 'index.html' : '');
}

/** The HTML of a built page, for tools that measure it. */
export function readDistPage(dist: string, path: string): string {
  const file = distFile(dist, path);
  if (!existsSync(file)) throw new Error(`${path}: no ${file}`);
  return readFileSync(file, 'utf8');
}
