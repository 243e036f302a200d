/** The built CLI, as cron runs it: plain node on dist/, in a temporary folder. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readFile, readdir, rm, stat, writeFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from './support/cli.js';
import { ROOT, SAMPLE } from './support/paths.js';

const BIN = path.join(ROOT, 'dist/main.js');
let dir = '';
let cleanup = async (): Promise<void> => undefined;

function kliping(args: string[], cwd = dir): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  if (!existsSync(BIN)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  ({ dir, cleanup } = await tempWorkspace('kliping-e2e-'));
});
afterAll(() => cleanup());

describe('kliping run (built CLI)', () => {
  it('archives an inbox file once, removes it from the inbox, and a second run changes nothing', async () => {
    const input = path.join(dir, 'inbox', 'macron.txt');
    await copyFile(SAMPLE, input);
    const old = new Date(Date.now() - 60_000);
    await utimes(input, old, old);

    const first = kliping(['run']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/1 new, 0 updated, 0 unchanged, 0 failed; rss.xml, atom.xml, feed.json written \(1 feed item\)/);
    expect(await readdir(path.join(dir, 'inbox'))).toEqual([]);

    const feeds = ['rss.xml', 'atom.xml', 'feed.json'].map((n) => path.join(dir, 'feeds', n));
    const bytes = await Promise.all(feeds.map((f) => readFile(f)));
    const stats = await Promise.all(feeds.map((f) => stat(f)));

    // The same article dropped in again is recognized and leaves the inbox.
    await copyFile(SAMPLE, input);
    await utimes(input, old, old);
    const second = kliping(['run']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 new, 0 updated, 1 unchanged, 0 failed; feeds unchanged \(1 feed item\)/);
    const third = kliping(['run']);
    expect(third.stdout).toMatch(/0 new, 0 updated, 0 unchanged, 0 failed; feeds unchanged/);

    const json = JSON.parse(bytes[2]!.toString('utf8'));
    expect(json.items).toHaveLength(1);
    for (let i = 0; i < feeds.length; i++) {
      expect(await readFile(feeds[i]!)).toEqual(bytes[i]);
      const s = await stat(feeds[i]!);
      expect(s.mtimeMs).toBe(stats[i]!.mtimeMs);
      expect(s.ino).toBe(stats[i]!.ino);
    }
  });

  it('a quiet tick answers from dist/main.js without loading fs/promises or the stdout stream', async () => {
    // Each would cost 2-3 ms of a ~27 ms tick (bare node: ~23 ms); see src/quick.ts.
    const log = path.join(dir, 'modules.log');
    const probe = path.join(dir, 'probe.cjs');
    await writeFile(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(log)}, process.moduleLoadList.join('\\n')));\n`);
    kliping(['run']);
    const r = spawnSync(process.execPath, ['--require', probe, BIN, 'run'], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toMatch(/0 new, 0 updated, 0 unchanged, 0 failed; feeds unchanged/);
    const loaded = (await readFile(log, 'utf8')).split('\n');
    expect(loaded).toContain('NativeModule fs');
    expect(loaded.filter((m) => /^NativeModule (?:fs\/promises|internal\/fs\/promises|stream|net|tty|internal\/fs\/sync_write_stream)$/.test(m))).toEqual([]);
  });

  it('--help lists the commands and exits 0', () => {
    const r = kliping(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['run', 'ingest', 'clean', 'build', 'config']) expect(r.stdout).toContain(`  ${c}`);
    expect(kliping(['clean', '--help']).stdout).toContain('Usage: kliping clean');
  });

  it('an unknown option is a usage error with exit 2', () => {
    const r = kliping(['run', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*bogus.*\nUsage: kliping run/s);
  });

  it('an invalid config names every bad key and exits 2', async () => {
    await writeFile(
      path.join(dir, 'bad.json'),
      JSON.stringify({ timeZone: 'Mars/Olympus', feeds: { limit: 0 }, site: { url: 'example.org' }, colour: 'red' }),
    );
    const r = kliping(['run', '--config', 'bad.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('timeZone: must be an IANA time zone');
    expect(r.stderr).toContain('feeds.limit: must be a whole number');
    expect(r.stderr).toContain('site.url: must be an absolute http(s) URL');
    expect(r.stderr).toContain('colour: is not a known key');
  });

  it('a missing inbox is a config error that says what to do', async () => {
    const { dir: empty, cleanup: done } = await tempWorkspace('kliping-e2e-empty-');
    await (await import('node:fs/promises')).rm(path.join(empty, 'inbox'), { recursive: true });
    const r = kliping(['run'], empty);
    await done();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('directory does not exist: create it or set paths.inbox');
  });

  it('an unusable input goes to inbox/failed with a note, the rest is archived, exit 1', async () => {
    const { dir: ws, cleanup: done } = await tempWorkspace('kliping-e2e-bad-');
    const old = new Date(Date.now() - 60_000);
    await writeFile(path.join(ws, 'inbox', 'empty.txt'), '');
    await writeFile(path.join(ws, 'inbox', 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    await copyFile(SAMPLE, path.join(ws, 'inbox', 'good.txt'));
    for (const n of ['empty.txt', 'latin1.txt', 'good.txt']) await utimes(path.join(ws, 'inbox', n), old, old);
    const r = kliping(['run'], ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 new, 0 updated, 0 unchanged, 2 failed');
    expect(r.stderr).toContain('"empty.txt": the file is empty');
    expect(r.stderr).toContain('"latin1.txt": the file is not valid UTF-8');
    expect((await readdir(path.join(ws, 'inbox', 'failed'))).sort()).toEqual([
      'empty.txt',
      'empty.txt.error.txt',
      'latin1.txt',
      'latin1.txt.error.txt',
    ]);
    expect(await readFile(path.join(ws, 'inbox/failed/latin1.txt.error.txt'), 'utf8')).toContain('save it as UTF-8');
    await done();
  });

  it('a file where a folder should be stops the command with the path and the fix, exit 1, and loses nothing', async () => {
    const { dir: ws, cleanup: done } = await tempWorkspace('kliping-e2e-enotdir-');
    const input = path.join(ws, 'inbox', 'macron.txt');
    await copyFile(SAMPLE, input);
    const old = new Date(Date.now() - 60_000);
    await utimes(input, old, old);
    // The sample is dated 2022-02-08: its record goes below archive/2022/, here a file.
    await writeFile(path.join(ws, 'archive', '2022'), 'x');
    const stopped = kliping(['run'], ws);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toBe('');
    expect(stopped.stderr).toMatch(
      /^error: Cannot \w+ "[^"]*\/archive\/2022\/[^"]*" \(ENOTDIR\): part of that path is a file, not a folder\. Move the file away, or point the paths in the config elsewhere; nothing is lost: inputs leave the inbox only once archived, and the next run archives the rest\n$/,
    );
    expect(await readdir(path.join(ws, 'inbox'))).toEqual(['macron.txt']);
    await rm(path.join(ws, 'archive', '2022'));
    expect(kliping(['run'], ws).stdout).toContain('1 new, 0 updated, 0 unchanged, 0 failed');
    // A command that takes no inputs names the path and the fix, and says nothing of an inbox.
    await rm(path.join(ws, 'feeds', 'archive'), { recursive: true });
    await writeFile(path.join(ws, 'feeds', 'archive'), 'x');
    const build = kliping(['build'], ws);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/^error: Cannot \w+ "[^"]*\/feeds\/archive\/[^"]*" \(ENOTDIR\): part of that path is a file, not a folder\. Move the file away, or point the paths in the config elsewhere\n$/);
    await done();
  });
});

describe('threads (built CLI)', () => {
  /** Every file below `root` with its text; archived times and file mtimes (the run's clock: records, tokens, pages) blanked. */
  async function tree(root: string): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else files.set(path.relative(root, p), (await readFile(p, 'utf8')).replace(/"archived": "[^"]*"/g, '"archived": "-"').replace(/"mtimeMs":[\d.]+/g, '"mtimeMs":0').replace(/"token":"(\d+):[\d.]+"/g, '"token":"$1:0"').replace(/<dt>Archived<\/dt><dd>.*?<\/dd>/g, ''));
      }
    };
    await walk(root);
    return files;
  }

  it('a big inbox and a full rebuild give the same archive, feeds and pages with the write threads as without', async () => {
    const { textArticle } = await import('../bench/synthetic.mjs');
    const runs: Map<string, string>[] = [];
    for (const env of [{ KLIPING_WRITE_THREADS: '0' }, {}]) {
      const ws = await tempWorkspace('kliping-e2e-threads-');
      try {
        const old = new Date(Date.now() - 60_000);
        // 150 articles over ~5 months: past the thread's threshold, some days with several.
        for (let i = 0; i < 150; i++) {
          const f = path.join(ws.dir, 'inbox', `a${i}.txt`);
          await writeFile(f, textArticle(i, { spread: 4000 }));
          await utimes(f, old, old);
        }
        const opts = { cwd: ws.dir, encoding: 'utf8' as const, env: { ...process.env, ...env } };
        const run = spawnSync(process.execPath, [BIN, 'run'], opts);
        expect(run.stderr).toBe('');
        expect(run.stdout).toMatch(/150 new, 0 updated, 0 unchanged, 0 failed/);
        // Every input left the inbox (with the threads, they removed it).
        expect(await readdir(path.join(ws.dir, 'inbox'))).toEqual([]);
        const afterRun = new Map<string, string>();
        for (const d of ['archive', 'feeds', 'pages']) for (const [k, v] of await tree(path.join(ws.dir, d))) afterRun.set(`${d}/${k}`, v);
        runs.push(afterRun);
        // A full publish: every page and feed rendered again, the same bytes.
        const build = spawnSync(process.execPath, [BIN, 'build'], opts);
        expect(build.stderr).toBe('');
        expect(build.status).toBe(0);
        const verify = spawnSync(process.execPath, [BIN, 'verify'], opts);
        expect(verify.status).toBe(0);
        const all = new Map<string, string>();
        for (const d of ['archive', 'feeds', 'pages']) for (const [k, v] of await tree(path.join(ws.dir, d))) all.set(`${d}/${k}`, v);
        runs.push(all);
      } finally {
        await ws.cleanup();
      }
    }
    // After the run, then after the rebuild: alone, then with the threads.
    for (const [alone, threaded] of [[runs[0], runs[2]], [runs[1], runs[3]]]) {
      expect(alone!.size).toBeGreaterThan(150 * 2 + 150);
      expect([...threaded!.keys()].sort()).toEqual([...alone!.keys()].sort());
      for (const [name, text] of alone!) if (threaded!.get(name) !== text) expect(`${name}: ${threaded!.get(name)}`).toBe(`${name}: ${text}`);
    }
  });
});
