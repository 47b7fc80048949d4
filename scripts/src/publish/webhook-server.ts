import crypto from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
import type { RebuildWorker } from './rebuild-worker';

const REBUILD_EVENTS = new Set(['entry.publish', 'entry.unpublish', 'entry.delete']);

/** Updates of drafts change nothing public; an update of a published version does. */
function isPublicChange(payload: { event?: string; entry?: { publishedAt?: string | null } }) {
  return REBUILD_EVENTS.has(payload.event ?? '') || (payload.event === 'entry.update' && Boolean(payload.entry?.publishedAt));
}

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function statusPage(worker: RebuildWorker) {
  const { state, lastSuccess, lastFailure } = worker.status;
  const failed = lastFailure && (!lastSuccess || lastFailure.at > lastSuccess.at);
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Publiceringsstatus – Erfarenhetsbanken</title></head>
<body><main><h1>Publiceringsstatus</h1>
<p>${state === 'building' ? 'En ny version av webbplatsen byggs just nu.' : 'Ingen bygge pågår.'}</p>
<h2>Senast publicerat</h2><p>${lastSuccess ? `${escapeHtml(lastSuccess.at)} (${lastSuccess.durationMs} ms): ${escapeHtml(lastSuccess.counts)}` : 'Inget ännu.'}</p>
${failed ? `<h2>Senaste fel</h2><p>${escapeHtml(lastFailure!.at)}, steget <strong>${lastFailure!.step}</strong>. Webbplatsen visar fortfarande den senast publicerade versionen.</p><pre>${escapeHtml(lastFailure!.message)}</pre>` : ''}
</main></body></html>`;
}

/**
 * Receives the CMS's webhooks (POST /webhook, with the shared secret) and shows editors the
 * build status (GET / as a page, GET /status as JSON). Listens on loopback only.
 */
export function startWebhookServer(worker: RebuildWorker, { port, secret, host = '127.0.0.1' }: { port: number; secret: string; host?: string }) {
  const server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (req.method === 'GET' && req.url === '/status') return send(200, 'application/json', JSON.stringify(worker.status));
    if (req.method === 'GET' && req.url === '/') return send(200, 'text/html', statusPage(worker));
    if (req.method !== 'POST' || req.url !== '/webhook') return send(404, 'text/plain', 'not found');
    if (!sameSecret(req.headers.authorization ?? '', `Bearer ${secret}`)) return send(401, 'text/plain', 'unauthorized');
    let body = '';
    req.on('data', (chunk) => (body += chunk.length + body.length > 1_000_000 ? '' : chunk));
    req.on('end', () => {
      let payload: any;
      try {
        payload = JSON.parse(body);
      } catch {
        return send(400, 'text/plain', 'invalid JSON');
      }
      if (isPublicChange(payload)) worker.trigger(`${payload.event} ${payload.uid ?? payload.model ?? ''} ${payload.entry?.slug ?? ''}`.trim());
      send(202, 'application/json', JSON.stringify({ accepted: isPublicChange(payload) }));
    });
  });
  return new Promise<{ url: string; close(): Promise<void> }>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({ url: `http://${host}:${actual}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
