/**
 * Crash safety and locking, end to end on the built CLI: kill -9 at random moments of many
 * ticks, two runs at once, and `kliping verify` on what is left.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../src/io/lock.js';
import { tempWorkspace } from './support/cli.js';
import { articleText, writeArticles } from './support/articles.js';
import { kliping, records, snapshot, start } from './support/spawn.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function workspace(): Promise<string> {
  const { dir, cleanup } = await tempWorkspace('kliping-ops-');
  cleanups.push(cleanup);
  return dir;
}
const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

describe('kill -9 at random moments of a tick', () => {
  it('loses no input, duplicates no article, and leaves an archive that verify passes', async () => {
    const dir = await workspace();
    const inbox = path.join(dir, 'inbox');
    const lock = path.join(dir, 'archive/.kliping/lock');
    const inputs = new Map<string, string>(); // input sha256 -> url
    const add = async (name: string, text: string): Promise<void> => {
      await writeFile(path.join(inbox, name), text);
      const old = new Date(Date.now() - 3_600_000);
      await utimes(path.join(inbox, name), old, old);
      inputs.set(sha(text), /^url: (.*)$/m.exec(text)![1]!);
    };
    for (const name of await writeArticles(inbox, 0, 10)) {
      const text = await readFile(path.join(inbox, name), 'utf8');
      inputs.set(sha(text), /^url: (.*)$/m.exec(text)![1]!);
    }

    const deadline = Date.now() + 35_000;
    let next = 10;
    let kills = 0;
    let killedHoldingLock = 0;
    for (let i = 0; i < 60 && Date.now() < deadline; i++) {
      if (i % 3 === 0) {
        // New articles, an edit of an earlier URL (new version) and a second copy of earlier bytes.
        for (let k = 0; k < 3; k++, next++) await add(`a-${String(next).padStart(4, '0')}.md`, articleText(next));
        await add(`edit-${i}.md`, articleText(i % next, 2 + i));
        await add(`copy-${i}.md`, articleText(i % 10));
      }
      const run = start(['run'], dir);
      await new Promise((r) => setTimeout(r, 40 + Math.random() * 260));
      if (run.child.exitCode === null && run.child.kill('SIGKILL')) kills++;
      const done = await run.done;
      if (done.signal === 'SIGKILL' && existsSync(lock)) killedHoldingLock++;
      // A run that ended by itself ended well.
      if (done.signal === null) expect([0], done.stderr).toContain(done.code);
    }
    console.log(`kill loop: ${kills} kills, ${killedHoldingLock} while holding the lock`);
    expect(killedHoldingLock).toBeGreaterThan(0);

    const final = kliping(['run'], dir);
    expect(final.stderr).toBe('');
    expect(final.code).toBe(0);
    expect(await readdir(inbox)).toEqual([]);

    const verify = kliping(['verify'], dir);
    expect(verify.stderr).toBe('');
    expect(verify.stdout).toMatch(/no problems/);
    expect(verify.code).toBe(0);

    const recs = await records(path.join(dir, 'archive'));
    const urls = new Set(inputs.values());
    expect(recs).toHaveLength(urls.size);
    expect(new Set(recs.map((r) => r.id)).size).toBe(recs.length);
    expect(new Set(recs.map((r) => r.url)).size).toBe(recs.length);
    const archived = new Set(recs.flatMap((r) => [r.raw.sha256, ...r.previous.map((p) => p.sha256)]));
    for (const s of inputs.keys()) expect(archived.has(s), `input ${s} archived`).toBe(true);
    const feed = JSON.parse(await readFile(path.join(dir, 'feeds/feed.json'), 'utf8'));
    expect(feed.items).toHaveLength(Math.min(50, recs.length));
  }, 60_000);
});

describe('two runs on the same archive', () => {
  it('the second exits 75 and writes nothing while the first holds the lock', async () => {
    const dir = await workspace();
    await writeArticles(path.join(dir, 'inbox'), 0, 3);
    const held = await acquireLock(path.join(dir, 'archive/.kliping/lock'), 'test');
    try {
      const before = await snapshot(dir);
      for (const cmd of [['run'], ['build'], ['verify'], ['verify', '--repair'], ['ingest', 'inbox/a-0000.md']]) {
        const r = kliping(cmd, dir);
        expect(r.code, cmd.join(' ')).toBe(75);
        expect(r.stderr).toMatch(/^error: Another kliping run holds the lock .*\(pid \d+ .*nothing was written; try again when it ends\n$/);
        expect(r.stdout).toBe('');
      }
      expect(await snapshot(dir)).toEqual(before);
    } finally {
      await held.release();
    }
    expect(kliping(['run'], dir).code).toBe(0);
  });

  it('a run started while another is in its tick exits 75, and the first completes', async () => {
    const dir = await workspace();
    await writeArticles(path.join(dir, 'inbox'), 0, 60);
    const first = start(['run'], dir);
    const lock = path.join(dir, 'archive/.kliping/lock');
    while (!existsSync(lock) && first.child.exitCode === null) await new Promise((r) => setTimeout(r, 2));
    const second = kliping(['run'], dir);
    const done = await first.done;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('60 new');
    expect(second.code).toBe(75);
    expect(second.stdout).toBe('');
    expect(kliping(['verify'], dir).code).toBe(0);
    expect(await records(path.join(dir, 'archive'))).toHaveLength(60);
  });

  it('a lock left by a killed run is taken over and its temp files are removed', async () => {
    const dir = await workspace();
    await writeArticles(path.join(dir, 'inbox'), 0, 2);
    expect(kliping(['run'], dir).code).toBe(0);
    // What kill -9 leaves: the lock of a dead pid and a half-written temp file.
    const dead = start(['--version'], dir);
    const pid = dead.child.pid!;
    await dead.done;
    const { hostname } = await import('node:os');
    await writeFile(path.join(dir, 'archive/.kliping/lock'), JSON.stringify({ pid, host: hostname(), started: 'then' }));
    const day = (await records(path.join(dir, 'archive')))[0]!.path.slice(0, 10);
    const temp = path.join(dir, 'archive', day, `.x.json.${pid}.0badc0de.tmp`);
    await writeFile(temp, '{"half');
    const check = kliping(['verify'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('temp file left by a killed run');
    expect(check.stdout).toContain('left by a run that died');
    // verify (read-only) leaves the dead run's lock for the next writer.
    expect(existsSync(path.join(dir, 'archive/.kliping/lock'))).toBe(true);
    const r = kliping(['run', '--verbose'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/recovered took over the lock of a run that died \(pid \d+, started then\); removed 1 leftover temp file/);
    expect(existsSync(temp)).toBe(false);
    expect(existsSync(path.join(dir, 'archive/.kliping/lock'))).toBe(false);
    expect(kliping(['verify'], dir).code).toBe(0);
  });

  it('a lock whose pid now belongs to another process (reboot, pid reuse) is stale', async () => {
    const dir = await workspace();
    const { hostname } = await import('node:os');
    await mkdir(path.join(dir, 'archive/.kliping'), { recursive: true });
    // This test's own pid is alive, but the lock says its owner started at another time, or
    // in another boot: the pid was reused.
    for (const owner of [{ since: '1' }, { boot: 'another-boot' }]) {
      await writeFile(
        path.join(dir, 'archive/.kliping/lock'),
        JSON.stringify({ pid: process.pid, host: hostname(), started: 'before the reboot', ...owner }),
      );
      const r = kliping(['run'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });
});
