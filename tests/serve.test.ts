/** `kliping serve` end to end: the built CLI on a free port, fetched over HTTP. */
import { request } from 'node:http';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempWorkspace } from './support/cli.js';
import { SAMPLE } from './support/paths.js';
import { kliping, start, type Running } from './support/spawn.js';

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let server: Running;
let base = '';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw GET (or `method`): the path is sent exactly as given, unlike fetch() which normalizes `..`. */
function get(rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: rawPath, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const SLUG = 'setelah-lima-jam-negosiasi-macron-memperingatkan-kedua-belah-pihak-perlu';

beforeAll(async () => {
  ws = await tempWorkspace('kliping-serve-');
  const ingest = kliping(['ingest', SAMPLE], ws.dir);
  expect(ingest.code, ingest.stderr).toBe(0);
  await writeFile(path.join(ws.dir, 'secret.txt'), 'outside the output folders\n');
  await symlink(path.join(ws.dir, 'secret.txt'), path.join(ws.dir, 'pages/leak.txt'));
  await symlink(ws.dir, path.join(ws.dir, 'feeds/up'));
  await symlink(path.join(ws.dir, 'pages/.kliping/months-state.json'), path.join(ws.dir, 'pages/state-link.json'));
  await mkdir(path.join(ws.dir, 'pages/.hidden'));
  await writeFile(path.join(ws.dir, 'pages/.hidden/x.html'), 'hidden');
  server = start(['serve', '--port', '0'], ws.dir);
  await server.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+\//);
  base = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(server.stdout())![1]!;
});

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.done;
  }
  await ws?.cleanup();
});

describe('kliping serve', () => {
  it('serves each kind of file with its content type and charset', async () => {
    const cases: [string, string, RegExp][] = [
      ['/', 'text/html; charset=utf-8', /<h1>kliping<\/h1>/],
      ['/index.html', 'text/html; charset=utf-8', /Newest articles/],
      ['/2022/02/', 'text/html; charset=utf-8', /Articles of 2022-02/],
      ['/2022/02/08/', 'text/html; charset=utf-8', /Articles of 2022-02-08/],
      [`/2022/02/08/${SLUG}.html`, 'text/html; charset=utf-8', /Removed by the cleaner/],
      ['/style.css', 'text/css; charset=utf-8', /max-width/],
      ['/feeds/rss.xml', 'application/rss+xml; charset=utf-8', /^<\?xml[^\n]*\n<\?xml-stylesheet type="text\/xsl" href="feed.xsl"\?>\n<rss /],
      ['/feeds/atom.xml', 'application/atom+xml; charset=utf-8', /<feed /],
      ['/feeds/feed.json', 'application/feed+json; charset=utf-8', /"version": "https:\/\/jsonfeed.org\/version\/1.1"/],
      ['/feeds/feed.xsl', 'text/xsl; charset=utf-8', /<xsl:stylesheet/],
      ['/feeds/archive/2022-02.rss.xml', 'application/rss+xml; charset=utf-8', /href="\.\.\/feed\.xsl"/],
      ['/feeds/archive/2022-02.atom.xml', 'application/atom+xml; charset=utf-8', /fh:archive/],
      ['/feeds/archive/2022-02.json', 'application/feed+json; charset=utf-8', /"items"/],
    ];
    for (const [p, type, body] of cases) {
      const r = await get(p);
      expect(r.status, p).toBe(200);
      expect(r.headers['content-type'], p).toBe(type);
      expect(r.body, p).toMatch(body);
      expect(r.headers.etag, p).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
      expect(Date.parse(String(r.headers['last-modified'])), p).not.toBeNaN();
    }
  });

  it('sends RSS and Atom as application/xml to a browser (Accept: text/html) so it applies the stylesheet, and says Vary: Accept', async () => {
    const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const p of ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/archive/2022-02.rss.xml']) {
      const asBrowser = await get(p, { accept: browserAccept });
      expect(asBrowser.headers['content-type'], p).toBe('application/xml; charset=utf-8');
      expect(asBrowser.headers.vary, p).toBe('Accept');
      const asReader = await get(p, { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8' });
      expect(asReader.headers['content-type'], p).toMatch(/^application\/(?:rss|atom)\+xml; charset=utf-8$/);
      expect(asReader.headers.vary, p).toBe('Accept');
      expect(asBrowser.body).toBe(asReader.body);
      expect(asBrowser.headers.etag).not.toBe(asReader.headers.etag);
      expect((await get(p, { accept: browserAccept, 'if-none-match': String(asBrowser.headers.etag) })).status).toBe(304);
    }
    expect((await get('/feeds/feed.json', { accept: browserAccept })).headers['content-type']).toBe('application/feed+json; charset=utf-8');
  });

  it('answers 304 to a matching If-None-Match or a later If-Modified-Since, and 200 otherwise', async () => {
    const first = await get('/feeds/rss.xml');
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    const byTag = await get('/feeds/rss.xml', { 'if-none-match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.body).toBe('');
    expect(byTag.headers.etag).toBe(etag);
    expect((await get('/feeds/rss.xml', { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get('/feeds/rss.xml', { 'if-none-match': '"other"' })).status).toBe(200);
    expect((await get('/feeds/rss.xml', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get('/feeds/rss.xml', { 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await get('/feeds/rss.xml', { 'if-none-match': '"other"', 'if-modified-since': lastModified })).status).toBe(200);
    const head = await get('/feeds/atom.xml', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await get('/feeds/atom.xml', {}, 'POST')).status).toBe(405);
  });

  it('refuses every path outside the output folders, hidden files and symlinks that lead out', async () => {
    const attempts = [
      '/../secret.txt',
      '/feeds/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/feeds/..%2f..%2fsecret.txt',
      '/feeds/%2e%2e/%2e%2e/etc/passwd',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/index.html%00.css',
      '/%00',
      '/leak.txt',
      '/feeds/up/secret.txt',
      '/state-link.json',
      '/.kliping/state.json',
      '/.hidden/x.html',
      '/feeds/archive/.kliping-state.json',
      '/%2ekliping/state.json',
      '//etc/passwd',
      '/%ff',
    ];
    for (const p of attempts) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.body, p).not.toContain('outside the output folders');
      expect(r.body, p).not.toContain('root:');
    }
  });

  it('refuses a port that is not a number, and a port in use, with exit code 2 and what to do', async () => {
    const bad = await runCli(['serve', '--port', '80a'], { cwd: ws.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port must be a whole number from 0 to 65535 (got "80a")');
    const taken = kliping(['serve', '--port', new URL(base).port], ws.dir);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/Port \d+ on 127\.0\.0\.1 is in use: pick another with --port N/);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    server.child.kill('SIGTERM');
    const done = await server.done;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('kliping serve: stopped');
  });
});
