import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleTemps, writeFileAtomic } from '../src/io/atomic.js';
import { acquireLock } from '../src/io/lock.js';
import { KlipingError } from '../src/domain/errors.js';

const dirs: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'kliping-io-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('writeFileAtomic()', () => {
  it('writes the file and leaves no temp file behind', async () => {
    const d = await tmp();
    await writeFileAtomic(path.join(d, 'a', 'f.xml'), 'hello');
    expect(await readFile(path.join(d, 'a', 'f.xml'), 'utf8')).toBe('hello');
    expect(await readdir(path.join(d, 'a'))).toEqual(['f.xml']);
  });

  it('with ifChanged leaves an identical file untouched (same inode and mtime)', async () => {
    const d = await tmp();
    const f = path.join(d, 'f');
    await writeFileAtomic(f, 'same');
    const before = await stat(f);
    expect((await writeFileAtomic(f, 'same', { ifChanged: true })).written).toBe(false);
    const after = await stat(f);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect((await writeFileAtomic(f, 'other', { ifChanged: true })).written).toBe(true);
    expect((await stat(f)).ino).not.toBe(before.ino);
  });

  it('removeStaleTemps() removes temp files left by a killed writer and nothing else', async () => {
    const d = await tmp();
    await writeFile(path.join(d, '.rss.xml.999999.deadbeef.tmp'), 'partial');
    await writeFile(path.join(d, 'rss.xml'), 'kept');
    expect(await removeStaleTemps(d)).toEqual(['.rss.xml.999999.deadbeef.tmp']);
    expect(await readdir(d)).toEqual(['rss.xml']);
  });
});

describe('acquireLock()', () => {
  it('a second holder is refused with exit code 75 while the first holds it', async () => {
    const d = await tmp();
    const lock = await acquireLock(path.join(d, 'lock'), 'now');
    const err = await acquireLock(path.join(d, 'lock'), 'now').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KlipingError);
    expect((err as KlipingError).exitCode).toBe(75);
    await lock.release();
    const again = await acquireLock(path.join(d, 'lock'), 'now');
    await again.release();
  });

  it('a lock left by a dead process is taken over', async () => {
    const d = await tmp();
    const child = spawn(process.execPath, ['-e', '']);
    const pid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    const { hostname } = await import('node:os');
    await writeFile(path.join(d, 'lock'), JSON.stringify({ pid, host: hostname(), started: 'then' }));
    const lock = await acquireLock(path.join(d, 'lock'), 'now');
    expect(JSON.parse(await readFile(path.join(d, 'lock'), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });
});
