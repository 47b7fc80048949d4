import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { fileURLToPath } from 'url';
import sirv from 'sirv';

export interface ServeOptions {
  /** The built site (site/dist or SITE_OUT_DIR). */
  dir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface ServedSite {
  url: string;
  port: number;
  /** Serves another build from now on, e.g. a fresh one after a rebuild; no restart, no downtime. */
  setDir(dir: string): void;
  close(): Promise<void>;
}

/**
 * The headers the build wrote to `_headers` (Netlify / Cloudflare Pages format; only the `/*`
 * block is used), so this server and any other static host send the same policy.
 */
function headersFile(root: string): [string, string][] {
  const file = path.join(root, '_headers');
  if (!fs.existsSync(file)) throw new Error(`No _headers in ${root}: the site build writes it`);
  const headers: [string, string][] = [];
  let inAll = false;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (/^\S/.test(line)) inAll = line.trim() === '/*';
    else if (inAll && line.includes(':')) headers.push([line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]);
  }
  return headers;
}

function handlerFor(dir: string) {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error(`No built site in ${root} (index.html is missing)`);
  const security = headersFile(root);
  // Production mode: sirv indexes the folder once, so a build swapped in later needs a new handler.
  const serve = sirv(root, {
    dev: false,
    etag: true,
    extensions: ['html'],
    gzip: true,
    brotli: true,
    // Astro's /_astro/ files carry a content hash in their names: they never change.
    setHeaders(res, pathname) {
      if (pathname.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
  const notFound = fs.existsSync(path.join(root, '404.html')) ? fs.readFileSync(path.join(root, '404.html')) : Buffer.from('Sidan finns inte');
  const sendNotFound = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': notFound.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : notFound);
  };
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    for (const [name, value] of security) res.setHeader(name, value);
    // Pages live at directory URLs ending in '/'; send the slash-less form there, once, for good.
    const { pathname, search } = new URL(req.url ?? '/', 'http://x');
    if (pathname === '/_headers') return sendNotFound(req, res);
    if (!pathname.endsWith('/') && !path.extname(pathname)) {
      let index = '';
      try {
        index = path.join(root, decodeURIComponent(pathname), 'index.html');
      } catch {
        // A malformed escape is simply not a page; sirv answers it below.
      }
      if (index.startsWith(root + path.sep) && fs.existsSync(index)) {
        res.writeHead(301, { Location: `${pathname}/${search}` });
        res.end();
        return;
      }
    }
    serve(req, res, () => sendNotFound(req, res));
  };
}

/** Serves a built static site over HTTP, answering misses with the site's own 404 page. */
export function serveSite({ dir, port = Number(process.env.SITE_PORT) || 4321, host = '127.0.0.1' }: ServeOptions): Promise<ServedSite> {
  let handle = handlerFor(dir);
  const server = http.createServer((req, res) => handle(req, res));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      const loopback = ['127.0.0.1', 'localhost', '::1', '::', '0.0.0.0'].includes(host);
      resolve({
        url: `http://${loopback ? 'localhost' : host}:${actual}`,
        port: actual,
        setDir(next) {
          handle = handlerFor(next);
        },
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) {
    console.error('Usage: tsx scripts/src/serve.ts <dir> [port]');
    process.exit(2);
  }
  serveSite({ dir, port: port ? Number(port) : undefined, host: process.env.SITE_HOST || undefined }).then(
    (site) => {
      console.log(`Webbplatsen: ${site.url}/`);
      const stop = () => site.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error) => {
      console.error(`Could not serve ${dir}: ${error.message}`);
      process.exit(1);
    },
  );
}
