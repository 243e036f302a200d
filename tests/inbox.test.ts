/** Inbox safety and run reports on the built CLI: half-written files, the bad-input corpus, --quiet/--json. */
import { copyFile, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { listInbox, removeTaken, type InboxFile } from '../src/sources/inbox.js';
import { WriteThread } from '../src/io/write-thread.js';
import { tempWorkspace } from './support/cli.js';
import { articleText, writeArticles } from './support/articles.js';
import { kliping } from './support/spawn.js';
import { ROOT } from './support/paths.js';

const CORPUS = path.join(ROOT, 'tests/fixtures/bad-inputs');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function workspace(config: object = {}): Promise<string> {
  const { dir, cleanup } = await tempWorkspace('kliping-inbox-');
  cleanups.push(cleanup);
  await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify(config));
  return dir;
}
async function age(file: string, seconds = 3600): Promise<void> {
  const t = new Date(Date.now() - seconds * 1000);
  await utimes(file, t, t);
}

describe('inbox safety', () => {
  it('a file still being written (recent mtime, .part, hidden) is left alone, and taken once it is finished', async () => {
    const dir = await workspace({ inbox: { settleSeconds: 30 } });
    const inbox = path.join(dir, 'inbox');
    await writeFile(path.join(inbox, 'fresh.md'), articleText(1).slice(0, 120));
    await writeFile(path.join(inbox, 'copying.md.part'), articleText(2));
    await writeFile(path.join(inbox, '.hidden.md'), articleText(3));
    await age(path.join(inbox, 'copying.md.part'));
    await age(path.join(inbox, '.hidden.md'));
    const first = kliping(['run', '--verbose'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('skipped   fresh.md (modified less than 30s ago (may still be being written))');
    expect(first.stdout).toContain('skipped   copying.md.part (temporary file)');
    expect(first.stdout).toContain('0 new, 0 updated, 0 unchanged, 0 failed');
    expect((await readdir(inbox)).sort()).toEqual(['.hidden.md', 'copying.md.part', 'fresh.md']);

    // The writer finishes: the rest of the file, then quiet for longer than settleSeconds.
    await writeFile(path.join(inbox, 'fresh.md'), articleText(1));
    await age(path.join(inbox, 'fresh.md'));
    await rename(path.join(inbox, 'copying.md.part'), path.join(inbox, 'copying.md'));
    const second = kliping(['run', '--verbose'], dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('2 new, 0 updated, 0 unchanged, 0 failed');
    expect(await readdir(inbox)).toEqual(['.hidden.md']);
    const feed = JSON.parse(await readFile(path.join(dir, 'feeds/feed.json'), 'utf8'));
    // The whole article was archived, not the first 120 bytes seen by the first run.
    expect(feed.items.map((i: { content_text?: string; content_html?: string }) => i.content_text ?? i.content_html).join(' ')).toContain('Paragraf 4 artikel 1');
  });

  it('the bad-input corpus: each file goes to inbox/failed with a note saying why and what to do, the rest is archived, exit 1', async () => {
    const dir = await workspace({ inbox: { maxBytes: 4000 } });
    const inbox = path.join(dir, 'inbox');
    const expected = JSON.parse(await readFile(path.join(CORPUS, 'expected.json'), 'utf8')) as Record<string, string>;
    delete expected.$comment;
    for (const name of Object.keys(expected)) {
      await copyFile(path.join(CORPUS, name), path.join(inbox, name));
      await age(path.join(inbox, name));
    }
    await writeArticles(inbox, 0, 2);
    const r = kliping(['run'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`2 new, 0 updated, 0 unchanged, ${Object.keys(expected).length} failed`);
    expect(await readdir(inbox)).toEqual(['failed']);
    const failed = await readdir(path.join(inbox, 'failed'));
    for (const [name, phrase] of Object.entries(expected)) {
      expect(r.stderr, name).toContain(`error: "${name}": `);
      expect(r.stderr).toContain(`moved to ${path.join(inbox, 'failed', name)}`);
      expect(failed).toContain(name);
      // The input itself is kept byte for byte.
      expect(await readFile(path.join(inbox, 'failed', name))).toEqual(await readFile(path.join(CORPUS, name)));
      const note = await readFile(path.join(inbox, 'failed', `${name}.error.txt`), 'utf8');
      expect(note, name).toContain(phrase);
      expect(note).toContain('move it back into the inbox');
    }
    expect(failed).toHaveLength(2 * Object.keys(expected).length);
    // A second copy of a failed name does not overwrite the first.
    await copyFile(path.join(CORPUS, 'empty.txt'), path.join(inbox, 'empty.txt'));
    await age(path.join(inbox, 'empty.txt'));
    expect(kliping(['run'], dir).code).toBe(1);
    expect(await readdir(path.join(inbox, 'failed'))).toContain('2-empty.txt');
    expect(kliping(['verify'], dir).code).toBe(0);
  });

  it('a record a killed run left unindexed is found by its path, not archived twice; another article with its title and day gets a path of its own', async () => {
    const dir = await workspace();
    const inbox = path.join(dir, 'inbox');
    const text = articleText(0);
    await writeFile(path.join(inbox, 'a-0.md'), text);
    await age(path.join(inbox, 'a-0.md'));
    expect(kliping(['run'], dir).stdout).toContain('1 new, 0 updated');
    // As if that run had been killed before its commit: record and raw file, in no index.
    await rm(path.join(dir, 'archive', '.kliping'), { recursive: true });
    await rm(path.join(dir, 'archive', '2025', '03', 'index.json'));
    await writeFile(path.join(inbox, 'a-0.md'), text);
    // The same title and date, another text and no URL: a different article.
    await writeFile(path.join(inbox, 'twin.md'), text.replace(/^url: .*\n/m, '').replace('Paragraf 1 artikel 0', 'Paragraf pertama artikel nol'));
    await age(path.join(inbox, 'a-0.md'));
    await age(path.join(inbox, 'twin.md'));
    const r = kliping(['run'], dir);
    expect(r.stdout).toContain('2 new, 0 updated, 0 unchanged, 0 failed');
    const records = (await readdir(path.join(dir, 'archive', '2025', '03', '01'))).filter((n) => n.endsWith('.json'));
    expect(records).toHaveLength(2);
    expect(records.filter((n) => n.endsWith('-2.json'))).toHaveLength(1);
    expect(kliping(['verify'], dir).code).toBe(0);
  });

  it('a folder in the inbox is reported and left alone', async () => {
    const dir = await workspace();
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'inbox', 'batch-2'));
    const r = kliping(['run', '--verbose'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('skipped   batch-2 (a folder');
  });
});

describe('run reports', () => {
  it('--quiet prints nothing when all went well and the summary when an input failed', async () => {
    const dir = await workspace();
    await writeArticles(path.join(dir, 'inbox'), 0, 1);
    const ok = kliping(['run', '--quiet'], dir);
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, '', '']);
    await writeFile(path.join(dir, 'inbox', 'empty.txt'), '');
    await age(path.join(dir, 'inbox', 'empty.txt'));
    const bad = kliping(['run', '--quiet'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^kliping run: 0 new, 0 updated, 0 unchanged, 1 failed; .* in \d+ ms\n$/);
    expect(bad.stderr).toContain('"empty.txt": the file is empty');
  });

  it('--json gives the counts, each input and the duration', async () => {
    const dir = await workspace();
    await writeArticles(path.join(dir, 'inbox'), 0, 2);
    const r = kliping(['run', '--json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ new: 2, updated: 0, unchanged: 0, failed: 0, feedItems: 2, recovered: null });
    expect(report.items.map((i: { outcome: string }) => i.outcome)).toEqual(['new', 'new']);
    expect(typeof report.durationMs).toBe('number');
  });
});

describe('inbox listing', () => {
  it('lists every ready file oldest name first; with firstReady it stops at the first, after the names it skipped', async () => {
    const dir = await workspace();
    const inbox = path.join(dir, 'inbox');
    for (const name of ['c.txt', 'a.part', 'b.txt', 'd.txt']) {
      await writeFile(path.join(inbox, name), articleText(1));
      await age(path.join(inbox, name));
    }
    const now = Date.now();
    const all = await listInbox(inbox, now, 30);
    expect(all.ready.map((f) => f.name)).toEqual(['b.txt', 'c.txt', 'd.txt']);
    expect(all.skipped).toEqual([{ name: 'a.part', why: 'temporary file' }]);
    const first = await listInbox(inbox, now, 30, { firstReady: true });
    expect(first.ready.map((f) => f.name)).toEqual(['b.txt']);
    expect(first.skipped).toEqual([{ name: 'a.part', why: 'temporary file' }]);
    // Nothing ready: the whole folder is looked at, and everything skipped is reported.
    await writeFile(path.join(inbox, 'b.txt'), articleText(2));
    await rm(path.join(inbox, 'c.txt'));
    await rm(path.join(inbox, 'd.txt'));
    const none = await listInbox(inbox, Date.now(), 30, { firstReady: true });
    expect(none.ready).toEqual([]);
    expect(none.skipped.map((s) => s.name)).toEqual(['a.part', 'b.txt']);
  });
});

describe('inbox batches', () => {
  const generation = async (dir: string): Promise<number> => JSON.parse(await readFile(path.join(dir, 'archive/.kliping/state.json'), 'utf8')).generation;

  it('an article and two edits of its URL in one run become one record: the last text, every raw original kept', async () => {
    const { resolveConfig } = await import('../src/config/schema.js');
    const { runJob } = await import('../src/pipeline/run.js');
    const { config } = resolveConfig({});
    // 40 other articles first: past THREAD_AFTER staged files, so the write threads take part.
    const dir = await workspace();
    const inbox = path.join(dir, 'inbox');
    await writeArticles(inbox, 1, 41);
    for (const v of [1, 2, 3]) {
      await writeFile(path.join(inbox, `z-edit-${v}.md`), articleText(99, v));
      await age(path.join(inbox, `z-edit-${v}.md`));
    }
    const report = await runJob({ config, cwd: dir, now: () => Date.now() });
    expect([report.new, report.updated, report.failed]).toEqual([41, 2, 0]);
    const item = report.items.find((i) => i.input === 'z-edit-3.md')!;
    const record = JSON.parse(await readFile(path.join(dir, 'archive', `${item.path}.json`), 'utf8'));
    expect(record.paragraphs[0]).toContain('ditulis ulang 3 kali');
    expect(record.previous).toHaveLength(2);
    const folder = path.join(dir, 'archive', path.dirname(item.path!));
    const raws = (await readdir(folder)).filter((n) => n.startsWith(`${record.slug}.`) && n.includes('.raw.')).sort();
    expect(raws).toHaveLength(3);
    const texts = await Promise.all(raws.map((n) => readFile(path.join(folder, n), 'utf8')));
    expect(texts.sort()).toEqual([1, 2, 3].map((v) => articleText(99, v)).sort());
    // The edits are one article: one id in the feed, with the last text.
    const feed = JSON.parse(await readFile(path.join(dir, 'feeds/feed.json'), 'utf8'));
    expect(feed.items.filter((i: { id: string }) => i.id === record.id)).toHaveLength(1);
    expect((await readdir(folder)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a large inbox is archived in batches (by count, or by bytes), each committed on its own, and all of it leaves the inbox', async () => {
    const { resolveConfig } = await import('../src/config/schema.js');
    const { runJob } = await import('../src/pipeline/run.js');
    const { config } = resolveConfig({});
    for (const [batch, commits] of [[{ size: 3 }, 3], [{ bytes: 1 }, 7], [{}, 1]] as const) {
      const dir = await workspace();
      await writeArticles(path.join(dir, 'inbox'), 1, 8);
      const report = await runJob({ config, cwd: dir, now: () => Date.now(), batch });
      expect(report.new, JSON.stringify(batch)).toBe(7);
      expect(await readdir(path.join(dir, 'inbox'))).toEqual([]);
      // Each commit bumps the archive's generation once.
      expect(await generation(dir), JSON.stringify(batch)).toBe(commits);
      const feed = JSON.parse(await readFile(path.join(dir, 'feeds/feed.json'), 'utf8'));
      expect(feed.items).toHaveLength(7);
    }
  });
});

describe('removing archived inputs', () => {
  const inbox = async (n: number): Promise<{ dir: string; files: InboxFile[]; cleanup(): Promise<void> }> => {
    const ws = await tempWorkspace('kliping-remove-');
    const dir = path.join(ws.dir, 'inbox');
    const files: InboxFile[] = [];
    for (let i = 0; i < n; i++) {
      const name = `a${i}.txt`;
      await writeFile(path.join(dir, name), 'x');
      files.push({ name, path: path.join(dir, name), size: 1, mtimeMs: 0 });
    }
    return { dir, files, cleanup: ws.cleanup };
  };

  it('a big batch is removed by the write threads', async () => {
    const { dir, files, cleanup } = await inbox(70);
    try {
      await writeFile(path.join(dir, 'new.txt'), 'not taken');
      // Threads that count what they were asked to remove: all of it, split between them.
      const asked: string[][] = [];
      class Counting extends WriteThread {
        override async remove(list: readonly string[]): Promise<void> {
          asked.push([...list]);
          return super.remove(list);
        }
      }
      await removeTaken(dir, files, [new Counting(Worker), new Counting(Worker)]);
      expect(asked.map((a) => a.length)).toEqual([35, 35]);
      expect(asked.flat().sort()).toEqual(files.map((f) => f.path).sort());
      expect(await readdir(dir)).toEqual(['new.txt']);
    } finally {
      await cleanup();
    }
  });

  it('when a thread dies, the files are removed on the calling thread', async () => {
    class Dying extends Worker {
      constructor() {
        super('process.exit(3)', { eval: true });
      }
    }
    const { dir, files, cleanup } = await inbox(70);
    try {
      await removeTaken(dir, files, [new WriteThread(Dying as unknown as typeof Worker)]);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
