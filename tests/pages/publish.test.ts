import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/domain/types.js';
import type { ArchiveStore } from '../../src/archive/store.js';
import { publishPages, type PagesOptions } from '../../src/pipeline/pages.js';
import { record, seededArchive, SITE as FEED_SITE } from '../feeds/fixtures.js';
import { FIXED_NOW, runCli, workspaces } from '../support/cli.js';
import { SAMPLE } from '../support/paths.js';
import { htmlProblems } from './validator.js';

const NOW = Date.parse('2026-01-15T03:00:00Z');
const SITE = { title: 'Kliping', description: 'Arsip', language: 'id' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
const workspace = workspaces();

/** Twelve articles over four months of 2023. */
function manyRecords(): ArticleRecord[] {
  return Array.from({ length: 12 }, (_, i) =>
    record({ published: `2023-0${1 + Math.floor(i / 3)}-${10 + (i % 3)}T09:00:00+07:00`, title: `Berita ${i}`, slug: `berita-${i}` }),
  );
}

/** The store with its record reads counted. */
function counting(store: ArchiveStore): { store: ArchiveStore; reads: string[] } {
  const reads: string[] = [];
  const wrapped = Object.create(store) as ArchiveStore;
  wrapped.read = async (p: string) => {
    reads.push(p);
    return store.read(p);
  };
  return { store: wrapped, reads };
}

async function seeded(records: readonly ArticleRecord[]) {
  const ws = await seededArchive(records);
  cleanups.push(ws.cleanup);
  return { ...ws, pages: path.join(ws.dir, 'pages') };
}

function options(pagesDir: string, over: Partial<PagesOptions> = {}): PagesOptions {
  return { pagesDir, site: SITE, limit: 5, nowMs: NOW, ...over };
}

async function visibleFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const rel = path.relative(dir, path.join(e.parentPath, e.name));
    if (e.isFile() && !rel.split('/').some((s) => s.startsWith('.'))) out.push(rel);
  }
  return out.sort();
}

describe('publishPages()', () => {
  it('writes the index, the stylesheet, and a valid page per month, day and article', async () => {
    const records = manyRecords();
    const ws = await seeded(records);
    const r = await publishPages(ws.store, options(ws.pages));
    const files = await visibleFiles(ws.pages);
    expect(files).toContain('index.html');
    expect(files).toContain('style.css');
    for (const m of ['2023/01', '2023/02', '2023/03', '2023/04']) expect(files).toContain(`${m}/index.html`);
    for (const rec of records) {
      expect(files).toContain(`${rec.path}.html`);
      expect(files).toContain(`${rec.path.slice(0, 10)}/index.html`);
    }
    expect(files).toHaveLength(2 + 4 + 12 + 12);
    expect(r.written.sort()).toEqual(files);
    expect(r.rendered).toBe(12);
    for (const f of files.filter((n) => n.endsWith('.html'))) expect(await htmlProblems(await readFile(path.join(ws.pages, f), 'utf8')), f).toEqual([]);
    const index = await readFile(path.join(ws.pages, 'index.html'), 'utf8');
    expect(index).toContain('Berita 11');
    expect(index).not.toContain('Berita 6<'); // only the newest 5
  });

  it('a second publish of the same archive reads no record and writes nothing', async () => {
    const ws = await seeded(manyRecords());
    await publishPages(ws.store, options(ws.pages));
    const before = await stat(path.join(ws.pages, '2023/01/index.html'));
    const { store, reads } = counting(ws.store);
    const r = await publishPages(store, options(ws.pages));
    expect(r.written).toEqual([]);
    expect(r.rendered).toBe(0);
    // The index lists the newest articles from the month caches, not from the records.
    expect(reads).toEqual([]);
    const after = await stat(path.join(ws.pages, '2023/01/index.html'));
    expect([after.mtimeMs, after.ino]).toEqual([before.mtimeMs, before.ino]);
  });

  it('one new article reads and renders only that article, and rewrites only its page, day, month and the index', async () => {
    const ws = await seeded(manyRecords());
    await publishPages(ws.store, options(ws.pages));
    const added = record({ published: '2023-04-20T09:00:00+07:00', title: 'Baru <sekali>', slug: 'baru' });
    await ws.store.writeRecord(added);
    await ws.store.commit([added], []);
    const { store, reads } = counting(ws.store);
    const r = await publishPages(store, options(ws.pages));
    expect(reads).toEqual([added.path]);
    expect(r.rendered).toBe(1);
    expect(r.written.sort()).toEqual(['2023/04/20/baru.html', '2023/04/20/index.html', '2023/04/index.html', 'index.html']);
    expect(await readFile(path.join(ws.pages, 'index.html'), 'utf8')).toContain('Baru &lt;sekali&gt;');
  });

  it('an edited article gets its page rendered again; a new month relinks only the month before it', async () => {
    const records = manyRecords();
    const ws = await seeded(records);
    await publishPages(ws.store, options(ws.pages));
    const edited = { ...records[1]!, title: 'Judul baru', updated: '2023-01-12T10:00:00+07:00' };
    await ws.store.writeRecord(edited);
    await ws.store.commit([edited], []);
    let r = await publishPages(ws.store, options(ws.pages));
    expect(r.rendered).toBe(1);
    expect(r.written).toContain(`${edited.path}.html`);
    expect(await readFile(path.join(ws.pages, `${edited.path}.html`), 'utf8')).toContain('<h1>Judul baru</h1>');

    const may = record({ published: '2023-05-01T09:00:00+07:00', slug: 'mei' });
    await ws.store.writeRecord(may);
    await ws.store.commit([may], []);
    r = await publishPages(ws.store, options(ws.pages));
    expect(r.rendered).toBe(1);
    expect(r.written.sort()).toEqual(['2023/04/index.html', '2023/05/01/index.html', '2023/05/01/mei.html', '2023/05/index.html', 'index.html']);
    expect(await readFile(path.join(ws.pages, '2023/04/index.html'), 'utf8')).toContain('<a rel="next" href="../../2023/05/index.html">');
  });

  it('a deleted cache renders everything again with the same bytes; force renders all and writes nothing', async () => {
    const ws = await seeded(manyRecords());
    await publishPages(ws.store, options(ws.pages));
    await rm(path.join(ws.pages, '.kliping'), { recursive: true });
    let r = await publishPages(ws.store, options(ws.pages));
    expect(r.rendered).toBe(12);
    expect(r.written).toEqual([]);
    r = await publishPages(ws.store, options(ws.pages, { force: true }));
    expect(r.rendered).toBe(12);
    expect(r.written).toEqual([]);
  });

  it('an article dated in the future gets no page until its time comes', async () => {
    const future = record({ published: '2026-02-01T09:00:00+07:00', slug: 'nanti' });
    const ws = await seeded([...manyRecords(), future]);
    await publishPages(ws.store, options(ws.pages));
    expect(await visibleFiles(ws.pages)).not.toContain(`${future.path}.html`);
    const r = await publishPages(ws.store, options(ws.pages, { nowMs: Date.parse('2026-02-02T00:00:00Z') }));
    expect(r.written).toContain(`${future.path}.html`);
  });
});

describe('pages in kliping run', () => {
  it('ingest publishes the pages, an unchanged run writes none, and a deleted index is put back by the next run', async () => {
    const dir = await workspace();
    const first = await runCli(['ingest', SAMPLE], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/, 5 pages written in \d+ ms/);
    const slug = 'setelah-lima-jam-negosiasi-macron-memperingatkan-kedua-belah-pihak-perlu';
    const article = await readFile(path.join(dir, `pages/2022/02/08/${slug}.html`), 'utf8');
    expect(article).toContain('<code>id.related.baca</code>');
    expect(article).toContain('<summary>Removed by the cleaner: 4 lines</summary>');
    const quiet = await runCli(['run'], { cwd: dir });
    expect(quiet.stdout).toContain('feeds unchanged (1 feed item) in');
    expect(quiet.stdout).not.toContain('pages written');
    await rm(path.join(dir, 'pages/index.html'));
    const repair = await runCli(['run'], { cwd: dir, now: () => FIXED_NOW + 1000 });
    expect(repair.stdout).toContain('1 page written');
    expect((await stat(path.join(dir, 'pages/index.html'))).isFile()).toBe(true);
  });

  it('with pages.enabled false nothing is written to paths.pages', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify({ pages: { enabled: false } }));
    const r = await runCli(['ingest', SAMPLE], { cwd: dir });
    expect(r.code).toBe(0);
    await expect(stat(path.join(dir, 'pages'))).rejects.toThrow();
  });
});

describe('a publish that fails', () => {
  it('leaves no temp files among the pages or the feeds', async () => {
    const { FsArchiveStore } = await import('../../src/archive/fs-store.js');
    const { publish } = await import('../../src/pipeline/publish.js');
    const records = manyRecords();
    const ws = await seeded(records);
    // A record the index lists is gone; a store of its own (a store keeps what it has read).
    await rm(path.join(ws.archive, `${records[4]!.path}.json`));
    const store = new FsArchiveStore(ws.archive);
    await expect(publishPages(store, options(ws.pages))).rejects.toThrow(/record is missing/);
    await expect(publish(store, { feedsDir: ws.feeds, site: FEED_SITE, limit: 50, nowMs: NOW })).rejects.toThrow(/record is missing/);
    const temps = (await readdir(ws.dir, { recursive: true })).filter((f) => String(f).endsWith('.tmp'));
    expect(temps).toEqual([]);
  });

  it('a tick whose feeds fail after its pages were rendered puts none of them in place and leaves no temp files', async () => {
    const dir = await workspace();
    // The feeds folder is a file: the feeds fail after the pages were staged (they go first).
    await rm(path.join(dir, 'feeds'), { recursive: true });
    await writeFile(path.join(dir, 'feeds'), 'not a folder');
    const r = await runCli(['ingest', SAMPLE], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Cannot open ".*feeds\/archive\/[^"]*" \(ENOTDIR\): part of that path is a file, not a folder\. Move the file away, or point the paths in the config elsewhere; nothing is lost/);
    const pages = await readdir(path.join(dir, 'pages'), { recursive: true }).catch(() => [] as string[]);
    expect(pages.filter((f) => String(f).endsWith('.html') || String(f).endsWith('.tmp'))).toEqual([]);
    // Fixed, the next run publishes both.
    await rm(path.join(dir, 'feeds'));
    const again = await runCli(['run'], { cwd: dir, now: () => FIXED_NOW + 1000 });
    expect(again.code).toBe(0);
    expect((await stat(path.join(dir, 'pages/index.html'))).isFile()).toBe(true);
  });
});
