import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, runCli, workspaces } from './support/cli.js';
import { ROOT, SAMPLE, SAMPLE_EXPECTED } from './support/paths.js';
import { feedparser, requireTool, xmllint } from './support/consumers.js';
import { xmlError, jsonFeedErrors } from '../src/feeds/index.js';

const UPDATE = process.env.UPDATE_GOLDENS === '1';
const GOLDEN = path.join(ROOT, 'tests/golden/sample');
const workspace = workspaces();

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  }
  return out.sort();
}

describe('the sample article', () => {
  it('the expected file in tests/ is the user\'s own', async () => {
    const shared = path.join(ROOT, '../shared/samples/medcom-macron-putin.expected.txt');
    if (!existsSync(shared)) return;
    expect(await readFile(SAMPLE_EXPECTED, 'utf8')).toBe(await readFile(shared, 'utf8'));
    expect(await readFile(SAMPLE)).toEqual(await readFile(path.join(ROOT, '../shared/samples/medcom-macron-putin.txt')));
  });

  it('kliping clean prints exactly the expected lines', async () => {
    const dir = await workspace();
    const r = await runCli(['clean', SAMPLE], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const expected = (await readFile(SAMPLE_EXPECTED, 'utf8')).split('\n').filter((l) => l !== '');
    expect(r.stdout.split('\n').filter((l) => l !== '')).toEqual(expected);
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('kliping clean --explain names the rule of every dropped line on stderr', async () => {
    const dir = await workspace();
    const r = await runCli(['clean', '--explain', SAMPLE], { cwd: dir });
    expect(r.stderr).toContain('[id.related.baca]: Baca: Usai Bertemu Presiden Prancis');
    expect(r.stderr).toContain('[id.footer.google-news-split]: Cek Berita dan Artikel yang lain di');
    expect(r.stderr).toContain('[id.footer.google-news-split]: Google News');
    expect(r.stderr).toContain('[id.ads.viral-klik]: Viral! 18 Kampus');
    expect(r.stderr).toContain('14 kept, 4 dropped');
  });

  it('kliping clean - reads standard input', async () => {
    const dir = await workspace();
    const r = await runCli(['clean', '-'], { cwd: dir, stdin: await readFile(SAMPLE, 'utf8') });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(14);
  });

  it('ingest stores the record, the raw original and its dropped lines', async () => {
    const dir = await workspace();
    const r = await runCli(['ingest', SAMPLE], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const stored = await files(path.join(dir, 'archive'));
    const slug = 'setelah-lima-jam-negosiasi-macron-memperingatkan-kedua-belah-pihak-perlu';
    expect(stored).toEqual([
      '.kliping/keys/0b.json',
      '.kliping/published.json',
      '.kliping/state.json',
      `2022/02/08/${slug}.json`,
      `2022/02/08/${slug}.raw.txt`,
      '2022/02/index.json',
    ]);
    const raw = await readFile(path.join(dir, `archive/2022/02/08/${slug}.raw.txt`));
    expect(raw).toEqual(await readFile(SAMPLE));
    const record = JSON.parse(await readFile(path.join(dir, `archive/2022/02/08/${slug}.json`), 'utf8'));
    expect(record).toMatchObject({
      schema: 1,
      id: expect.stringMatching(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      slug,
      path: `2022/02/08/${slug}`,
      title: 'Setelah lima jam negosiasi, Macron memperingatkan kedua belah pihak perlu bekerja cepat untuk menghindari…',
      titleSource: 'lede',
      url: null,
      language: 'id',
      published: '2022-02-08T00:00:00+07:00',
      publishedSource: 'text',
      updated: null,
      archived: '2026-01-15T10:00:00+07:00',
      raw: {
        file: `${slug}.raw.txt`,
        sha256: '0b' + record.raw.sha256.slice(2),
        bytes: raw.length,
        mediaType: 'text/plain',
        original: SAMPLE,
      },
      previous: [],
    });
    expect(record.paragraphs).toEqual((await readFile(SAMPLE_EXPECTED, 'utf8')).split('\n').filter(Boolean));
    expect(record.dropped.map((d: { rule: string }) => d.rule)).toEqual([
      'id.related.baca',
      'id.footer.google-news-split',
      'id.footer.google-news-split',
      'id.ads.viral-klik',
    ]);
    expect(record.summary.startsWith('Setelah lima jam negosiasi')).toBe(true);
  });

  it('the three feeds equal the committed goldens for a fixed clock', async () => {
    const dir = await workspace();
    // The record's original name is the path given; use a relative one so goldens do not
    // depend on where the checkout lives.
    await writeFile(path.join(dir, 'sample.txt'), await readFile(SAMPLE));
    expect((await runCli(['ingest', 'sample.txt'], { cwd: dir })).code).toBe(0);
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) {
      const got = await readFile(path.join(dir, 'feeds', name), 'utf8');
      if (UPDATE) await writeFile(path.join(GOLDEN, name), got);
      expect(got, `${name} differs from tests/golden/sample: run \`npm run golden\` and review the diff`).toBe(
        await readFile(path.join(GOLDEN, name), 'utf8'),
      );
    }
  });

  it('the feeds are the same whatever the clock says', async () => {
    const a = await workspace();
    const b = await workspace();
    await runCli(['ingest', SAMPLE], { cwd: a, now: () => FIXED_NOW });
    await runCli(['ingest', SAMPLE], { cwd: b, now: () => FIXED_NOW + 400 * 86400_000 });
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) {
      expect(await readFile(path.join(b, 'feeds', name), 'utf8')).toBe(await readFile(path.join(a, 'feeds', name), 'utf8'));
    }
  });

  it('ingesting the same file again changes nothing', async () => {
    const dir = await workspace();
    await runCli(['ingest', SAMPLE], { cwd: dir });
    const before = await Promise.all(['rss.xml', 'atom.xml', 'feed.json'].map((n) => stat(path.join(dir, 'feeds', n))));
    const listed = await files(path.join(dir, 'archive'));
    const r = await runCli(['ingest', SAMPLE], { cwd: dir, now: () => FIXED_NOW + 60_000 });
    expect(r.stdout).toContain('0 new, 0 updated, 1 unchanged, 0 failed; feeds unchanged (1 feed item)');
    expect(await files(path.join(dir, 'archive'))).toEqual(listed);
    const after = await Promise.all(['rss.xml', 'atom.xml', 'feed.json'].map((n) => stat(path.join(dir, 'feeds', n))));
    after.forEach((s, i) => {
      expect(s.mtimeMs).toBe(before[i]!.mtimeMs);
      expect(s.ino).toBe(before[i]!.ino);
    });
  });

  it('the published feeds pass a strict parser, xmllint and feedparser with the same id everywhere', async () => {
    const dir = await workspace();
    await runCli(['ingest', SAMPLE], { cwd: dir });
    const rss = path.join(dir, 'feeds/rss.xml');
    const atom = path.join(dir, 'feeds/atom.xml');
    const json = JSON.parse(await readFile(path.join(dir, 'feeds/feed.json'), 'utf8'));
    expect(xmlError(await readFile(rss, 'utf8'))).toBeNull();
    expect(xmlError(await readFile(atom, 'utf8'))).toBeNull();
    expect(jsonFeedErrors(JSON.stringify(json))).toEqual([]);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    const id = json.items[0].id as string;
    if (requireTool('xmllint')) {
      expect(xmllint(rss)).toBe('');
      expect(xmllint(atom)).toBe('');
    }
    if (requireTool('feedparser')) {
      for (const f of [rss, atom]) {
        const parsed = feedparser(f);
        expect(parsed.bozo, parsed.bozo_exception ?? '').toBe(0);
        expect(parsed.ids).toEqual([id]);
      }
    }
  });
});
