import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { AtomicWriter, removeStaleTemps, SYNCFS_MIN_FILES, SyncShell, syncFailure, syncFilesystems, writeFileAtomic } from '../src/io/atomic.js';
import { acquireLock } from '../src/io/lock.js';
import { WriteThread } from '../src/io/write-thread.js';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { KlipingError, systemError, TICK_STOPPED } from '../src/domain/errors.js';

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

// Every writer test runs three ways: all temp files written on the calling thread, all by the
// write threads (io/write-thread.ts), and the first on the calling thread, the rest by threads.
describe.each([
  ['on the calling thread', Infinity],
  ['by the write threads', 0],
  ['first here, then by the write threads', 1],
])('AtomicWriter, temp files written %s', (_how, threadAfter) => {
  const recorder = (result = true) => {
    const calls: string[][] = [];
    return { calls, syncfs: async (dirs: readonly string[]) => (calls.push([...dirs]), result) };
  };

  it('shows nothing new to readers before drain(), then every file in place with no temp left', async () => {
    const d = await tmp();
    await writeFile(path.join(d, 'old.txt'), 'before');
    const { calls, syncfs } = recorder();
    const w = new AtomicWriter({ syncfs, threadAfter });
    w.write(path.join(d, 'old.txt'), 'after');
    w.write(path.join(d, 'new', 'deep', 'a.txt'), 'a', 'a.txt');
    expect(await readFile(path.join(d, 'old.txt'), 'utf8')).toBe('before');
    await expect(stat(path.join(d, 'new', 'deep', 'a.txt'))).rejects.toThrow(/ENOENT/);
    expect(w.size).toBe(2);
    await w.drain();
    expect(await readFile(path.join(d, 'old.txt'), 'utf8')).toBe('after');
    expect(await readFile(path.join(d, 'new', 'deep', 'a.txt'), 'utf8')).toBe('a');
    expect(await readdir(path.join(d, 'new', 'deep'))).toEqual(['a.txt']);
    expect(w.written).toEqual([path.join(d, 'old.txt'), 'a.txt']);
    expect(w.size).toBe(0);
    // Two files: fsynced one by one, syncfs is not worth starting.
    expect(calls).toEqual([]);
  });

  it('flushes a large batch with syncfs, before the renames and after them, naming every folder touched', async () => {
    const d = await tmp();
    const { calls, syncfs } = recorder();
    const w = new AtomicWriter({ syncfs, threadAfter });
    for (let i = 0; i < SYNCFS_MIN_FILES; i++) w.write(path.join(d, 'x', `f${i}`), String(i));
    await w.drain();
    expect(calls).toEqual([
      [d, path.join(d, 'x')],
      [d, path.join(d, 'x')],
    ]);
    expect((await readdir(path.join(d, 'x'))).length).toBe(SYNCFS_MIN_FILES);
  });

  it('writes text as UTF-8 and bytes as they are', async () => {
    const d = await tmp();
    const w = new AtomicWriter({ threadAfter });
    const text = 'Prabowo – “Rp 1 triliun” € 😀 Ñ\n';
    const bytes = new Uint8Array([0, 0xff, 0x80, 0x0a]);
    for (let i = 0; i < 4; i++) {
      w.write(path.join(d, `t${i}.txt`), text);
      w.write(path.join(d, `b${i}.bin`), bytes);
    }
    await w.drain();
    for (let i = 0; i < 4; i++) {
      expect(await readFile(path.join(d, `t${i}.txt`))).toEqual(Buffer.from(text, 'utf8'));
      expect(new Uint8Array(await readFile(path.join(d, `b${i}.bin`)))).toEqual(bytes);
    }
  });

  it('writes hundreds of files across folders and puts all of them in place', async () => {
    const d = await tmp();
    const w = new AtomicWriter({ threadAfter });
    const n = 300;
    for (let i = 0; i < n; i++) w.write(path.join(d, `m${i % 7}`, `f${i}`), `bytes ${i}`);
    await w.drain();
    for (let i = 0; i < n; i += 37) expect(await readFile(path.join(d, `m${i % 7}`, `f${i}`), 'utf8')).toBe(`bytes ${i}`);
    let total = 0;
    for (let m = 0; m < 7; m++) total += (await readdir(path.join(d, `m${m}`))).length;
    expect(total).toBe(n);
    // All but the first `threadAfter` by the thread, unless it fell behind (see WriteThread.busy()).
    if (threadAfter === Infinity) expect(w.threadWrites).toBe(0);
    else expect(w.threadWrites).toBeGreaterThan(0);
  });

  it('falls back to an fsync per file when syncfs cannot be used: every temp file, then every folder in the order written', async () => {
    const d = await tmp();
    const { calls, syncfs } = recorder(false);
    const synced: string[] = [];
    const w = new AtomicWriter({ threadAfter, syncfs, fsync: async (p, flags) => void synced.push(`${flags} ${path.relative(d, p)}`) });
    const n = SYNCFS_MIN_FILES + 3;
    for (let i = 0; i < n; i++) w.write(path.join(d, i % 2 ? 'b' : 'a', `f${i}`), String(i));
    await w.drain();
    expect(calls.length).toBe(1);
    const files = synced.filter((s) => s.startsWith('r+ '));
    expect(files).toHaveLength(n);
    expect(files.every((f) => /\.tmp$/.test(f))).toBe(true);
    // The folders after the files; a new folder's parent first; `a` was written to before `b`.
    expect(synced.slice(n)).toEqual(['r ', 'r a', 'r b']);
    expect((await readdir(path.join(d, 'a'))).length + (await readdir(path.join(d, 'b'))).length).toBe(n);
  });

  it('leaves a file that already holds the bytes alone (same inode), and renames in the order written', async () => {
    const d = await tmp();
    const f = path.join(d, 'same');
    await writeFile(f, 'same');
    const ino = (await stat(f)).ino;
    const w = new AtomicWriter({ threadAfter });
    w.write(f, 'same');
    w.write(path.join(d, 'twice'), 'first');
    w.write(path.join(d, 'twice'), 'second');
    await w.drain();
    expect((await stat(f)).ino).toBe(ino);
    expect(await readFile(path.join(d, 'twice'), 'utf8')).toBe('second');
    expect(w.written).toEqual([path.join(d, 'twice'), path.join(d, 'twice')]);
  });

  it('a failed syncfs fails drain(), puts nothing in place and removes its temp files', async () => {
    const d = await tmp();
    await writeFile(path.join(d, 'f0'), 'old');
    const w = new AtomicWriter({
      threadAfter,
      syncfs: async () => {
        throw new KlipingError('ARCHIVE', 'Could not make written files durable (sync -f: Input/output error)');
      },
    });
    for (let i = 0; i < SYNCFS_MIN_FILES; i++) w.write(path.join(d, `f${i}`), 'new');
    await expect(w.drain()).rejects.toThrow(/durable/);
    expect(await readdir(d)).toEqual(['f0']);
    expect(await readFile(path.join(d, 'f0'), 'utf8')).toBe('old');
  });

  it('an unwritable target fails drain() and writes nothing of the batch', async () => {
    const d = await tmp();
    await writeFile(path.join(d, 'file'), 'a file, not a folder');
    const w = new AtomicWriter({ threadAfter });
    w.write(path.join(d, 'ok'), 'ok');
    w.write(path.join(d, 'file', 'below'), 'x');
    await expect(w.drain()).rejects.toThrow(/ENOTDIR/);
    expect((await readdir(d)).sort()).toEqual(['file']);
  });

  it('discard() removes the temp files of staged writes and leaves the targets as they were', async () => {
    const d = await tmp();
    await writeFile(path.join(d, 'kept'), 'old');
    const w = new AtomicWriter({ threadAfter });
    w.write(path.join(d, 'kept'), 'new');
    w.write(path.join(d, 'sub', 'fresh'), 'new');
    await w.discard();
    expect(await readdir(d)).toEqual(['kept', 'sub'].sort());
    expect(await readdir(path.join(d, 'sub'))).toEqual([]);
    expect(await readFile(path.join(d, 'kept'), 'utf8')).toBe('old');
    await w.drain(); // nothing left to put in place
    expect(await readFile(path.join(d, 'kept'), 'utf8')).toBe('old');
  });
});

describe('WriteThread', () => {
  it('fails a flush, and every later one, when its thread dies', async () => {
    // A real worker thread that exits at once instead of writing.
    class Dying extends Worker {
      constructor() {
        super('process.exit(3)', { eval: true });
      }
    }
    const t = new WriteThread(Dying as unknown as typeof Worker);
    const writer = t.register();
    t.write(writer, { temp: '/nonexistent/.x.1.00000000.tmp', file: '/nonexistent/x', data: 'x' });
    await expect(t.flush(writer)).rejects.toThrow(/thread stopped \(exit 3\)/);
    await expect(t.flush(writer)).rejects.toThrow(/thread stopped/);
  });

  it('removes files, those already gone too', async () => {
    const d = await tmp();
    for (const n of ['a', 'b']) await writeFile(path.join(d, n), n);
    await writeFile(path.join(d, 'kept'), 'k');
    const t = new WriteThread(Worker);
    await t.remove([path.join(d, 'a'), path.join(d, 'gone'), path.join(d, 'b')]);
    expect(await readdir(d)).toEqual(['kept']);
  });

  it('a dying thread fails the AtomicWriter batch it held, which leaves nothing behind', async () => {
    class Dying extends Worker {
      constructor() {
        super('process.exit(3)', { eval: true });
      }
    }
    const d = await tmp();
    await writeFile(path.join(d, 'kept'), 'old');
    const w = new AtomicWriter({ threadAfter: 1, threads: [new WriteThread(Dying as unknown as typeof Worker)] });
    w.write(path.join(d, 'kept'), 'new'); // on the calling thread
    w.write(path.join(d, 'sub', 'a'), 'a'); // to the thread
    await expect(w.drain()).rejects.toThrow(/thread stopped/);
    expect((await readdir(d)).filter((n) => n !== 'sub')).toEqual(['kept']);
    expect(await readFile(path.join(d, 'kept'), 'utf8')).toBe('old');
  });
});

describe('WriteThread backlog', () => {
  // The real thread, asleep for its first half second: writes pile up behind it.
  class Sleepy extends Worker {
    constructor(source: string, options: WorkerOptions) {
      super(`Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);\n${source}`, options);
    }
  }

  it('is busy once 256 writes wait, and not once they are done', async () => {
    const d = await tmp();
    const t = new WriteThread(Sleepy as unknown as typeof Worker);
    const writer = t.register();
    for (let i = 0; i < 256; i++) {
      expect(t.busy()).toBe(false);
      t.write(writer, { temp: path.join(d, `.f${i}.1.00000000.tmp`), file: path.join(d, `f${i}`), data: 'x' });
    }
    expect(t.busy()).toBe(true);
    expect(await t.flush(writer)).toHaveLength(256);
    expect(t.busy()).toBe(false);
    expect((await readdir(d)).length).toBe(256);
  });

  it('AtomicWriter writes on its own thread what a busy thread cannot take, and puts all in place in order', async () => {
    const d = await tmp();
    const w = new AtomicWriter({ threadAfter: 0, threads: [new WriteThread(Sleepy as unknown as typeof Worker)] });
    for (let i = 0; i < 300; i++) w.write(path.join(d, 'f'), `version ${i}`);
    w.write(path.join(d, 'g'), 'g');
    expect(w.threadWrites).toBe(256);
    await w.drain();
    expect(await readFile(path.join(d, 'f'), 'utf8')).toBe('version 299');
    expect(await readdir(d)).toEqual(['f', 'g']);
  });
});

describe('AtomicWriter', () => {
  it('syncFailure() tells a missing or old `sync` and a killed one from a write-back error', () => {
    expect(syncFailure({ code: 'ENOENT', stderr: '' })).toBe('unsupported');
    expect(syncFailure({ code: 1, stderr: "sync: invalid option -- 'f'\nTry 'sync --help' for more information.\n" })).toBe('unsupported');
    expect(syncFailure({ code: 1, stderr: 'usage: sync\n' })).toBe('unsupported');
    expect(syncFailure({ code: null, signal: 'SIGINT', stderr: '' })).toBe('interrupted');
    expect(syncFailure({ code: 1, stderr: "sync: error syncing '/srv/usage/archive': Input/output error\n" })).toBe('failed');
    expect(syncFailure({ code: 1, stderr: '' })).toBe('failed');
  });

  it('syncFilesystems() flushes this machine\'s file system, or says it cannot', async () => {
    const d = await tmp();
    const r = await syncFilesystems([d]);
    expect(r).toBe(process.platform === 'linux' && process.env.KLIPING_SYNCFS !== '0');
  });
});

describe('SyncShell', () => {
  it('runs `sync -f` for each folder asked and reports its failures as a spawned one would', async () => {
    const d = await tmp();
    // A stand-in for `sync`, by the folder's name ($3, after -f --).
    const fake = path.join(d, 'fake-sync');
    await writeFile(
      fake,
      [
        '#!/bin/sh',
        'case "$3" in',
        '  */ok) exit 0 ;;',
        `  */eio) echo "sync: error syncing '$3': Input/output error" >&2; exit 1 ;;`,
        `  */old) echo "sync: invalid option -- 'f'" >&2; echo "Try 'sync --help' for more information." >&2; exit 1 ;;`,
        '  */killed) kill -INT $$ ;;',
        'esac',
        'exit 2',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const shell = (await SyncShell.start(fake))!;
    expect(await shell.sync(path.join(d, 'ok'))).toBeNull();
    const eio = (await shell.sync(path.join(d, 'eio')))!;
    expect(syncFailure(eio)).toBe('failed');
    expect(eio.stderr).toContain(`error syncing '${path.join(d, 'eio')}': Input/output error`);
    expect(syncFailure((await shell.sync(path.join(d, 'old')))!)).toBe('unsupported');
    expect(syncFailure((await shell.sync(path.join(d, 'killed')))!)).toBe('interrupted');
    expect(await shell.sync(path.join(d, 'ok'))).toBeNull();
    // A folder name it cannot pass on a line, and a shell that has ended: the caller spawns `sync` itself.
    await expect(shell.sync(`${d}/a\nb`)).rejects.toThrow();
    shell.close();
    await expect(shell.sync(path.join(d, 'ok'))).rejects.toThrow();
  });

  it('reports a missing `sync` as one it cannot use', async () => {
    const shell = (await SyncShell.start('/nonexistent/sync'))!;
    expect(syncFailure((await shell.sync(await tmp()))!)).toBe('unsupported');
    shell.close();
  });

  it('flushes a real folder with this machine\'s `sync`', async () => {
    const shell = (await SyncShell.start(['/usr/bin/sync', '/bin/sync'].find((p) => existsSync(p)) ?? 'sync'))!;
    expect(await shell.sync(await tmp())).toBeNull();
    shell.close();
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

describe('FsArchiveStore', () => {
  it('reads what it last committed, and a staged record only once committed (its cache follows the disk)', async () => {
    const { FsArchiveStore } = await import('../src/archive/fs-store.js');
    const { record } = await import('./feeds/fixtures.js');
    const d = await tmp();
    const store = new FsArchiveStore(d);
    const first = record({ published: '2024-05-01T10:00:00+07:00', title: 'Pertama' });
    expect(await store.read(first.path)).toBeNull();
    await store.writeRecord(first);
    await store.commit([first], []);
    expect((await store.read(first.path))?.title).toBe('Pertama');
    const edited = { ...first, title: 'Diubah' };
    await store.writeRecord(edited);
    // Staged, not committed: the store and the disk still hold the first version.
    expect((await store.read(first.path))?.title).toBe('Pertama');
    expect((await new FsArchiveStore(d).read(first.path))?.title).toBe('Pertama');
    await store.commit([edited], []);
    expect((await store.read(first.path))?.title).toBe('Diubah');
    expect((await new FsArchiveStore(d).read(first.path))?.title).toBe('Diubah');
    // A staged record dropped by discard() never reaches the disk or the cache.
    await store.writeRecord({ ...first, title: 'Dibuang' });
    await store.discard();
    await store.commit([], []);
    expect((await new FsArchiveStore(d).read(first.path))?.title).toBe('Diubah');
    expect((await readdir(path.join(d, '2024/05/01'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a probe finds a record on disk that no index lists, and sees what a commit put in its folder', async () => {
    const { FsArchiveStore } = await import('../src/archive/fs-store.js');
    const { record } = await import('./feeds/fixtures.js');
    const d = await tmp();
    const left = record({ published: '2024-05-01T10:00:00+07:00', title: 'Ditinggal' });
    // A record written by a run killed before its commit: on disk, in no manifest or key shard.
    await mkdir(path.join(d, '2024/05/01'), { recursive: true });
    await writeFile(path.join(d, `${left.path}.json`), JSON.stringify(left));
    const store = new FsArchiveStore(d);
    const other = record({ published: '2024-05-01T11:00:00+07:00', title: 'Lain' });
    expect(await store.read(other.path, { probe: true })).toBeNull(); // lists the folder
    expect((await store.read(left.path, { probe: true }))?.title).toBe('Ditinggal');
    expect(await store.read(`${other.path}-2`, { probe: true })).toBeNull();
    expect(await store.read('2024/05/02/none', { probe: true })).toBeNull(); // no such folder
    expect(await store.read('2024/06/01/none', { probe: true })).toBeNull(); // no such month
    expect(await store.read('2031/01/01/none', { probe: true })).toBeNull(); // no such year
    // A commit puts new records in listed folders: probes see them afterwards.
    const fresh = record({ published: '2024-05-02T09:00:00+07:00', title: 'Baru' });
    await store.writeRecord(other);
    await store.writeRecord(fresh);
    await store.commit([other, fresh], []);
    const again = new FsArchiveStore(d);
    expect(await again.read('2024/05/02/none', { probe: true })).toBeNull();
    // The store listed the month without 2024/05/02 before the commit, and forgot it at the commit.
    await writeFile(path.join(d, '2024/05/02/moved-in.json'), JSON.stringify({ ...fresh, path: '2024/05/02/moved-in' }));
    expect((await store.read('2024/05/02/moved-in', { probe: true }))?.title).toBe('Baru');
    expect((await again.read(fresh.path, { probe: true }))?.title).toBe('Baru');
    expect((await again.read(other.path, { probe: true }))?.title).toBe('Lain');
  });
});

describe('systemError()', () => {
  const fsError = (code: string, extra: object = {}): Error => Object.assign(new Error(`${code}: something`), { code, syscall: 'open', path: '/srv/kliping/feeds/rss.xml', ...extra });

  it('names the path and the fix for errors of the machine, not of kliping', async () => {
    const denied = systemError(fsError('EACCES'), TICK_STOPPED)!;
    expect(denied).toBeInstanceOf(KlipingError);
    expect(denied.exitCode).toBe(1);
    expect(denied.message).toBe(
      'Cannot open "/srv/kliping/feeds/rss.xml" (EACCES): permission denied. Let the user running kliping read and write there, or point the paths in the config elsewhere; nothing is lost: inputs leave the inbox only once archived, and the next run archives the rest',
    );
    // A command that takes no inputs says nothing about them.
    expect(systemError(fsError('EACCES'))!.message).toMatch(/point the paths in the config elsewhere$/);
    expect(systemError(fsError('ENOSPC'))!.message).toContain('no space left on the disk. Free some space and run again');
    expect(systemError(fsError('EXDEV', { syscall: 'rename', dest: '/b' }))).toBeNull();
    expect(systemError(fsError('EROFS', { syscall: 'rename', dest: '/srv/b' }))!.message).toMatch(/^Cannot rename "\/srv\/kliping\/feeds\/rss.xml" -> "\/srv\/b" \(EROFS\): the file system is read-only/);
    // A real one, from node:fs.
    const d = await tmp();
    await writeFile(path.join(d, 'file'), 'x');
    const real = await writeFile(path.join(d, 'file', 'below'), 'x').catch((e: unknown) => e);
    expect(systemError(real)!.message).toContain(`Cannot open ${JSON.stringify(path.join(d, 'file', 'below'))} (ENOTDIR)`);
  });

  it('leaves bugs as they are', () => {
    expect(systemError(new TypeError('x is undefined'))).toBeNull();
    expect(systemError(null)).toBeNull();
    expect(systemError('EACCES')).toBeNull();
  });
});
