/**
 * The temp file of one staged atomic write (see AtomicWriter). writeTempFile() uses nothing but
 * its arguments and globals (no imports, no outer names): the write threads run its source text
 * (write-thread.ts), so the main thread and the threads share one implementation.
 */
import type * as Fs from 'node:fs';

/** The calls these functions make (node:fs, here or in a thread). */
type FsCalls = Pick<typeof Fs, 'statSync' | 'readFileSync' | 'openSync' | 'mkdirSync' | 'writeFileSync' | 'closeSync'>;

export interface TempWrite {
  readonly temp: string;
  readonly file: string;
  readonly data: string | Uint8Array;
}

/**
 * True when `file` holds exactly `data` (read synchronously: the files compared are small). Its
 * size first: a missing file or another size needs no read (and no UTF-8 encoding of `data`).
 */
export function sameBytesSync(fs: FsCalls, file: string, data: string | Uint8Array): boolean {
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st || st.size !== (typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length)) return false;
    return Buffer.compare(fs.readFileSync(file), typeof data === 'string' ? Buffer.from(data, 'utf8') : data) === 0;
  } catch {
    return false;
  }
}

/**
 * Create the temp file with 'wx' (its folder on demand), write, close. Returns the folders that
 * got an entry because the target's folder was created, deepest first (they must be made
 * durable too), or null. Errors are thrown.
 */
export function writeTempFile(fs: FsCalls, path: { dirname(p: string): string }, w: TempWrite): string[] | null {
  const dir = path.dirname(w.file);
  let fd: number;
  let parents: string[] | null = null;
  try {
    fd = fs.openSync(w.temp, 'wx', 0o644);
  } catch (e) {
    // The folder is made only when missing: a mkdir before every write cost more than the
    // writes themselves when a publish writes thousands of pages.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const first = fs.mkdirSync(dir, { recursive: true });
    if (first) {
      parents = [];
      for (let d = dir; ; d = path.dirname(d)) {
        parents.push(path.dirname(d));
        if (d === first || path.dirname(d) === d) break;
      }
    }
    fd = fs.openSync(w.temp, 'wx', 0o644);
  }
  try {
    // A string is written as it is (UTF-8): Node encodes it without a Buffer in between, ~4 µs
    // a write less than Buffer.from() (4,000 writes of 6.5 KB: 60-63 ms against 74-83 ms).
    fs.writeFileSync(fd, w.data);
  } finally {
    fs.closeSync(fd);
  }
  return parents;
}
