/**
 * The temp file of one staged atomic write (see AtomicWriter). These two functions use nothing but
 * their arguments and globals (no imports, no outer names): the write thread runs their source
 * text (write-thread.ts), so the main thread and the thread share one implementation.
 */
import type * as Fs from 'node:fs';

/** The calls these functions make (node:fs, here or in the thread). */
type FsCalls = Pick<typeof Fs, 'statSync' | 'readFileSync' | 'openSync' | 'mkdirSync' | 'writeFileSync' | 'closeSync'>;

export interface TempWrite {
  readonly temp: string;
  readonly file: string;
  readonly data: string | Uint8Array;
  /** The caller knows `file` is not there: do not read it to compare. */
  readonly fresh: boolean;
}

/** `same`: `file` already held these bytes and no temp file was made. `parents`: see writeTempFile. */
export type TempOutcome = { readonly same: true } | { readonly same: false; readonly parents?: readonly string[] };

/**
 * True when `file` holds exactly `data` (read synchronously: the files compared are small). A
 * stat first: a missing file or another size needs no read, and throws no error to catch.
 */
export function sameBytesSync(fs: FsCalls, file: string, data: Uint8Array): boolean {
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st || st.size !== data.length) return false;
    return Buffer.compare(fs.readFileSync(file), data) === 0;
  } catch {
    return false;
  }
}

/**
 * Compare with the old bytes unless `fresh`; else create the temp file with 'wx' (its folder on
 * demand), write, close. `parents`: the folders that got an entry because the target's folder
 * was created, deepest first (they must be made durable too). Errors are thrown.
 */
export function writeTempFile(fs: FsCalls, path: { dirname(p: string): string }, same: typeof sameBytesSync, w: TempWrite): TempOutcome {
  const bytes = typeof w.data === 'string' ? Buffer.from(w.data, 'utf8') : w.data;
  if (!w.fresh && same(fs, w.file, bytes)) return { same: true };
  const dir = path.dirname(w.file);
  let fd: number;
  let parents: string[] | undefined;
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
    fs.writeFileSync(fd, bytes);
  } finally {
    fs.closeSync(fd);
  }
  return parents ? { same: false, parents } : { same: false };
}
