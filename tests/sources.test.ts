/**
 * HTTP sources end to end against a fixture server on 127.0.0.1: what is fetched (the server
 * counts requests), what is archived, conditional requests, failures and their backoff.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig, type Config } from '../src/config/schema.js';
import { runJob, type JobReport } from '../src/pipeline/run.js';
import type { HttpDeps } from '../src/pipeline/sources.js';
import { readSourcesState, sourcesStateFile } from '../src/sources/http/state.js';
import type { ArticleRecord } from '../src/domain/types.js';
import { FIXED_NOW, runCli, workspaces } from './support/cli.js';
import { fixtureServer } from './support/http-fixture.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const fixture = (name: string): string => readFileSync(path.join(ROOT, 'tests/sources', name), 'utf8');
const portalPage = (name: string): Buffer => readFileSync(path.join(ROOT, 'tests/pages', name, 'source.html'));
const HOUR = 3600 * 1000;

const server = fixtureServer();
const workspace = workspaces();
beforeEach(() => server.reset());

function configOf(input: Record<string, unknown>): Config {
  const { config, issues } = resolveConfig({ fetch: { allowPrivateAddresses: true, perHostDelayMs: 0, timeoutMs: 3000, ...((input.fetch as object) ?? {}) }, ...Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'fetch')) });
  expect(issues).toEqual([]);
  return config;
}

async function tick(dir: string, config: Config, nowMs = FIXED_NOW, http?: HttpDeps): Promise<JobReport> {
  return runJob({ config, cwd: dir, now: () => nowMs, http });
}

async function records(dir: string): Promise<ArticleRecord[]> {
  const out: ArticleRecord[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.json') && e.name !== 'index.json') out.push(JSON.parse(await readFile(p, 'utf8')) as ArticleRecord);
    }
  };
  await walk(path.join(dir, 'archive'));
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function servePortalPages(...names: string[]): void {
  for (const n of names) server.set(`/read/${n}`, { body: portalPage(n) });
}

function serveRss(etag = '"rss-1"'): void {
  server.set('/rss.xml', { body: fixture('rss.xml'), type: 'application/rss+xml; charset=utf-8', etag, lastModified: 'Tue, 12 Mar 2024 03:00:00 GMT' });
  servePortalPages('kompas-harga-cabai', 'detik-banjir-semarang', 'medcom-subsidi-listrik');
}

describe('sources: feeds', () => {
  it('a first tick archives every item of an RSS feed from its page, with the upstream GUID and the raw page', async () => {
    const dir = await workspace();
    serveRss();
    const config = configOf({ sources: [{ name: 'portal', url: `${server.base}/rss.xml` }] });
    const report = await tick(dir, config);
    expect(server.count('/rss.xml')).toBe(1);
    for (const n of ['kompas-harga-cabai', 'detik-banjir-semarang', 'medcom-subsidi-listrik']) expect(server.count(`/read/${n}`)).toBe(1);
    expect(report.new).toBe(3);
    expect(report.failed).toBe(0);
    expect(report.sources).toEqual([expect.objectContaining({ name: 'portal', kind: 'feed', status: 'ok', new: 3, updated: 0, unchanged: 0, failed: 0, requests: 4 })]);
    const recs = await records(dir);
    expect(recs.map((r) => r.guid).sort()).toEqual(['detik-7142233', 'kompas-7001', 'medcom-1650012']);
    const cabai = recs.find((r) => r.guid === 'kompas-7001')!;
    expect(cabai.url).toBe('https://money.kompas.com/read/2024/03/12/091500326/harga-cabai-rawit-tembus-rp-120000-per-kilogram');
    expect(cabai.raw.mediaType).toBe('text/html');
    expect(cabai.raw.original).toBe(`${server.base}/read/kompas-harga-cabai`);
    expect(cabai.raw.file.endsWith('.raw.html')).toBe(true);
    const raw = await readFile(path.join(dir, 'archive', path.dirname(cabai.path), cabai.raw.file));
    expect(raw.equals(portalPage('kompas-harga-cabai'))).toBe(true);
    expect(report.published).toContain('rss.xml');
    // The archive's own checks agree with what the sources wrote (GUID keys included).
    const verify = await runCli(['verify'], { cwd: dir });
    expect(verify.stdout + verify.stderr).toMatch(/no problems/);
  });

  it('a second tick with nothing new makes only conditional requests, all answered 304, and archives nothing', async () => {
    const dir = await workspace();
    serveRss();
    const config = configOf({ sources: [{ name: 'portal', url: `${server.base}/rss.xml`, intervalMinutes: 30 }] });
    await tick(dir, config);
    const before = server.requests.length;
    const report = await tick(dir, config, FIXED_NOW + HOUR);
    const second = server.requests.slice(before);
    expect(second).toEqual([expect.objectContaining({ path: '/rss.xml', conditional: true, status: 304 })]);
    expect(report.new + report.updated).toBe(0);
    expect(report.sources).toEqual([expect.objectContaining({ name: 'portal', status: 'not-modified', unchanged: 1, requests: 1 })]);
    expect(report.published).toEqual([]);
  });

  it('a tick before the interval has passed sends no request and takes no lock', async () => {
    const dir = await workspace();
    serveRss();
    const config = configOf({ sources: [{ name: 'portal', url: `${server.base}/rss.xml`, intervalMinutes: 30 }] });
    await tick(dir, config);
    const before = server.requests.length;
    const report = await tick(dir, config, FIXED_NOW + 10 * 60 * 1000);
    expect(server.requests.length).toBe(before);
    expect(report.sources).toEqual([]);
    expect(report.published).toEqual([]);
  });

  it('an item is never fetched twice by its GUID, even when its link changes or the sources state is lost', async () => {
    const dir = await workspace();
    serveRss();
    const config = configOf({ sources: [{ name: 'portal', url: `${server.base}/rss.xml`, intervalMinutes: 5 }] });
    await tick(dir, config);
    // The feed changes: same GUIDs, new links.
    server.set('/rss.xml', { body: fixture('rss.xml').replaceAll('/read/', '/moved/'), type: 'application/rss+xml', etag: '"rss-2"' });
    const r2 = await tick(dir, config, FIXED_NOW + HOUR);
    expect(server.requests.filter((r) => r.path.startsWith('/moved/'))).toEqual([]);
    expect(r2.new).toBe(0);
    await rm(sourcesStateFile(path.join(dir, 'archive')));
    // The GUID keys are rebuilt from the records alone.
    expect((await runCli(['reindex'], { cwd: dir })).code).toBe(0);
    const r3 = await tick(dir, config, FIXED_NOW + 2 * HOUR);
    expect(server.count('/rss.xml')).toBe(3);
    expect(server.requests.filter((r) => r.path.startsWith('/moved/'))).toEqual([]);
    expect(r3.new).toBe(0);
    expect(await records(dir)).toHaveLength(3);
  });

  it('Atom, RDF and JSON Feed items are archived from their pages, with relative links resolved against the feed', async () => {
    const dir = await workspace();
    server.set('/atom.xml', { body: fixture('atom.xml'), type: 'application/atom+xml' });
    server.set('/rdf.xml', { body: fixture('rdf.xml'), type: 'application/rdf+xml' });
    server.set('/feed.json', { body: fixture('feed.json'), type: 'application/feed+json' });
    servePortalPages('reuters-style-markets', 'tempo-kpk-penggeledahan', 'okezone-mudik-lebaran');
    const config = configOf({
      sources: [
        { name: 'atom', url: `${server.base}/atom.xml`, kind: 'feed' },
        { name: 'rdf', url: `${server.base}/rdf.xml` },
        { name: 'json', url: `${server.base}/feed.json` },
      ],
    });
    const report = await tick(dir, config);
    expect(server.count('/read/reuters-style-markets')).toBe(1);
    expect(server.count('/read/tempo-kpk-penggeledahan')).toBe(1);
    expect(server.count('/read/okezone-mudik-lebaran')).toBe(1);
    expect(report.sources!.map((s) => [s.name, s.kind, s.new])).toEqual([
      ['atom', 'feed', 1],
      ['rdf', 'feed', 1],
      ['json', 'feed', 1],
    ]);
    // The JSON Feed item without a url is reported, not fetched.
    expect(report.warnings).toEqual([expect.stringMatching(/^json: item "An item without a url" has no http\(s\) url: skipped$/)]);
    const guids = (await records(dir)).map((r) => r.guid).sort();
    expect(guids).toEqual([`${server.base}/read/tempo-kpk-penggeledahan`, 'okezone-mudik-1', 'tag:wirewatch.example,2024:asian-shares']);
  });

  it('a broken feed (BOM, HTML entities, a stray &, broken dates) still gives its items; the item fills in the title, date and author a bare page lacks', async () => {
    const dir = await workspace();
    server.set('/broken.xml', { body: fixture('broken.xml'), type: 'text/xml' });
    server.set('/bare/one', { body: fixture('bare.html').replace('{{n}}', '1') });
    server.set('/bare/two', { body: fixture('bare.html').replace('{{n}}', '2') });
    const config = configOf({ sources: [{ name: 'rusak', url: `${server.base}/broken.xml` }] });
    const report = await tick(dir, config);
    expect(report.new).toBe(2);
    const [two, one] = [...(await records(dir))].sort((a, b) => (a.guid! < b.guid! ? 1 : -1));
    expect(one!.guid).toBe('bare-1');
    expect(one!.title).toBe('Warga Antre Minyak Goreng & Gula — Harga “Naik”');
    expect(one!.titleSource).toBe('input');
    expect(one!.published).toBe('2022-02-08T14:30:00+07:00');
    expect(one!.publishedSource).toBe('feed');
    expect(one!.authors).toEqual(['Rina Wulandari']);
    expect(one!.url).toBe(`${server.base}/bare/one`);
    expect(one!.paragraphs).not.toContain('Baca juga: Harga Gula Pasir Ikut Naik');
    // "32 Jan 2024 25:61" is no date: the archived time stands in.
    expect(two!.guid).toBe('bare-2');
    expect(two!.title).toBe('Tanggal Rusak & Tanpa Penulis');
    expect(two!.publishedSource).toBe('archived');
    expect(two!.authors).toEqual([]);
  });

  it('a gzip-compressed feed and page are read', async () => {
    const dir = await workspace();
    const gz = (s: string | Buffer): Buffer => gzipSync(s);
    server.set('/gz.xml', {
      handle: (req, res) => {
        expect(req.headers['accept-encoding']).toMatch(/gzip/);
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gz(fixture('broken.xml').replaceAll('{{base}}', server.base)));
      },
    });
    server.set('/bare/one', { handle: (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gz(fixture('bare.html').replace('{{n}}', '1'))) });
    server.set('/bare/two', { body: fixture('bare.html').replace('{{n}}', '2') });
    const report = await tick(dir, configOf({ sources: [{ name: 'gz', url: `${server.base}/gz.xml` }] }));
    expect(report.new).toBe(2);
    expect((await records(dir)).find((r) => r.guid === 'bare-1')!.paragraphs[0]).toMatch(/^Ratusan warga antre/);
  });

  it('per-source rules apply to that source only', async () => {
    const dir = await workspace();
    server.set('/a.xml', { body: fixture('broken.xml').replaceAll('/bare/', '/a/'), type: 'text/xml' });
    server.set('/b.xml', { body: fixture('broken.xml').replaceAll('/bare/', '/b/').replaceAll('bare-', 'b-'), type: 'text/xml' });
    for (const [p, n] of [['/a/one', 'a1'], ['/a/two', 'a2'], ['/b/one', 'b1'], ['/b/two', 'b2']] as const) server.set(p, { body: fixture('bare.html').replace('{{n}}', n) });
    const promo = { id: 'my.promo-code', reason: 'The portal prints a promo code under each story', kind: 'line', pattern: '^kode promo:', examples: { drop: ['Kode promo: ABC'], keep: ['Kode pos 12345'] } };
    const config = configOf({
      sources: [
        { name: 'with-rule', url: `${server.base}/a.xml`, rules: { add: [promo], disable: ['id.related.baca'] } },
        { name: 'without', url: `${server.base}/b.xml` },
      ],
    });
    const report = await tick(dir, config);
    expect(report.new).toBe(4);
    const recs = await records(dir);
    const a = recs.filter((r) => r.guid!.startsWith('bare-'));
    const b = recs.filter((r) => r.guid!.startsWith('b-'));
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(2);
    for (const r of a) expect(r.dropped.map((d) => d.rule)).toContain('my.promo-code');
    for (const r of b) expect(r.paragraphs.some((p) => p.startsWith('Kode promo:'))).toBe(true);
  });
});

describe('sources: pages', () => {
  it('a page source is archived, then asked conditionally, and updated when it changes', async () => {
    const dir = await workspace();
    const page = portalPage('kompas-harga-cabai');
    server.set('/page', { body: page, etag: '"p1"' });
    const config = configOf({ sources: [{ name: 'one-page', url: `${server.base}/page`, intervalMinutes: 10 }] });
    const r1 = await tick(dir, config);
    expect(r1.sources).toEqual([expect.objectContaining({ kind: 'page', status: 'ok', new: 1 })]);
    const r2 = await tick(dir, config, FIXED_NOW + HOUR);
    expect(r2.sources).toEqual([expect.objectContaining({ status: 'not-modified', unchanged: 1, new: 0 })]);
    expect(server.requests.at(-1)).toEqual(expect.objectContaining({ conditional: true, status: 304 }));
    const edited = page.toString('utf8').replace('Jakarta Timur, menembus Rp 120.000', 'Jakarta Timur, menembus Rp 125.000');
    expect(edited).not.toBe(page.toString('utf8'));
    server.set('/page', { body: edited, etag: '"p2"' });
    const r3 = await tick(dir, config, FIXED_NOW + 2 * HOUR);
    expect(r3.sources).toEqual([expect.objectContaining({ status: 'ok', updated: 1 })]);
    const recs = await records(dir);
    expect(recs).toHaveLength(1);
    expect(recs[0]!.previous).toHaveLength(1);
  });

  it('a server that sends only Last-Modified is asked with If-Modified-Since and its 304 costs nothing', async () => {
    const dir = await workspace();
    server.set('/lm', { body: portalPage('detik-banjir-semarang'), lastModified: 'Wed, 03 Jan 2024 03:00:00 GMT' });
    const config = configOf({ sources: [{ name: 'lm', url: `${server.base}/lm`, kind: 'page' }] });
    await tick(dir, config);
    const r2 = await tick(dir, config, FIXED_NOW + 2 * HOUR);
    expect(server.requests.map((r) => [r.conditional, r.status])).toEqual([
      [false, 200],
      [true, 304],
    ]);
    expect(r2.sources).toEqual([expect.objectContaining({ status: 'not-modified', unchanged: 1 })]);
  });

  it('a page that yields no article is recorded as failed with its URL, not archived, and retried later with backoff', async () => {
    const dir = await workspace();
    server.set('/feed.xml', { body: fixture('broken.xml'), type: 'text/xml', etag: '"f"' });
    server.set('/bare/one', { body: fixture('empty.html') });
    server.set('/bare/two', { body: fixture('bare.html').replace('{{n}}', '2') });
    const config = configOf({ sources: [{ name: 'p', url: `${server.base}/feed.xml`, intervalMinutes: 60 }] });
    const r1 = await tick(dir, config);
    expect(r1.new).toBe(1);
    expect(r1.failed).toBe(1);
    expect(r1.items.find((i) => i.outcome === 'failed')).toEqual(expect.objectContaining({ input: `${server.base}/bare/one`, error: expect.stringMatching(/no article text found/) }));
    expect((await records(dir)).map((r) => r.guid)).toEqual(['bare-2']);
    // Before the backoff has passed: nothing is fetched.
    await tick(dir, config, FIXED_NOW + 30 * 60 * 1000);
    expect(server.count('/bare/one')).toBe(1);
    // After it: the feed answers 304, the waiting item is tried again, and now it has an article.
    server.set('/bare/one', { body: fixture('bare.html').replace('{{n}}', '1') });
    const r3 = await tick(dir, config, FIXED_NOW + 61 * 60 * 1000);
    expect(server.count('/bare/one')).toBe(2);
    expect(r3.sources).toEqual([expect.objectContaining({ status: 'not-modified', new: 1, failed: 0 })]);
    expect((await records(dir)).map((r) => r.guid).sort()).toEqual(['bare-1', 'bare-2']);
    const state = await readSourcesState(sourcesStateFile(path.join(dir, 'archive')));
    expect(state.sources.p!.pending).toEqual([]);
  });
});

describe('sources: safety and politeness', () => {
  it('loopback and private addresses are refused by default, before any request', async () => {
    const dir = await workspace();
    serveRss();
    const { config } = resolveConfig({ sources: [{ name: 'local', url: `${server.base}/rss.xml` }, { name: 'named', url: 'http://intranet.example/feed' }, { name: 'v6', url: 'http://[::1]:9/feed' }] });
    const resolve = async (host: string): Promise<{ address: string; family: number }[]> => {
      expect(host).toBe('intranet.example');
      return [{ address: '93.184.216.34', family: 4 }, { address: '10.1.2.3', family: 4 }];
    };
    const report = await tick(dir, config, FIXED_NOW, { resolve });
    expect(server.requests).toEqual([]);
    expect(report.failed).toBe(3);
    expect(report.sources!.map((s) => s.error)).toEqual([
      expect.stringMatching(/refused to fetch 127\.0\.0\.1: it resolves to 127\.0\.0\.1, a loopback address \(set fetch\.allowPrivateAddresses/),
      expect.stringMatching(/refused to fetch intranet\.example: it resolves to 10\.1\.2\.3, a private address/),
      expect.stringMatching(/refused to fetch ::1: .* a loopback address/),
    ]);
  });

  it('a host name is connected at the address that was resolved and checked', async () => {
    const dir = await workspace();
    serveRss();
    const config = configOf({ sources: [{ name: 'named', url: `http://news.portal.test:${server.port}/rss.xml` }] });
    const report = await tick(dir, config, FIXED_NOW, { resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    expect(report.new).toBe(3);
    expect(server.requests[0]!.host).toBe(`news.portal.test:${server.port}`);
  });

  it('one failing source never stops another; the failure is retried with exponential backoff and Retry-After is honoured', async () => {
    const dir = await workspace();
    serveRss();
    // `down` is on a host of its own: its Retry-After holds back that host only.
    const resolve = async (): Promise<{ address: string; family: number }[]> => [{ address: '127.0.0.1', family: 4 }];
    server.set('/down.xml', { status: 503, body: 'maintenance', type: 'text/plain', headers: { 'retry-after': '7200' } });
    server.set('/error.xml', { status: 500, body: 'oops', type: 'text/plain' });
    const config = configOf({
      sources: [
        { name: 'down', url: `http://down.portal.test:${server.port}/down.xml`, intervalMinutes: 15 },
        { name: 'error', url: `${server.base}/error.xml`, intervalMinutes: 15 },
        { name: 'ok', url: `${server.base}/rss.xml`, intervalMinutes: 15 },
      ],
    });
    const r1 = await tick(dir, config, FIXED_NOW, { resolve });
    expect(r1.new).toBe(3);
    expect(r1.sources!.map((s) => [s.name, s.status, s.error])).toEqual([
      ['down', 'failed', 'HTTP 503 Service Unavailable'],
      ['error', 'failed', 'HTTP 500 Internal Server Error'],
      ['ok', 'ok', null],
    ]);
    const state = await readSourcesState(sourcesStateFile(path.join(dir, 'archive')));
    expect(state.sources.down!.nextAttemptMs).toBe(FIXED_NOW + 7200 * 1000);
    expect(state.sources.error!.nextAttemptMs).toBe(FIXED_NOW + 15 * 60 * 1000);
    // 20 minutes later: `error` is tried again (and fails a second time: next wait 30 min); `down` waits.
    await tick(dir, config, FIXED_NOW + 20 * 60 * 1000, { resolve });
    expect(server.count('/down.xml')).toBe(1);
    expect(server.count('/error.xml')).toBe(2);
    const s2 = await readSourcesState(sourcesStateFile(path.join(dir, 'archive')));
    expect(s2.sources.error!.failures).toBe(2);
    expect(s2.sources.error!.nextAttemptMs).toBe(FIXED_NOW + 20 * 60 * 1000 + 30 * 60 * 1000);
    expect(s2.sources.error!.error).toBe('HTTP 500 Internal Server Error');
  });

  it('a slow server times out, a redirect loop stops after 5 redirects, an oversized body is refused, a non-http redirect is refused, a response that is neither a feed nor HTML is not archived', async () => {
    const dir = await workspace();
    server.set('/slow', { handle: () => undefined });
    server.set('/loop', { handle: (_req, res) => res.writeHead(302, { location: '/loop2' }).end() });
    server.set('/loop2', { handle: (_req, res) => res.writeHead(301, { location: `${server.base}/loop` }).end() });
    server.set('/big', { body: `<html><body>${'x'.repeat(20000)}</body></html>`, headers: { 'content-length': '20026' } });
    server.set('/big-chunked', {
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 20; i++) res.write('y'.repeat(1000));
        res.end();
      },
    });
    server.set('/json', { body: '{"data": [1, 2, 3]}', type: 'application/json' });
    server.set('/to-file', { handle: (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end() });
    const config = configOf({
      fetch: { timeoutMs: 300, maxBytes: 4096 },
      sources: ['slow', 'loop', 'big', 'big-chunked', 'to-file', 'json'].map((n) => ({ name: n, url: `${server.base}/${n}` })),
    });
    const report = await tick(dir, config);
    expect(Object.fromEntries(report.sources!.map((s) => [s.name, s.error]))).toEqual({
      slow: 'no complete response within 300 ms (fetch.timeoutMs)',
      loop: `more than 5 redirects (last to ${server.base}/loop)`,
      big: 'response of 20026 bytes is over fetch.maxBytes (4096)',
      'big-chunked': 'response is over fetch.maxBytes (4096 bytes)',
      'to-file': 'refused: only http and https URLs are fetched (got file)',
      json: `"${server.base}/json": the response is application/json, not an HTML article page: point the source at the article page or its feed`,
    });
    expect(server.count('/loop') + server.count('/loop2')).toBe(6);
    expect(report.failed).toBe(6);
    expect(await records(dir)).toEqual([]);
  });

  it('at most two requests are in flight per host, and requests to one host are spaced by perHostDelayMs', async () => {
    const dir = await workspace();
    const items = Array.from({ length: 6 }, (_, i) => `<item><title>T${i}</title><link>{{base}}/slow-page/${i}</link><guid>g${i}</guid></item>`).join('');
    server.set('/many.xml', { body: `<rss version="2.0"><channel><title>x</title>${items}</channel></rss>`, type: 'application/rss+xml' });
    for (let i = 0; i < 6; i++) {
      server.set(`/slow-page/${i}`, {
        handle: (_req, res) => setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(fixture('bare.html').replace('{{n}}', String(i))), 40),
      });
    }
    const sleeps: number[] = [];
    const config = configOf({ fetch: { perHostDelayMs: 1000 }, sources: [{ name: 'many', url: `${server.base}/many.xml` }] });
    const report = await tick(dir, config, FIXED_NOW, { sleep: async (ms) => void sleeps.push(ms) });
    expect(report.new).toBe(6);
    expect(server.maxInFlight.get(`127.0.0.1:${server.port}`)).toBe(2);
    // Seven requests to one host: every one after the first waited for its turn.
    expect(sleeps).toHaveLength(6);
    for (const ms of sleeps) expect(ms).toBeGreaterThan(0);
  });

  it("time spent waiting for the host's turn does not count against fetch.timeoutMs", async () => {
    const dir = await workspace();
    const items = Array.from({ length: 4 }, (_, i) => `<item><title>T${i}</title><link>{{base}}/q/${i}</link><guid>q${i}</guid></item>`).join('');
    server.set('/q.xml', { body: `<rss version="2.0"><channel><title>x</title>${items}</channel></rss>`, type: 'application/rss+xml' });
    for (let i = 0; i < 4; i++) server.set(`/q/${i}`, { body: fixture('bare.html').replace('{{n}}', `q${i}`) });
    // Five requests 150 ms apart take longer than 250 ms in all, each one much less.
    const config = configOf({ fetch: { perHostDelayMs: 150, timeoutMs: 250, perHostConcurrency: 1 }, sources: [{ name: 'q', url: `${server.base}/q.xml` }] });
    const report = await tick(dir, config);
    expect(report.failed).toBe(0);
    expect(report.new).toBe(4);
  });

  it('requests carry the User-Agent with the contact URL from the config', async () => {
    const dir = await workspace();
    serveRss();
    const config = configOf({ fetch: { contact: 'https://kliping.example/contact' }, sources: [{ name: 'portal', url: `${server.base}/rss.xml` }] });
    await tick(dir, config);
    expect(new Set(server.requests.map((r) => r.userAgent))).toEqual(new Set(['kliping/0.1.0 (+https://kliping.example/contact)']));
  });
});

describe('sources: CLI', () => {
  it('`kliping run` prints the summary line and a line per source, and exits 1 when a source failed', async () => {
    const dir = await workspace();
    serveRss();
    server.set('/gone.xml', { status: 404, body: 'no', type: 'text/plain' });
    // With sources configured, the inbox folder is optional.
    await rm(path.join(dir, 'inbox'), { recursive: true });
    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify({
      fetch: { allowPrivateAddresses: true, perHostDelayMs: 0 },
      sources: [{ name: 'portal', url: `${server.base}/rss.xml` }, { name: 'gone', url: `${server.base}/gone.xml` }],
    }));
    const r = await runCli(['run'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^kliping run: 3 new, 0 updated, 0 unchanged, 1 failed; .* in \d+ ms\nsource portal: 3 new, 0 updated, 0 unchanged, 0 failed \(4 requests; ok\)\nsource gone: 0 new, 0 updated, 0 unchanged, 1 failed \(1 request; failed\)\n$/);
    expect(r.stderr).toContain(`error: gone: HTTP 404 Not Found`);
    const json = await runCli(['run', '--json'], { cwd: dir, now: () => FIXED_NOW + 2 * HOUR });
    const report = JSON.parse(json.stdout) as JobReport;
    expect(report.sources!.map((s) => [s.name, s.status, s.unchanged, s.failed])).toEqual([
      ['portal', 'not-modified', 1, 0],
      ['gone', 'failed', 0, 1],
    ]);
  });

  it('`kliping sources` lists each source with its last fetch, status, ETag, next attempt and article count', async () => {
    const dir = await workspace();
    serveRss('"etag-42"');
    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify({
      fetch: { allowPrivateAddresses: true, perHostDelayMs: 0 },
      sources: [{ name: 'portal', url: `${server.base}/rss.xml`, intervalMinutes: 30 }, { name: 'later', url: `${server.base}/later.xml` }],
    }));
    const before = await runCli(['sources'], { cwd: dir });
    expect(before.stdout).toContain('status: never fetched');
    await runCli(['run'], { cwd: dir });
    const r = await runCli(['sources'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`portal (feed) ${server.base}/rss.xml\n  last fetch:   2026-01-15T10:00:00+07:00  status: ok\n  etag:         "etag-42"  last-modified: Tue, 12 Mar 2024 03:00:00 GMT\n  next attempt: 2026-01-15T10:30:00+07:00  articles: 3  waiting items: 0\n`);
    expect(r.stdout).toMatch(/later \(auto\) .*\n  last fetch: .*status: failed \(HTTP 404 Not Found\)/);
    const json = JSON.parse((await runCli(['sources', '--json'], { cwd: dir })).stdout) as { name: string; articles: number }[];
    expect(json.map((s) => [s.name, s.articles])).toEqual([
      ['portal', 3],
      ['later', 0],
    ]);
  });

  it('`kliping fetch URL` prints the cleaned page like `kliping clean` and archives nothing', async () => {
    const dir = await workspace();
    server.set('/read/kompas', { body: portalPage('kompas-harga-cabai') });
    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify({ fetch: { allowPrivateAddresses: true } }));
    const fetched = await runCli(['fetch', `${server.base}/read/kompas`], { cwd: dir });
    const cleaned = await runCli(['clean', path.join(ROOT, 'tests/pages/kompas-harga-cabai/source.html')], { cwd: dir });
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toBe(cleaned.stdout);
    expect(fetched.stdout.length).toBeGreaterThan(200);
    expect(await records(dir)).toEqual([]);
    const refused = await runCli(['fetch', `${server.base}/read/kompas`], { cwd: await workspace() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/a loopback address/);
  });

  it('the config reports bad sources by key path', async () => {
    const { issues } = resolveConfig({
      sources: [{ name: 'a', url: 'ftp://x/feed' }, { name: 'a', url: 'http://x/', kind: 'rss', limit: 0, colour: 'red', rules: { add: [{ id: 'BAD' }] } }],
      fetch: { perHostConcurrency: 5, allowPrivateAddresses: 'yes' },
    });
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['sources[0].url', 'sources[1].name', 'sources[1].kind', 'sources[1].limit', 'sources[1].colour', 'sources[1].rules.add[0].id', 'fetch.perHostConcurrency', 'fetch.allowPrivateAddresses']),
    );
  });
});

describe('sources: a quiet tick stays cheap', () => {
  const MAIN = path.join(ROOT, 'dist/main.js');

  /** Run the built CLI (async: the fixture server lives in this process) and list the built-in modules it loaded. */
  async function run(dir: string): Promise<string[]> {
    const log = path.join(dir, 'builtins.log');
    await writeFile(path.join(dir, 'log.cjs'), `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(log)}, [...process.moduleLoadList, ...Object.keys(require.cache)].join('\\n')));\n`);
    await promisify(execFile)(process.execPath, ['--require', './log.cjs', MAIN, 'run'], { cwd: dir });
    return (await readFile(log, 'utf8')).split('\n');
  }

  it('a tick with no source due loads no HTTP code and sends no request; a due source sends the tick the long way', async () => {
    expect(existsSync(MAIN), 'dist/main.js is missing: run `npm run build` (npm test builds it)').toBe(true);
    const dir = await workspace();
    serveRss();
    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify({ fetch: { allowPrivateAddresses: true, perHostDelayMs: 0 }, sources: [{ name: 'portal', url: `${server.base}/rss.xml`, intervalMinutes: 60 }] }));
    const due = await run(dir);
    expect(due).toContain('NativeModule http');
    expect(server.count('/rss.xml')).toBe(1);
    expect((await records(dir)).length).toBe(3);
    const quiet = await run(dir);
    expect(server.requests.length).toBe(4);
    expect(quiet.filter((m) => /^NativeModule (?:http|https|_http_client|zlib|dns)$/.test(m))).toEqual([]);
    expect(quiet.filter((m) => /node_modules\/(?:cheerio|htmlparser2|iconv-lite)\//.test(m))).toEqual([]);
    expect(due.some((m) => m.includes('node_modules/cheerio/'))).toBe(true);
  });
});
