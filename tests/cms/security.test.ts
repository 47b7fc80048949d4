import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../helpers/cms';

let cms: TestCms;
let token: string;

beforeAll(async () => {
  process.env.UPLOAD_MAX_BYTES = String(64 * 1024);
  process.env.CORS_ORIGINS = 'https://erfarenhetsbanken.example';
  cms = await startCms();
  const login = await fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cms.admin) });
  token = (await login.json()).data.token;
});

afterAll(async () => {
  delete process.env.UPLOAD_MAX_BYTES;
  delete process.env.CORS_ORIGINS;
  await cms?.stop();
});

function upload(name: string, type: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append('files', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  return fetch(`${cms.url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
}

// A real 1×1 PNG, so type sniffing sees an image.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

describe('CMS hardening', () => {
  it('accepts an image upload of an allowed type and size', async () => {
    const response = await upload('bild.png', 'image/png', PNG);
    expect(response.status, await response.clone().text()).toBe(201);
  });

  it('refuses uploads of types a browser would run (SVG, HTML)', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
    for (const [name, type, bytes] of [['x.svg', 'image/svg+xml', svg], ['x.html', 'text/html', html]] as const) {
      const response = await upload(name, type, bytes);
      expect(response.status, name).toBeGreaterThanOrEqual(400);
      expect(response.status, name).toBeLessThan(500);
    }
    const stored = await cms.strapi.db.query('plugin::upload.file').findMany();
    expect(stored.map((f: any) => f.ext)).toEqual(['.png']);
  });

  it('refuses uploads over the size limit', async () => {
    const big = new Uint8Array(200 * 1024);
    big.set(PNG);
    const response = await upload('stor.png', 'image/png', big);
    expect([400, 413]).toContain(response.status);
  });

  it('answers CORS only for the configured origins', async () => {
    const ask = (origin: string) => fetch(`${cms.url}/api/initiatives`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } });
    expect((await ask('https://erfarenhetsbanken.example')).headers.get('access-control-allow-origin')).toBe('https://erfarenhetsbanken.example');
    expect((await ask('https://evil.example')).headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('rate-limits admin login attempts', async () => {
    const attempt = () =>
      fetch(`${cms.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: cms.admin.email, password: 'Fel1losenord' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 15; i += 1) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses).toContain(429);
    expect((await attempt()).status).toBe(429);
  });
});
