/**
 * Publishing as users see it: identity, determinism, archive feeds (RFC 5005), atomic publish
 * and WebSub, through publish() and through the CLI.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, readdir, stat, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/domain/types.js';
import type { ArchiveStore } from '../../src/archive/store.js';
import { FsArchiveStore } from '../../src/archive/fs-store.js';
import { publish, type PublishOptions } from '../../src/pipeline/publish.js';
import { runCli, tempWorkspace, FIXED_NOW } from '../support/cli.js';
import { feedparser, requireTool } from '../support/consumers.js';
import { record, seededArchive, SITE } from './fixtures.js';

const NOW = Date.parse('2026-01-15T03:00:00Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function seeded(records: readonly ArticleRecord[]): ReturnType<typeof seededArchive> {
  const ws = await seededArchive(records);
  cleanups.push(ws.cleanup);
  return ws;
}

async function workspace(): Promise<string> {
  const ws = await tempWorkspace();
  cleanups.push(ws.cleanup);
  return ws.dir;
}

function options(feedsDir: string, over: Partial<PublishOptions> = {}): PublishOptions {
  return { feedsDir, site: SITE, limit: 3, nowMs: NOW, ...over };
}

/** Every published file (hidden ones too) and its bytes. */
async function snapshot(dir: string): Promise<Map<string, { bytes: string; mtimeMs: number; ino: number }>> {
  const out = new Map<string, { bytes: string; mtimeMs: number; ino: number }>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const f = path.join(e.parentPath, e.name);
    const s = await stat(f);
    out.set(path.relative(dir, f), { bytes: await readFile(f, 'utf8'), mtimeMs: s.mtimeMs, ino: s.ino });
  }
  return out;
}

function bytesOf(snap: Map<string, { bytes: string }>): Record<string, string> {
  return Object.fromEntries([...snap].filter(([n]) => !n.startsWith('archive/.')).map(([n, v]) => [n, v.bytes]));
}

/** Twelve articles over four months, with a tie on the published time. */
function manyRecords(): ArticleRecord[] {
  const out: ArticleRecord[] = [];
  for (let i = 0; i < 12; i++) {
    const month = String(1 + Math.floor(i / 3)).padStart(2, '0');
    out.push(record({ published: `2023-${month}-${String(10 + (i % 3)).padStart(2, '0')}T09:00:00+07:00`, title: `Berita ${i}` }));
  }
  out.push(record({ published: out[5]!.published, title: 'Seri waktu' }));
  return out;
}

/** A tiny RFC 4287 link reader: rel -> href of the feed-level links. */
function atomLinks(doc: string): Record<string, string> {
  const head = doc.split('<entry')[0]!;
  return Object.fromEntries([...head.matchAll(/<link rel="([^"]+)"[^>]* href="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!]));
}

function atomIds(doc: string): string[] {
  return [...doc.matchAll(/<entry[^>]*>\n<id>([^<]+)<\/id>/g)].map((m) => m[1]!);
}

describe('publish()', () => {
  it('gives the same bytes whatever the clock says (two clocks)', async () => {
    const records = manyRecords();
    const a = await seeded(records);
    const b = await seeded(records);
    await publish(a.store, options(a.feeds, { nowMs: NOW }));
    await publish(b.store, options(b.feeds, { nowMs: NOW + 900 * 86_400_000 }));
    expect(bytesOf(await snapshot(b.feeds))).toEqual(bytesOf(await snapshot(a.feeds)));
  });

  it('gives the same bytes whatever order the articles were archived in (shuffled input order)', async () => {
    const records = manyRecords();
    const shuffled = [...records].reverse();
    [shuffled[0], shuffled[5]] = [shuffled[5]!, shuffled[0]!];
    const a = await seeded(records);
    const b = await seeded(shuffled);
    await publish(a.store, options(a.feeds));
    await publish(b.store, options(b.feeds));
    const snapA = bytesOf(await snapshot(a.feeds));
    expect(bytesOf(await snapshot(b.feeds))).toEqual(snapA);
    // Newest first, ties broken by id.
    const ids = atomIds(snapA['archive/2023-02.atom.xml']!);
    const tied = [records[5]!.id, records[12]!.id].sort();
    expect(ids.slice(0, 2)).toEqual(tied);
  });

  it('a repeated run rewrites nothing: same bytes, mtime and inode for every file', async () => {
    const ws = await seeded(manyRecords());
    const first = await publish(ws.store, options(ws.feeds));
    expect(first.written).toHaveLength(3 * 4 + 3);
    const before = await snapshot(ws.feeds);
    const second = await publish(ws.store, options(ws.feeds, { nowMs: NOW + 3_600_000 }));
    expect(second.written).toEqual([]);
    expect(await snapshot(ws.feeds)).toEqual(before);
    const forced = await publish(ws.store, options(ws.feeds, { force: true }));
    expect(forced.written).toEqual([]);
    expect(await snapshot(ws.feeds)).toEqual(before);
  });

  it('a future-dated article stays out of every document until it is due', async () => {
    const records = manyRecords();
    const future = record({ published: '2026-03-01T08:00:00+07:00', title: 'Dari masa depan' });
    const ws = await seeded([...records, future]);
    await publish(ws.store, options(ws.feeds));
    let snap = bytesOf(await snapshot(ws.feeds));
    expect(Object.keys(snap).some((n) => n.includes('2026-03'))).toBe(false);
    expect(Object.values(snap).some((t) => t.includes(future.id))).toBe(false);
    const due = await publish(ws.store, options(ws.feeds, { nowMs: Date.parse(future.published) }));
    expect(due.written).toContain('archive/2026-03.atom.xml');
    snap = bytesOf(await snapshot(ws.feeds));
    expect(atomIds(snap['atom.xml']!)[0]).toBe(future.id);
    expect(atomLinks(snap['atom.xml']!)['prev-archive']).toBe('https://example.org/kliping/feeds/archive/2026-03.atom.xml');
  });

  it('the archive chain walked from the subscription feed visits every article exactly once', async () => {
    const records = manyRecords();
    const ws = await seeded(records);
    await publish(ws.store, options(ws.feeds));
    const base = 'https://example.org/kliping/feeds/';
    const local = (url: string): string => path.join(ws.feeds, url.slice(base.length));
    for (const fmt of ['atom', 'rss', 'json'] as const) {
      const sub = await readFile(path.join(ws.feeds, { atom: 'atom.xml', rss: 'rss.xml', json: 'feed.json' }[fmt]), 'utf8');
      let next = fmt === 'json' ? (JSON.parse(sub) as { next_url?: string }).next_url : prevOf(sub, fmt);
      const seen: string[] = [];
      const visited = new Set<string>();
      while (next) {
        expect(visited.has(next), `${fmt}: ${next} visited twice`).toBe(false);
        visited.add(next);
        const doc = await readFile(local(next), 'utf8');
        if (fmt === 'json') {
          const j = JSON.parse(doc) as { next_url?: string; feed_url: string; items: { id: string }[] };
          expect(j.feed_url).toBe(`${base}feed.json`);
          seen.push(...j.items.map((i) => i.id));
          next = j.next_url;
        } else {
          expect(doc).toContain('<fh:archive/>');
          seen.push(...(fmt === 'atom' ? atomIds(doc) : [...doc.matchAll(/<guid isPermaLink="false">([^<]+)<\/guid>/g)].map((m) => m[1]!)));
          next = prevOf(doc, fmt);
        }
      }
      expect(visited.size, fmt).toBe(4);
      expect([...seen].sort(), fmt).toEqual(records.map((r) => r.id).sort());
    }
  });

  it('archive documents link current, prev-archive and next-archive, and the subscription feed links the newest archive', async () => {
    const ws = await seeded(manyRecords());
    await publish(ws.store, options(ws.feeds));
    const feeds = 'https://example.org/kliping/feeds/';
    const read = (n: string): Promise<string> => readFile(path.join(ws.feeds, n), 'utf8');
    expect(atomLinks(await read('atom.xml'))).toEqual({
      self: `${feeds}atom.xml`,
      alternate: 'https://example.org/kliping/',
      'prev-archive': `${feeds}archive/2023-04.atom.xml`,
    });
    expect(atomLinks(await read('archive/2023-02.atom.xml'))).toEqual({
      self: `${feeds}archive/2023-02.atom.xml`,
      alternate: 'https://example.org/kliping/',
      current: `${feeds}atom.xml`,
      'prev-archive': `${feeds}archive/2023-01.atom.xml`,
      'next-archive': `${feeds}archive/2023-03.atom.xml`,
    });
    expect(await read('archive/2023-01.rss.xml')).toContain(`<atom:link href="${feeds}rss.xml" rel="current" type="application/rss+xml"/>`);
    expect(await read('archive/2023-01.rss.xml')).not.toContain('rel="prev-archive"');
    expect(atomIds(await read('atom.xml'))).toHaveLength(3);
    if (requireTool('feedparser')) {
      const parsed = feedparser(path.join(ws.feeds, 'archive/2023-02.rss.xml'));
      expect(parsed.bozo, parsed.bozo_exception ?? '').toBe(0);
      expect(parsed.feedLinks).toContainEqual(['prev-archive', `${feeds}archive/2023-01.rss.xml`]);
    }
  });

  it('a finished month\'s archive documents are not rewritten when later articles arrive', async () => {
    const records = manyRecords();
    const ws = await seeded(records);
    await publish(ws.store, options(ws.feeds));
    const before = await snapshot(ws.feeds);
    const late = record({ published: '2023-04-20T09:00:00+07:00', title: 'Terlambat' });
    await ws.store.writeRecord(late);
    await ws.store.commit([late], []);
    const r = await publish(ws.store, options(ws.feeds));
    expect(r.written.sort()).toEqual(['archive/2023-04.atom.xml', 'archive/2023-04.json', 'archive/2023-04.rss.xml', 'atom.xml', 'feed.json', 'rss.xml']);
    const after = await snapshot(ws.feeds);
    for (const m of ['2023-01', '2023-02', '2023-03']) {
      for (const ext of ['rss.xml', 'atom.xml', 'json']) expect(after.get(`archive/${m}.${ext}`)).toEqual(before.get(`archive/${m}.${ext}`));
    }
  });

  it('reads the records of an unchanged month only when forced', async () => {
    const ws = await seeded(manyRecords());
    await publish(ws.store, options(ws.feeds));
    const reads: string[] = [];
    const counting: ArchiveStore = Object.assign(Object.create(ws.store) as ArchiveStore, {
      read: (p: string) => {
        reads.push(p);
        return ws.store.read(p);
      },
    });
    await publish(counting, options(ws.feeds));
    expect(reads).toHaveLength(3); // the subscription feed's three items
    reads.length = 0;
    await publish(counting, options(ws.feeds, { force: true }));
    expect(reads).toHaveLength(13 + 3);
  });

  it('if reading the archive fails, the published files stay as they were', async () => {
    const records = manyRecords();
    const ws = await seeded(records);
    await publish(ws.store, options(ws.feeds));
    const before = await snapshot(ws.feeds);
    const newest = records[11]!;
    const edited = { ...newest, title: 'Diubah', updated: '2023-04-30T00:00:00+07:00' };
    await ws.store.writeRecord(edited);
    await ws.store.commit([edited], []);
    await writeFile(path.join(ws.archive, `${records[0]!.path}.json`), '{ not json');
    // A later tick: a store of its own (a store keeps the records it has read).
    await expect(publish(new FsArchiveStore(ws.archive), options(ws.feeds, { force: true }))).rejects.toThrow(/is not valid JSON/);
    await rm(path.join(ws.archive, `${newest.path}.json`));
    await expect(publish(new FsArchiveStore(ws.archive), options(ws.feeds))).rejects.toThrow(/record is missing/);
    expect(await snapshot(ws.feeds)).toEqual(before);
  });

  it('removes temp files a killed run left in the feeds folders', async () => {
    const ws = await seeded(manyRecords());
    await publish(ws.store, options(ws.feeds));
    await writeFile(path.join(ws.feeds, '.rss.xml.99999.0badc0de.tmp'), 'half');
    await writeFile(path.join(ws.feeds, 'archive', '.2023-01.json.99999.0badc0de.tmp'), 'half');
    await publish(ws.store, options(ws.feeds));
    expect((await readdir(ws.feeds)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await readdir(path.join(ws.feeds, 'archive'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('with archives off, publishes only the subscription feeds and links no archive', async () => {
    const ws = await seeded(manyRecords());
    const r = await publish(ws.store, options(ws.feeds, { archives: false }));
    expect(r.written).toEqual(['rss.xml', 'atom.xml', 'feed.json']);
    const snap = bytesOf(await snapshot(ws.feeds));
    expect(Object.keys(snap).sort()).toEqual(['atom.xml', 'feed.json', 'feed.xsl', 'rss.xml']);
    for (const text of Object.values(snap)) expect(text).not.toMatch(/prev-archive|next_url/);
  });
});

function prevOf(doc: string, fmt: 'atom' | 'rss'): string | undefined {
  const re = fmt === 'atom' ? /<link rel="prev-archive" type="[^"]+" href="([^"]+)"\/>/ : /<atom:link href="([^"]+)" rel="prev-archive"/;
  return re.exec(doc)?.[1];
}

/** A WebSub hub on 127.0.0.1 that records the pings and answers with `status`. */
async function hub(status: number): Promise<{ url: string; pings: string[]; close: () => Promise<void> }> {
  const pings: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      pings.push(`${req.method} ${req.headers['content-type']} ${body}`);
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hub`, pings, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('WebSub', () => {
  it('announces the hub and pings it once per changed feed after publishing, and not when nothing changed', async () => {
    const h = await hub(204);
    cleanups.push(h.close);
    const ws = await seeded(manyRecords());
    const r = await publish(ws.store, options(ws.feeds, { hub: h.url }));
    expect(r.warnings).toEqual([]);
    const enc = (u: string): string => encodeURIComponent(u);
    expect(h.pings).toEqual(
      ['rss.xml', 'atom.xml', 'feed.json'].map(
        (n) => `POST application/x-www-form-urlencoded hub.mode=publish&hub.url=${enc(`https://example.org/kliping/feeds/${n}`)}`,
      ),
    );
    expect(await readFile(path.join(ws.feeds, 'atom.xml'), 'utf8')).toContain(`<link rel="hub" href="${h.url}"/>`);
    expect(await readFile(path.join(ws.feeds, 'rss.xml'), 'utf8')).toContain(`<atom:link href="${h.url}" rel="hub"/>`);
    expect(JSON.parse(await readFile(path.join(ws.feeds, 'feed.json'), 'utf8')).hubs).toEqual([{ type: 'WebSub', url: h.url }]);
    await publish(ws.store, options(ws.feeds, { hub: h.url }));
    expect(h.pings).toHaveLength(3);
  });

  it('a hub that fails or cannot be reached never fails the run: kliping reports it and the feeds are published', async () => {
    const h = await hub(500);
    cleanups.push(h.close);
    const dir = await workspace();
    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify({ feeds: { websub: { hub: h.url } } }));
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: Satu\ndate: 2025-06-01T08:00:00+07:00\n---\nIsi berita pertama yang cukup panjang.\n');
    const r = await runCli(['ingest', 'a.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rss.xml, atom.xml, feed.json written');
    expect(r.stderr).toMatch(/^warning: WebSub hub "http:\/\/127\.0\.0\.1:\d+\/hub" did not take the ping for .*feeds\/rss\.xml \(HTTP 500\)/m);
    expect(h.pings).toHaveLength(3);

    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify({ feeds: { websub: { hub: 'http://127.0.0.1:9/hub' } } }));
    await writeFile(path.join(dir, 'b.md'), '---\ntitle: Dua\ndate: 2025-06-02T08:00:00+07:00\n---\nIsi berita kedua yang cukup panjang.\n');
    const r2 = await runCli(['ingest', 'b.md'], { cwd: dir });
    expect(r2.code).toBe(0);
    expect(r2.stderr).toContain('warning: WebSub hub "http://127.0.0.1:9/hub" did not take the ping');
  });

  it('uses the injected fetch, and a fetch that throws only gives a warning per changed feed', async () => {
    const ws = await seeded(manyRecords());
    const calls: string[] = [];
    const r = await publish(
      ws.store,
      options(ws.feeds, {
        hub: 'https://hub.example.org/',
        fetch: async (url, init) => {
          calls.push(`${init.method} ${url} ${init.body}`);
          throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
        },
      }),
    );
    expect(calls).toHaveLength(3);
    expect(calls[0]).toBe(`POST https://hub.example.org/ hub.mode=publish&hub.url=${encodeURIComponent('https://example.org/kliping/feeds/rss.xml')}`);
    expect(r.written).toContain('feed.json');
    expect(r.pings.map((p) => p.ok)).toEqual([false, false, false]);
    expect(r.warnings[0]).toBe(
      'WebSub hub "https://hub.example.org/" did not take the ping for https://example.org/kliping/feeds/rss.xml (fetch failed (connect ECONNREFUSED)); the feed is published and subscribers get it on their next poll. Check feeds.websub.hub if this repeats',
    );
  });

  it('feeds.websub.hub must be an absolute http(s) URL', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify({ feeds: { archives: 'yes', websub: { hub: 'hub.example' } } }));
    const r = await runCli(['build'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('feeds.archives: must be true or false');
    expect(r.stderr).toContain('feeds.websub.hub: must be null or an absolute http(s) URL');
  });
});

describe('kliping ingest', () => {
  it('an edited article (same url, changed text) keeps its id everywhere, gets an updated time and keeps its published time', async () => {
    const dir = await workspace();
    const v1 = '---\ntitle: Harga cabai naik\nurl: https://news.example.com/cabai\ndate: 2025-06-01T08:00:00+07:00\n---\nHarga cabai naik tajam di pasar induk pagi ini.\n';
    await writeFile(path.join(dir, 'v1.md'), v1);
    expect((await runCli(['ingest', 'v1.md'], { cwd: dir })).code).toBe(0);
    const read = (n: string): Promise<string> => readFile(path.join(dir, 'feeds', n), 'utf8');
    const json1 = JSON.parse(await read('feed.json')) as { items: { id: string; date_published: string; date_modified?: string }[] };
    const id = json1.items[0]!.id;
    expect(json1.items[0]!.date_modified).toBeUndefined();

    await writeFile(path.join(dir, 'v2.md'), v1.replace('Harga cabai naik tajam', 'Harga cabai turun tajam').replace('naik\nurl', 'turun\nurl'));
    const later = FIXED_NOW + 86_400_000;
    const r = await runCli(['ingest', 'v2.md'], { cwd: dir, now: () => later });
    expect(r.stdout).toContain('0 new, 1 updated');
    const json2 = JSON.parse(await read('feed.json')) as { items: { id: string; title: string; date_published: string; date_modified?: string }[] };
    expect(json2.items).toHaveLength(1);
    expect(json2.items[0]).toMatchObject({ id, title: 'Harga cabai turun', date_published: '2025-06-01T08:00:00+07:00', date_modified: '2026-01-16T10:00:00+07:00' });
    const atom = await read('atom.xml');
    expect(atomIds(atom)).toEqual([id]);
    expect(atom).toContain('<published>2025-06-01T08:00:00+07:00</published>\n<updated>2026-01-16T10:00:00+07:00</updated>');
    expect(await read('rss.xml')).toContain(`<guid isPermaLink="false">${id}</guid>\n<pubDate>Sun, 01 Jun 2025 08:00:00 +0700</pubDate>`);
    const archived = await read('archive/2025-06.atom.xml');
    expect(atomIds(archived)).toEqual([id]);
    expect(archived).toContain('Harga cabai turun');
    if (requireTool('feedparser')) {
      for (const f of ['rss.xml', 'atom.xml', 'archive/2025-06.rss.xml']) {
        const p = feedparser(path.join(dir, 'feeds', f));
        expect(p.bozo, p.bozo_exception ?? '').toBe(0);
        expect(p.ids).toEqual([id]);
      }
    }
  });
});

describe('a busy month', () => {
  function busyMonth(n: number): ArticleRecord[] {
    return Array.from({ length: n }, (_, i) =>
      record({ published: `2024-05-${String(1 + Math.floor(i / 20)).padStart(2, '0')}T${String(i % 20).padStart(2, '0')}:00:00+07:00` }),
    );
  }

  it('is split into archive pages of 200, oldest first, chained so that every article is reached once', async () => {
    const records = [record({ published: '2024-04-30T10:00:00+07:00' }), ...busyMonth(450)];
    const ws = await seeded(records);
    await publish(ws.store, options(ws.feeds));
    const names = (await readdir(path.join(ws.feeds, 'archive'))).filter((n) => n.endsWith('.atom.xml')).sort();
    expect(names).toEqual(['2024-04.atom.xml', '2024-05-2.atom.xml', '2024-05-3.atom.xml', '2024-05.atom.xml']);
    const base = 'https://example.org/kliping/feeds/';
    let next = prevOf(await readFile(path.join(ws.feeds, 'atom.xml'), 'utf8'), 'atom');
    const seen: string[] = [];
    const order: string[] = [];
    while (next) {
      order.push(next.slice(base.length));
      const doc = await readFile(path.join(ws.feeds, next.slice(base.length)), 'utf8');
      seen.push(...atomIds(doc));
      next = prevOf(doc, 'atom');
    }
    expect(order).toEqual(['archive/2024-05-3.atom.xml', 'archive/2024-05-2.atom.xml', 'archive/2024-05.atom.xml', 'archive/2024-04.atom.xml']);
    expect(atomIds(await readFile(path.join(ws.feeds, 'archive/2024-05-3.atom.xml'), 'utf8'))).toHaveLength(50);
    expect(seen.sort()).toEqual(records.map((r) => r.id).sort());
  });

  it('a new article rewrites only the newest page and the subscription feeds', async () => {
    const ws = await seeded(busyMonth(450));
    await publish(ws.store, options(ws.feeds));
    const late = record({ published: '2024-05-31T12:00:00+07:00' });
    await ws.store.writeRecord(late);
    await ws.store.commit([late], []);
    const r = await publish(ws.store, options(ws.feeds));
    expect(r.written.sort()).toEqual(['archive/2024-05-3.atom.xml', 'archive/2024-05-3.json', 'archive/2024-05-3.rss.xml', 'atom.xml', 'feed.json', 'rss.xml']);
  });
});
