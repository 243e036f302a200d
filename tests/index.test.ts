import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, runCli, workspaces } from './support/cli.js';
import { SAMPLE } from './support/paths.js';

const workspace = workspaces();

function article(title: string, date: string, body: string, url?: string): string {
  return `---\ntitle: ${title}\ndate: ${date}\n${url ? `url: ${url}\n` : ''}---\n${body}\n`;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out[path.relative(dir, p)] = await readFile(p, 'utf8');
  }
  return out;
}

describe('archive index', () => {
  it('kliping reindex rebuilds the month manifests and keys byte for byte from the records', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'a.md'), article('Satu', '2024-01-02', 'Isi berita satu.', 'https://example.id/1'));
    await writeFile(path.join(dir, 'b.md'), article('Dua', '2024-02-03', 'Isi berita dua.'));
    expect((await runCli(['ingest', 'a.md', 'b.md', SAMPLE], { cwd: dir })).code).toBe(0);
    const archive = path.join(dir, 'archive');
    const before = await snapshot(archive);
    await rm(path.join(archive, '.kliping/keys'), { recursive: true });
    await rm(path.join(archive, '2024/01/index.json'));
    await writeFile(path.join(archive, '2024/02/index.json'), '[]\n');

    const r = await runCli(['reindex'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('kliping reindex: 3 records, 3 months, 4 keys\n');
    const after = await snapshot(archive);
    for (const [name, text] of Object.entries(before)) {
      if (name.endsWith('state.json') || name.endsWith('published.json')) continue;
      expect(after[name], name).toBe(text);
    }
    // Dedup still works from the rebuilt keys.
    const again = await runCli(['ingest', 'a.md', SAMPLE], { cwd: dir });
    expect(again.stdout).toContain('0 new, 0 updated, 2 unchanged');
  });

  it('kliping reindex reports two records with one id and exits 1', async () => {
    const dir = await workspace();
    await runCli(['ingest', SAMPLE], { cwd: dir });
    const day = path.join(dir, 'archive/2022/02/08');
    const name = (await readdir(day)).find((n) => n.endsWith('.json'))!;
    const record = JSON.parse(await readFile(path.join(day, name), 'utf8'));
    await writeFile(path.join(day, 'copy.json'), JSON.stringify({ ...record, slug: 'copy', path: '2022/02/08/copy' }));
    const r = await runCli(['reindex'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`id ${record.id} is in 2 records`);
  });
});

describe('publishing only when something changed', () => {
  it('a tick with nothing new rewrites nothing, not even its own state', async () => {
    const dir = await workspace();
    await runCli(['ingest', SAMPLE], { cwd: dir });
    const files = ['feeds/rss.xml', 'feeds/atom.xml', 'feeds/feed.json', 'archive/.kliping/published.json', 'archive/.kliping/state.json'];
    const before = await Promise.all(files.map((f) => stat(path.join(dir, f))));
    const r = await runCli(['run'], { cwd: dir, now: () => FIXED_NOW + 3600_000 });
    expect(r.stdout).toContain('0 new, 0 updated, 0 unchanged, 0 failed; feeds unchanged (1 feed item)');
    const after = await Promise.all(files.map((f) => stat(path.join(dir, f))));
    after.forEach((s, i) => expect([s.ino, s.mtimeMs], files[i]).toEqual([before[i]!.ino, before[i]!.mtimeMs]));
  });

  it('a quiet tick still exits 75 while another run holds the lock', async () => {
    const dir = await workspace();
    await runCli(['ingest', SAMPLE], { cwd: dir });
    const { acquireLock } = await import('../src/io/lock.js');
    const lock = await acquireLock(path.join(dir, 'archive/.kliping/lock'), 'test');
    try {
      const r = await runCli(['run'], { cwd: dir });
      expect(r.code).toBe(75);
    } finally {
      await lock.release();
    }
    expect((await runCli(['run'], { cwd: dir })).code).toBe(0);
  });

  it('a feed file deleted by hand is published again on the next tick', async () => {
    const dir = await workspace();
    await runCli(['ingest', SAMPLE], { cwd: dir });
    const rss = await readFile(path.join(dir, 'feeds/rss.xml'), 'utf8');
    await rm(path.join(dir, 'feeds/rss.xml'));
    const r = await runCli(['run'], { cwd: dir });
    expect(r.stdout).toContain('rss.xml written');
    expect(await readFile(path.join(dir, 'feeds/rss.xml'), 'utf8')).toBe(rss);
  });

  it('a future-dated article appears on the first tick after it is due', async () => {
    const dir = await workspace();
    const due = FIXED_NOW + 2 * 3600_000;
    await writeFile(path.join(dir, 'f.md'), article('Nanti', new Date(due).toISOString(), 'Berita yang terbit nanti.'));
    await runCli(['ingest', SAMPLE, 'f.md'], { cwd: dir });
    expect(JSON.parse(await readFile(path.join(dir, 'feeds/feed.json'), 'utf8')).items).toHaveLength(1);
    const early = await runCli(['run'], { cwd: dir, now: () => due - 1000 });
    expect(early.stdout).toContain('feeds unchanged');
    const late = await runCli(['run'], { cwd: dir, now: () => due });
    expect(late.stdout).toContain('feed.json');
    expect(JSON.parse(await readFile(path.join(dir, 'feeds/feed.json'), 'utf8')).items.map((i: { title: string }) => i.title)[0]).toBe('Nanti');
  });

  it('a config change that shapes the feeds republishes them', async () => {
    const dir = await workspace();
    await runCli(['ingest', SAMPLE], { cwd: dir });
    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify({ site: { title: 'Kliping Baru' } }));
    const r = await runCli(['run'], { cwd: dir });
    expect(r.stdout).toContain('rss.xml, atom.xml, feed.json written');
    expect(await readFile(path.join(dir, 'feeds/rss.xml'), 'utf8')).toContain('<title>Kliping Baru</title>');
  });
});

describe('dist/main.js', () => {
  it('answers a quiet tick without loading the whole CLI, and loads it when there is work', async () => {
    const { spawnSync } = await import('node:child_process');
    const { ROOT } = await import('./support/paths.js');
    const dir = await workspace();
    await runCli(['ingest', SAMPLE], { cwd: dir });
    const probe = path.join(dir, 'probe.cjs');
    await writeFile(probe, `process.on('exit', () => process.stderr.write('LOADED ' + Object.keys(require.cache).filter((f) => /[\\\\/]dist[\\\\/]\\w+\\.js$/.test(f) && !f.includes('node_modules')).map((f) => path.basename(f)).join(',') + '\\n'));\nconst path = require('node:path');\n`);
    const run = (): string => spawnSync(process.execPath, ['--require', probe, path.join(ROOT, 'dist/main.js'), 'run'], { cwd: dir, encoding: 'utf8' }).stderr;
    expect(run()).toContain('LOADED main.js\n');
    await writeFile(path.join(dir, 'inbox', 'x.txt'), 'Harga cabai turun di pasar induk hari ini.\n');
    const { utimes } = await import('node:fs/promises');
    await utimes(path.join(dir, 'inbox', 'x.txt'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(run()).toContain('LOADED main.js,cli.js\n');
  });
});
