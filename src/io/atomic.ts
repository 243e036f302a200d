/**
 * Atomic file writes. Hand-written instead of fs-extra (whose outputFile/move let a reader see
 * a truncated or missing file) or write-file-atomic (whose temp names are not hidden and which
 * does not fsync the folder): a hidden temp file in the same folder, fsync, rename, fsync of
 * the folder. Leftover temp files of a killed run match TEMP_PATTERN and are removed by
 * removeStaleTemps().
 */
import { open, rename, readFile, readdir, unlink, mkdir } from 'node:fs/promises';
import path from 'node:path';

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

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function sameBytes(file: string, data: Uint8Array): Promise<boolean> {
  try {
    const old = await readFile(file);
    return old.length === data.length && Buffer.compare(old, data) === 0;
  } catch {
    return false;
  }
}

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
  if (options.ifChanged && (await sameBytes(file, bytes))) return { written: false };
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomSuffix()}.tmp`);
  let fh;
  try {
    fh = await open(temp, 'wx', 0o644);
  } catch (e) {
    // The folder is created only when missing: a mkdir before every write cost more than the
    // writes themselves when a publish writes thousands of pages.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    await mkdir(dir, { recursive: true });
    fh = await open(temp, 'wx', 0o644);
  }
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  try {
    await rename(temp, file);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  if (options.syncDir !== false) await fsyncDir(dir);
  return { written: true };
}

/** Remove temp files left in `dir` by a killed writer. Returns the names removed. */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!TEMP_PATTERN.test(name)) continue;
    // A live writer's temp (ours, this process) is not stale.
    if (name.includes(`.${process.pid}.`)) continue;
    await unlink(path.join(dir, name)).catch(() => undefined);
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
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (TEMP_PATTERN.test(e.name) && !e.name.includes(`.${process.pid}.`)) {
        found.push(p);
        if (options.remove) await unlink(p).catch(() => undefined);
      }
    }
  };
  await walk(root);
  return found.sort();
}

/** Make `dir`'s entries durable after a rename or unlink in it. */
export { fsyncDir };

/**
 * Many atomic writes at once: up to `concurrency` in flight (an fsync costs ~0.5 ms here and
 * parallel ones overlap), each folder fsynced once at drain() instead of after every file.
 * Until drain() resolves, a write may not be durable yet; readers still only ever see whole
 * files.
 */
export class AtomicWriter {
  private readonly queue: (() => Promise<void>)[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly dirs = new Set<string>();
  private failure: unknown = null;
  /** Files whose bytes changed, in the order their writes finished. */
  readonly written: string[] = [];

  constructor(private readonly concurrency = 8) {}

  /** Queue a write; `name` is what `written` records for it (default: the path). */
  write(file: string, data: string | Uint8Array, name = file): void {
    this.queue.push(async () => {
      const r = await writeFileAtomic(file, data, { ifChanged: true, syncDir: false });
      if (r.written) {
        this.written.push(name);
        this.dirs.add(path.dirname(file));
      }
    });
    this.pump();
  }

  private pump(): void {
    while (this.running.size < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      const p: Promise<void> = job()
        .catch((e: unknown) => {
          this.failure ??= e;
        })
        .finally(() => {
          this.running.delete(p);
          this.pump();
        });
      this.running.add(p);
    }
  }

  /** Wait for every queued write, fsync the folders written to, and throw the first failure. */
  async drain(): Promise<void> {
    while (this.running.size > 0 || this.queue.length > 0) await Promise.race(this.running);
    if (this.failure) throw this.failure;
    for (const dir of [...this.dirs].sort()) await fsyncDir(dir);
    this.dirs.clear();
  }
}
