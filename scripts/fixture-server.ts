// Serves the NetEase fixture pages on loopback so a browser can open them at their real 163.com URLs
// (Chromium maps the hosts here with --host-resolver-rules; Firefox uses the server as its HTTP proxy).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../tests/fixtures/netease/', import.meta.url));

/** The sample article's ID, and its desktop and mobile URLs. */
export const SAMPLE_ID = 'KJ8S2N1V0556A7ZQ';
export const DESKTOP_URL = `http://www.163.com/dy/article/${SAMPLE_ID}.html`;
export const MOBILE_URL = `http://m.163.com/dy/article/${SAMPLE_ID}.html`;

/** Hosts the fixture server answers for. */
export const FIXTURE_HOSTS = [
  'www.163.com',
  'm.163.com',
  '3g.163.com',
  'c.m.163.com',
  'news.163.com',
  // hosts of the real legacy pages (tests/fixtures/real)
  'money.163.com',
  'tech.163.com',
  'dy.163.com',
];

/** The fixture HTML files by name (without `.html`). */
export const fixtureHtml = (name: string): string => readFileSync(`${fixtures}${name}.html`, 'utf8');

/**
 * Starts the server. Pages are keyed by `host + path`; `setPage` adds or replaces one (tests serve edited variants).
 * Every request is recorded in `requests` so tests can check what the browser fetched.
 */
export async function startFixtureServer() {
  const pages = new Map([
    [`www.163.com/dy/article/${SAMPLE_ID}.html`, fixtureHtml('dy-desktop')],
    [`m.163.com/dy/article/${SAMPLE_ID}.html`, fixtureHtml('dy-mobile')],
    ['www.163.com/', '<!doctype html><meta charset="utf-8"><title>网易</title><h1>网易首页</h1><p>不是文章。</p>'],
  ]);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    // A request straight to the server names its path; one through it as a proxy (Firefox) names the whole URL.
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const host = url.hostname;
    const path = url.pathname;
    requests.push(`${host}${url.pathname}${url.search}`);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const body = pages.get(`${host}${path}`);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    setPage: (hostAndPath: string, html: string) => pages.set(hostAndPath, html),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
