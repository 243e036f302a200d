/**
 * Atomic file writes. Hand-written instead of fs-extra (whose outputFile/move let a reader see
 * a truncated or missing file) or write-file-atomic (whose temp names are not hidden and which
 * does not fsync the folder): a hidden temp file in the same folder, fsync, rename, fsync of
 * the folder. Leftover temp files of a killed run match TEMP_PATTERN and are removed by
 * removeStaleTemps().
 */
// fs.promises rather than node:fs/promises: it loads on first use. The quiet tick (dist/main.js)
// bundles this file but makes no asynchronous fs call, and loading it cost ~2 ms of ~31.
import * as fs from 'node:fs';
import { existsSync, promises as fsp, renameSync, statfsSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { KlipingError } from '../domain/errors.js';
import { writeThreads, type WriteThread } from './write-thread.js';
import { sameBytesSync, writeTempFile } from './temp-file.js';

/** Names of our temp files: `.<target>.<pid>.<random>.tmp`. */
export const TEMP_PATTERN = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Eight hex digits for a temp name. Not node:crypto (~5 ms to load on every cron start): the
 * name only has to differ from a concurrent writer's, and open(..., 'wx') refuses a clash.
 */
function randomSuffix(): string {
  return Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
}

export interface WriteResult {
  /** False when the file already had these exact bytes and was left alone. */
  readonly written: boolean;
}

/** fsync a folder (opened read-only) or a file (opened for writing, as some systems require). */
async function fsyncPath(p: string, flags: 'r' | 'r+'): Promise<void> {
  const fh = await fsp.open(p, flags);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

const fsyncDir = (dir: string): Promise<void> => fsyncPath(dir, 'r');

/**
 * Write `data` to `file` so that a reader sees the old file or the new one, never a part.
 * With `ifChanged`, a file that already holds these bytes is not touched (mtime, inode kept).
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: {
    ifChanged?: boolean;
    /** fsync the folder after the rename (default true). A batch that syncs its folders itself turns it off. */
    syncDir?: boolean;
  } = {},
): Promise<WriteResult> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (options.ifChanged && sameBytesSync(fs, file, bytes)) return { written: false };
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomSuffix()}.tmp`);
  let fh;
  let created: string | undefined;
  try {
    fh = await fsp.open(temp, 'wx', 0o644);
  } catch (e) {
    // The folder is created only when missing: a mkdir before every write cost more than the
    // writes themselves when a publish writes thousands of pages.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    created = await fsp.mkdir(dir, { recursive: true });
    fh = await fsp.open(temp, 'wx', 0o644);
  }
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await fsp.unlink(temp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  try {
    await fsp.rename(temp, file);
  } catch (e) {
    await fsp.unlink(temp).catch(() => undefined);
    throw e;
  }
  if (options.syncDir !== false) {
    await fsyncDir(dir);
    // Folders made for this file are entries of their parents: those must be durable too.
    if (created) {
      for (let d = dir; d !== created && path.dirname(d) !== d; d = path.dirname(d)) await fsyncDir(path.dirname(d));
      await fsyncDir(path.dirname(created));
    }
  }
  return { written: true };
}

/** Remove temp files left in `dir` by a killed writer. Returns the names removed. */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!TEMP_PATTERN.test(name)) continue;
    // A live writer's temp (ours, this process) is not stale.
    if (name.includes(`.${process.pid}.`)) continue;
    await fsp.unlink(path.join(dir, name)).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/**
 * Find temp files left below `root` by killed writers (every folder, hidden ones too). With
 * `remove`, delete them. Only called under the archive lock after a dead holder's lock was
 * recovered, or by `kliping verify`: no live writer can own them then.
 */
export async function findStaleTempsTree(root: string, options: { remove?: boolean } = {}): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (TEMP_PATTERN.test(e.name) && !e.name.includes(`.${process.pid}.`)) {
        found.push(p);
        if (options.remove) await fsp.unlink(p).catch(() => undefined);
      }
    }
  };
  await walk(root);
  return found.sort();
}

/** Make `dir`'s entries durable after a rename or unlink in it. */
export { fsyncDir };

/** Batches smaller than this fsync each file: starting `sync` costs more than a few fsyncs. */
export const SYNCFS_MIN_FILES = 16;
/** Per-file fsyncs in flight at once (when syncfs is not used); parallel ones overlap. */
const FSYNC_CONCURRENCY = 8;

let syncfsUsable: boolean | null = null;
/** A folder per file system, by the list of folders it was found for (see syncFilesystems()). */
const devicesOf = new WeakMap<readonly string[], Map<number, string>>();
let syncCommand: string | undefined;

/**
 * File systems whose syncfs(2) writes everything back and reports errors (statfs f_type):
 * ext2/3/4, XFS, Btrfs, F2FS, tmpfs and overlayfs (it syncs its upper layer). Not FUSE (before
 * Linux 5.15, or with a daemon without FUSE_SYNCFS, syncfs returns 0 having synced nothing),
 * not network file systems: those get an fsync per file.
 */
const SYNCFS_FILESYSTEMS = new Set([0xef53, 0x58465342, 0x9123683e, 0xf2f52010, 0x01021994, 0x794c7630]);

/** Linux 5.8 is the first whose syncfs reports writeback errors. */
function kernelReportsSyncfsErrors(release: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(release);
  return m !== null && (Number(m[1]) > 5 || (Number(m[1]) === 5 && Number(m[2]) >= 8));
}

/**
 * What a failed `sync -f` means: `unsupported` (no such command, or one without -f: use fsync
 * from now on), `interrupted` (killed by a signal, e.g. Ctrl-C or systemd stopping the service:
 * fsync this batch instead) or `failed` (it reported an error writing back: the batch is not
 * durable). Only the start of a message is matched: a folder named "usage" is not a usage error.
 */
export function syncFailure(e: { code?: unknown; signal?: unknown; stderr: string }): 'unsupported' | 'interrupted' | 'failed' {
  if (e.code === 'ENOENT' || e.code === 'EACCES') return 'unsupported';
  if (typeof e.signal === 'string' && e.signal !== '') return 'interrupted';
  if (/^(?:sync: (?:invalid|unrecognized|illegal|unknown) option|usage:)/im.test(e.stderr)) return 'unsupported';
  return 'failed';
}

/**
 * Flush the file systems holding `dirs` with syncfs(2), through coreutils' `sync -f` (Node has
 * no binding for it). One syncfs makes a whole batch durable: on this project's 2-core test
 * machine, 2,000 new 3 KB files took ~110 ms this way against ~700 ms with one fsync each
 * (`npm run bench`, ingest). PostgreSQL offers the same trade (recovery_init_sync_method=syncfs).
 * Returns false when syncfs cannot be trusted here (not Linux 5.8+, a file system not in
 * SYNCFS_FILESYSTEMS, no `sync` or one without -f, `sync` killed, KLIPING_SYNCFS=0): the
 * caller then fsyncs each file. A write-back error syncfs reports is thrown.
 */
export async function syncFilesystems(dirs: readonly string[]): Promise<boolean> {
  if (syncfsUsable === null) {
    const { release } = await import('node:os');
    syncfsUsable = process.platform === 'linux' && process.env.KLIPING_SYNCFS !== '0' && kernelReportsSyncfsErrors(release());
  }
  if (!syncfsUsable || dirs.length === 0) return false;
  // One folder per file system is enough; each must be one whose syncfs can be trusted. The
  // same list is flushed before and after a batch's renames: its folders are looked at once.
  let byDevice = devicesOf.get(dirs);
  if (!byDevice) {
    byDevice = new Map<number, string>();
    for (const d of dirs) {
      let st;
      try {
        st = statSync(d, { throwIfNoEntry: false });
      } catch {
        continue; // cannot be looked at: left out, as a folder that is gone
      }
      if (!st || byDevice.has(st.dev)) continue; // gone: nothing of ours to flush there
      if (!SYNCFS_FILESYSTEMS.has(statfsSync(d).type)) return false;
      byDevice.set(st.dev, d);
    }
    devicesOf.set(dirs, byDevice);
  }
  if (byDevice.size === 0) return true;
  // An absolute path spares a walk through PATH (an exec attempt per folder in it).
  syncCommand ??= ['/usr/bin/sync', '/bin/sync'].find((p) => existsSync(p)) ?? 'sync';
  let error: SyncError | null = null;
  for (const dir of byDevice.values()) {
    const shell = await syncHelper(syncCommand);
    const answer = shell ? await shell.sync(dir).catch(() => undefined) : undefined;
    error = answer === undefined ? await runSyncCommand(syncCommand, dir) : answer;
    if (error) break;
  }
  if (!error) return true;
  const kind = syncFailure(error);
  if (kind === 'unsupported') syncfsUsable = false;
  if (kind !== 'failed') return false;
  throw new KlipingError(
    'ARCHIVE',
    `Could not make written files durable (sync -f: ${error.stderr.trim() || `exit ${String(error.code)}`}): check the disk and free space (dmesg), then run the command again`,
  );
}

type SyncError = { code: unknown; signal: unknown; stderr: string };

/** `sync -f -- dir` in a process of its own; null when it succeeded. */
async function runSyncCommand(command: string, dir: string): Promise<SyncError | null> {
  const { spawn } = await import('node:child_process');
  return new Promise<SyncError | null>((resolve) => {
    // Detached: a Ctrl-C in the terminal reaches kliping (which finishes its tick), not `sync`.
    const child = spawn(command, ['-f', '--', dir], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) => resolve({ code: e.code, signal: null, stderr }));
    child.on('close', (code, signal) => resolve(code === 0 ? null : { code, signal, stderr }));
  });
}

/**
 * A shell that runs `sync -f` for this process, one folder a line, answering with the exit
 * status and what it printed. Starting `sync` from Node costs the main thread a fork of the
 * whole process (~4.5 ms at ~150 MB, ten times in a tick archiving 1,000 articles); a line to
 * this shell costs next to nothing, and the shell's own fork is small. It ends when kliping
 * does (its input closes). Detached, like a single `sync`: a Ctrl-C reaches kliping, not it.
 */
const SYNC_LOOP = `while IFS= read -r d; do if out=$("$0" -f -- "$d" 2>&1 >/dev/null); then echo 0; else rc=$?; printf '%s %s\\n' "$rc" "$(printf '%s' "$out" | tr '\\n' ' ')"; fi; done`;

export class SyncShell {
  private readonly waiting: ((line: string | null) => void)[] = [];
  private buffer = '';
  private dead = false;

  constructor(private readonly child: import('node:child_process').ChildProcessByStdio<import('node:stream').Writable, import('node:stream').Readable, null>) {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      this.buffer += d;
      for (let nl = this.buffer.indexOf('\n'); nl !== -1; nl = this.buffer.indexOf('\n')) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        this.waiting.shift()?.(line);
        if (this.waiting.length === 0) this.idle();
      }
    });
    const die = (): void => {
      this.dead = true;
      if (helper === this) helper = null;
      for (const w of this.waiting.splice(0)) w(null);
    };
    child.on('error', die);
    child.on('close', die);
    child.stdin.on('error', die);
    this.idle();
  }

  /** A shell running `command` (a `sync`) for each folder asked; null when it cannot start. */
  static async start(command: string): Promise<SyncShell | null> {
    try {
      const { spawn } = await import('node:child_process');
      return new SyncShell(spawn('/bin/sh', ['-c', SYNC_LOOP, command], { detached: true, stdio: ['pipe', 'pipe', 'ignore'] }));
    } catch {
      return null;
    }
  }

  /** Let kliping exit while nothing is asked of the shell. */
  private idle(): void {
    this.child.unref();
    (this.child.stdout as unknown as { unref(): void }).unref();
    (this.child.stdin as unknown as { unref(): void }).unref();
  }

  /** End the shell (it finishes what it was asked first). */
  close(): void {
    this.child.stdin.end();
  }

  /** `sync -f -- dir`: null when it succeeded; rejects when the shell cannot answer (the caller spawns `sync` itself). */
  sync(dir: string): Promise<SyncError | null> {
    if (this.dead || dir.includes('\n')) return Promise.reject(new Error('no sync shell'));
    return new Promise((resolve, reject) => {
      this.waiting.push((line) => {
        const m = line === null ? null : /^(\d+)(?: (.*))?$/.exec(line);
        if (!m) return reject(new Error('the sync shell stopped'));
        const rc = Number(m[1]);
        if (rc === 0) return resolve(null);
        // As spawn() reports them: not found, not executable, killed by a signal, failed.
        const stderr = m[2] ?? '';
        if (rc === 127) return resolve({ code: 'ENOENT', signal: null, stderr });
        if (rc === 126) return resolve({ code: 'EACCES', signal: null, stderr });
        if (rc > 128) return resolve({ code: null, signal: `signal ${rc - 128}`, stderr });
        resolve({ code: rc, signal: null, stderr });
      });
      this.child.ref();
      (this.child.stdout as unknown as { ref(): void }).ref();
      this.child.stdin.write(`${dir}\n`);
    });
  }
}

let helper: SyncShell | null = null;
let helperTried = false;

/** The process's sync shell, started on first use (once); null when it could not start or died. */
async function syncHelper(command: string): Promise<SyncShell | null> {
  if (helperTried || process.env.KLIPING_SYNC_SHELL === '0') return helper;
  helperTried = true;
  helper = await SyncShell.start(command);
  return helper;
}

async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Staged writes after which a writer hands the rest to the write threads (see write-thread.ts). */
export const THREAD_AFTER = 64;

interface Staged {
  readonly temp: string;
  readonly file: string;
  /** What `written` records for it (null: nothing). */
  readonly name: string | null;
  /** The write thread it was handed to (its outcome known at drain()); none: written here. */
  readonly thread?: number;
  /** Folders that got an entry because the write created the target's folder. */
  parents?: readonly string[];
}

/**
 * Many atomic writes as one batch. write() puts the bytes in a hidden temp file beside the
 * target at once (synchronously: nothing waits in memory, and handing each small write to libuv's
 * thread pool measured no faster); drain() makes every temp file durable, renames them into
 * place in the order they were written, and makes the renames durable. A batch of at least
 * SYNCFS_MIN_FILES is flushed with one syncfs instead of an fsync per file.
 *
 * From the THREAD_AFTER-th write of a batch on, the temp files are written by the process's
 * write threads instead (write-thread.ts; a folder's files all by one), while the caller goes
 * on; drain() waits for them first. Small batches (a tick with a few new articles) never start
 * them.
 *
 * Until drain() resolves, readers still see the old files (or none); a killed run leaves temp
 * files that removeStaleTemps()/findStaleTempsTree() take away. A file whose bytes are already
 * these is left alone (mtime and inode kept).
 */
export class AtomicWriter {
  private pending: Staged[] = [];
  private readonly syncfs: (dirs: readonly string[]) => Promise<boolean>;
  private readonly fsync: (path: string, flags: 'r' | 'r+') => Promise<void>;
  private readonly threadAfter: number;
  private readonly pool: readonly WriteThread[] | undefined;
  private threads: { pipe: WriteThread; writer: number }[] | null = null;
  /** Writes handed to the write threads so far (tests check they are used). */
  threadWrites = 0;
  private failure: unknown = null;
  /** Names of files whose bytes changed, in the order they were written (filled by drain()). */
  readonly written: string[] = [];

  /**
   * `syncfs` replaces syncFilesystems() (it returns false when it cannot flush) and `fsync` the
   * fsync of one file ('r+') or folder ('r'): tests watch them. `threadAfter` replaces
   * THREAD_AFTER (0: every write goes to the thread; Infinity: none), `threads` the process's
   * write threads (writeThreads()).
   */
  constructor(
    options: {
      syncfs?: (dirs: readonly string[]) => Promise<boolean>;
      fsync?: (path: string, flags: 'r' | 'r+') => Promise<void>;
      threadAfter?: number;
      threads?: readonly WriteThread[];
    } = {},
  ) {
    this.pool = options.threads;
    this.syncfs = options.syncfs ?? syncFilesystems;
    this.fsync = options.fsync ?? fsyncPath;
    this.threadAfter = options.threadAfter ?? THREAD_AFTER;
  }

  /** Files written (or being written by a thread) but not yet in place. */
  get size(): number {
    return this.pending.length;
  }

  /**
   * Stage a write; `name` is what `written` records for it (default: the path; null: not
   * recorded). `fresh`: the caller knows the file is not there, so its old bytes are not read.
   * Errors are thrown by drain().
   */
  write(file: string, data: string | Uint8Array, name: string | null = file, options: { fresh?: boolean } = {}): void {
    if (this.failure) return;
    // Compared here, before a thread is asked: a full publish renders every page again, mostly
    // the same bytes, and copying those to a thread only to compare them there cost memory.
    if (!options.fresh && sameBytesSync(fs, file, data)) return;
    const dir = path.dirname(file);
    const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomSuffix()}.tmp`);
    if (!this.threads && this.pending.length >= this.threadAfter) {
      this.threads = (this.pool ?? writeThreads())?.map((pipe) => ({ pipe, writer: pipe.register() })) ?? null;
    }
    if (this.threads) {
      // One folder's files go to one thread: two creating files in one folder wait on each other.
      const thread = folderHash(dir) % this.threads.length;
      const t = this.threads[thread]!;
      // A thread that is behind gets no more: this one is written here (memory stays bounded).
      if (!t.pipe.busy()) {
        // Bytes that are a view of a bigger buffer are copied: the message would clone all of it.
        const payload = typeof data === 'string' || data.byteLength === data.buffer.byteLength ? data : data.slice();
        t.pipe.write(t.writer, { temp, file, data: payload });
        this.pending.push({ temp, file, name, thread });
        this.threadWrites++;
        return;
      }
    }
    const staged: Staged = { temp, file, name };
    this.pending.push(staged);
    try {
      const parents = writeTempFile(fs, path, { temp, file, data });
      if (parents) staged.parents = parents;
    } catch (e) {
      this.failure = e; // drain() removes the temp files of the batch
    }
  }

  /** What the threads did with this batch's writes, put on their entries; the first error thrown. */
  private async collect(batch: readonly Staged[]): Promise<void> {
    if (!batch.some((s) => s.thread !== undefined)) return;
    const results = await Promise.all(this.threads!.map((t) => t.pipe.flush(t.writer)));
    const next = results.map(() => 0);
    let error: Error | null = null;
    for (const s of batch) {
      if (s.thread === undefined) continue;
      const r = results[s.thread]![next[s.thread]!++];
      if (!r) throw new Error('the file-writing thread lost a write');
      // On an error its temp file may exist too: the caller removes every temp file of the batch.
      if ('error' in r) error ??= Object.assign(new Error(r.error.message), { code: r.error.code });
      else if (r.parents) s.parents = r.parents;
    }
    if (error) throw error;
  }

  /** Drop every staged write: remove its temp file, leave the target as it was. */
  async discard(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.failure = null;
    // The threads may still be writing some of them: wait, whatever became of them.
    if (batch.some((s) => s.thread !== undefined)) await Promise.all(this.threads!.map((t) => t.pipe.flush(t.writer).catch(() => undefined)));
    removeTemps(batch);
  }

  /** Make every staged write durable and put it in place; throws the first failure. */
  async drain(): Promise<void> {
    let batch = this.pending;
    this.pending = [];
    const failure = this.failure;
    this.failure = null;
    try {
      await this.collect(batch);
      if (failure) throw failure;
      if (batch.length === 0) return;
      // Folders in the order first written to: with an fsync per folder, a folder's entries
      // become durable no later than those of folders written after it (a month's manifest
      // before the key shards that commit it, a month's pages before its cache).
      const dirSet = new Set<string>();
      for (const s of batch) {
        if (s.parents) for (const p of s.parents) dirSet.add(p);
        dirSet.add(path.dirname(s.file));
        if (s.name !== null) this.written.push(s.name);
      }
      const dirs = [...dirSet];
      const viaSyncfs = batch.length >= SYNCFS_MIN_FILES && (await this.syncfs(dirs));
      if (!viaSyncfs) await pool(batch, FSYNC_CONCURRENCY, (p) => this.fsync(p.temp, 'r+'));
      for (const p of batch) renameSync(p.temp, p.file);
      batch = [];
      if (!(viaSyncfs && (await this.syncfs(dirs)))) for (const d of dirs) await this.fsync(d, 'r');
    } catch (e) {
      removeTemps(batch);
      throw e;
    }
  }
}

/** A cheap hash of a folder name (FNV-1a), to pick its write thread. */
function folderHash(dir: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < dir.length; i++) h = Math.imul(h ^ dir.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function removeTemps(batch: readonly Staged[]): void {
  for (const s of batch) {
    try {
      unlinkSync(s.temp);
    } catch {
      /* never written, renamed already, or gone */
    }
  }
}
