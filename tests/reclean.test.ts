import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/index.js';
import { FIXED_NOW, runCli, tempWorkspace } from './support/cli.js';
import { SAMPLE } from './support/paths.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function workspace(): Promise<string> {
  const ws = await tempWorkspace('kliping-reclean-');
  cleanups.push(ws.cleanup);
  return ws.dir;
}

async function config(dir: string, disable: string[]): Promise<void> {
  await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify({ rules: { disable } }));
}

async function records(dir: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  const root = path.join(dir, 'archive');
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.json') && e.name !== 'index.json' && !e.parentPath.includes('.kliping')) {
      out.push(JSON.parse(await readFile(path.join(e.parentPath, e.name), 'utf8')));
    }
  }
  return out;
}

/** Archive the sample with "Baca:" lines kept (rule disabled), then switch the rule back on. */
async function archivedWithOldRules(): Promise<string> {
  const dir = await workspace();
  await config(dir, ['id.related.baca']);
  const r = await runCli(['ingest', SAMPLE], { cwd: dir });
  expect(r.code).toBe(0);
  await config(dir, []);
  return dir;
}

describe('kliping reclean', () => {
  it('--dry-run prints what would change and writes nothing', async () => {
    const dir = await archivedWithOldRules();
    const before = await records(dir);
    const feedBefore = await readFile(path.join(dir, 'feeds/feed.json'), 'utf8');
    const r = await runCli(['reclean', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('would change 2022/02/08/');
    expect(r.stdout).toContain('  - [id.related.baca] Baca: Usai Bertemu Presiden Prancis');
    expect(r.stdout).toContain('kliping reclean --dry-run: 1 of 1 articles would change (1 line newly dropped, 0 restored), 0 failed; nothing was written');
    expect(await records(dir)).toEqual(before);
    expect(await readFile(path.join(dir, 'feeds/feed.json'), 'utf8')).toBe(feedBefore);
  });

  it('updates the record without changing its id or path and republishes the feeds', async () => {
    const dir = await archivedWithOldRules();
    const [before] = await records(dir);
    expect(JSON.stringify(before!.paragraphs)).toContain('Baca: Usai Bertemu');
    const r = await runCli(['reclean'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/kliping reclean: 1 of 1 articles changed \(1 line newly dropped, 0 restored\), 0 failed; rss.xml, atom.xml, feed.json written \(1 feed item\), 3 archive files written/);
    const [after] = await records(dir);
    expect(after!.id).toBe(before!.id);
    expect(after!.path).toBe(before!.path);
    expect(after!.published).toBe(before!.published);
    expect(after!.updated).toBe(before!.updated);
    expect(JSON.stringify(after!.paragraphs)).not.toContain('Baca: Usai Bertemu');
    expect(after!.dropped).toContainEqual({ line: 3, text: 'Baca: Usai Bertemu Presiden Prancis, Putin Siap Kompromi dengan Barat.', rule: 'id.related.baca' });
    expect(await readFile(path.join(dir, 'feeds/feed.json'), 'utf8')).not.toContain('Baca: Usai Bertemu');

    const again = await runCli(['reclean'], { cwd: dir });
    expect(again.stdout).toMatch(/0 of 1 articles changed .* feeds unchanged/);
  });

  it('reports a line dropped by another rule, and lines restored when every rule for it is disabled', async () => {
    const dir = await workspace();
    expect((await runCli(['ingest', SAMPLE], { cwd: dir })).code).toBe(0);
    await config(dir, ['id.ads.viral-klik']);
    const moved = JSON.parse((await runCli(['reclean', '--json'], { cwd: dir })).stdout);
    expect(moved.changes[0]).toMatchObject({ ruleChanged: 1, restored: [], newlyDropped: [] });

    await config(dir, ['id.ads.viral-klik', 'id.ads.klik-link']);
    const r = await runCli(['reclean', '--json'], { cwd: dir });
    const report = JSON.parse(r.stdout);
    expect(report.restored).toBe(1);
    expect(report.changes[0].restored[0]).toMatchObject({ rule: 'id.ads.klik-link', text: expect.stringContaining('Viral! 18 Kampus') });
    const [after] = await records(dir);
    expect(JSON.stringify(after!.paragraphs)).toContain('Viral! 18 Kampus');
  });

  it('finds a title in the text again: the page\'s headline, once its rule drops it, with its source', async () => {
    const dir = await workspace();
    await config(dir, ['common.page.headline']);
    const page = path.join(dir, 'page.txt');
    await writeFile(
      page,
      ['Harga Cabai Rawit Naik Lagi Jelang Ramadan di Pasar Induk Kramat Jati', 'Senin, 03 Mar 2025 09:12 WIB', 'Jakarta - Harga cabai rawit naik menjadi Rp80.000 per kilogram.', 'Pedagang mengeluh pembeli berkurang.', ''].join('\n'),
    );
    expect((await runCli(['ingest', page], { cwd: dir })).code).toBe(0);
    const [before] = await records(dir);
    expect([before!.title, before!.titleSource]).toEqual(['Harga Cabai Rawit Naik Lagi Jelang Ramadan di Pasar Induk Kramat Jati', 'lede']);
    await config(dir, []);
    expect((await runCli(['reclean'], { cwd: dir })).code).toBe(0);
    const [after] = await records(dir);
    expect([after!.title, after!.titleSource, after!.id]).toEqual(['Harga Cabai Rawit Naik Lagi Jelang Ramadan di Pasar Induk Kramat Jati', 'headline', before!.id]);
    expect(after!.paragraphs).toEqual(['Jakarta - Harga cabai rawit naik menjadi Rp80.000 per kilogram.', 'Pedagang mengeluh pembeli berkurang.']);
  });

  it('leaves a record whose raw original is missing alone and exits 1', async () => {
    const dir = await archivedWithOldRules();
    const [rec] = await records(dir);
    const rawPath = path.join(dir, 'archive', path.dirname(rec!.path as string), (rec!.raw as { file: string }).file);
    const { rm } = await import('node:fs/promises');
    await rm(rawPath);
    const r = await runCli(['reclean'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot read the raw original');
    expect(await records(dir)).toEqual([rec]);
  });

  it('exits 75 without writing when another run holds the archive lock', async () => {
    const dir = await archivedWithOldRules();
    await mkdir(path.join(dir, 'archive/.kliping'), { recursive: true });
    await writeFile(path.join(dir, 'archive/.kliping/lock'), JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), started: 'x' }));
    const before = await records(dir);
    const r = await runCli(['reclean'], { cwd: dir });
    expect(r.code).toBe(75);
    expect(await records(dir)).toEqual(before);
  });

  it('draws a progress bar on stderr only when stderr is a terminal', async () => {
    const dir = await archivedWithOldRules();
    let tty = '';
    const code = await main(['reclean', '--dry-run'], {
      cwd: dir,
      now: () => FIXED_NOW,
      stdout: { write: () => true },
      stderr: Object.assign({ write: (s: string) => (tty += s) }, { isTTY: true }),
    });
    expect(code).toBe(0);
    expect(tty).toContain('\rreclean [');
    expect(tty).toContain('1/1');
    const piped = await runCli(['reclean', '--dry-run'], { cwd: dir });
    expect(piped.stderr).toBe('');
  });
});
