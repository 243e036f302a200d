/**
 * The inbox folder: files dropped by a scraper or a person. A file is taken only when it looks
 * finished, leaves only after it is durably archived, and goes to `failed/` with a note when it
 * cannot be used.
 */
import { stat, rename, mkdir } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { KlipingError } from '../domain/errors.js';
import { fsyncDir, writeFileAtomic } from '../io/atomic.js';
import { startedWriteThreads, type WriteThread } from '../io/write-thread.js';

export const FAILED_DIR = 'failed';

export interface InboxFile {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface InboxListing {
  readonly ready: InboxFile[];
  /** Names skipped this tick and why (still being written, temporary). */
  readonly skipped: { name: string; why: string }[];
}

/**
 * Files in `dir` ready to be taken at `nowMs`, oldest name first. `firstReady`: stop at the
 * first (`skipped` then has only the names before it).
 */
export async function listInbox(dir: string, nowMs: number, settleSeconds: number, options: { firstReady?: boolean } = {}): Promise<InboxListing> {
  let names: string[];
  try {
    names = readdirSync(dir); // sync: see quiet.ts
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KlipingError('CONFIG', `Cannot read inbox ${JSON.stringify(dir)}: directory does not exist: create it or set paths.inbox`);
    }
    throw e;
  }
  const ready: InboxFile[] = [];
  const skipped: { name: string; why: string }[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || name === FAILED_DIR) continue;
    if (/\.(?:tmp|part|crdownload|swp)$|~$/i.test(name)) {
      skipped.push({ name, why: 'temporary file' });
      continue;
    }
    const p = path.join(dir, name);
    let st;
    try {
      st = statSync(p); // sync: one thread-pool round trip per file was most of a large listing
    } catch {
      continue; // gone between readdir and stat
    }
    if (!st.isFile()) {
      if (st.isDirectory()) skipped.push({ name, why: 'a folder (only files directly in the inbox are taken)' });
      continue;
    }
    // Both ways: a writer sets mtime to now; an mtime far in the future (copied with its times
    // from a host whose clock is ahead) is not a file being written and must not wait forever.
    if (Math.abs(nowMs - st.mtimeMs) < settleSeconds * 1000) {
      skipped.push({ name, why: `modified less than ${settleSeconds}s ago (may still be being written)` });
      continue;
    }
    ready.push({ name, path: p, size: st.size, mtimeMs: st.mtimeMs });
    if (options.firstReady) break;
  }
  return { ready, skipped };
}

export type InboxRead =
  | { readonly kind: 'ok'; readonly bytes: Uint8Array }
  /** Removed or renamed since it was listed: someone else took it. */
  | { readonly kind: 'gone' }
  /** Its size or mtime moved since it was listed: still being written, taken on a later tick. */
  | { readonly kind: 'changed' }
  | { readonly kind: 'error'; readonly message: string };

/** Read a listed file, noticing when it is gone or changed under us. */
export async function readInboxFile(file: InboxFile): Promise<InboxRead> {
  try {
    // Sync: an inbox file is small (inbox.maxBytes) and read once; four thread-pool round trips
    // per file were most of the time a large inbox took to read.
    const bytes = readFileSync(file.path);
    const st = statSync(file.path);
    if (bytes.length !== file.size || st.size !== file.size || st.mtimeMs !== file.mtimeMs) return { kind: 'changed' };
    return { kind: 'ok', bytes };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { kind: 'gone' };
    return { kind: 'error', message: err.code ?? err.message };
  }
}

/** Inputs removed by the write threads, when the process has them, from this many on. */
const REMOVE_IN_THREADS = 64;

/**
 * Remove archived inputs from the inbox, then make that durable. A big batch's files are
 * removed by the write threads (io/write-thread.ts) when this process has started them: the
 * caller publishes meanwhile and awaits the promise before its tick ends (1,000 unlinks held
 * the main thread ~70 ms on this project's ext4 test disk).
 */
export async function removeTaken(
  dir: string,
  files: readonly InboxFile[],
  /** The threads to use (tests); the process's write threads by default. */
  started: readonly WriteThread[] | null = startedWriteThreads(),
): Promise<void> {
  if (files.length === 0) return;
  const threads = files.length >= REMOVE_IN_THREADS ? started : null;
  let inThreads = false;
  if (threads) {
    const paths = files.map((f) => f.path);
    const share = Math.ceil(paths.length / threads.length);
    inThreads = await Promise.all(threads.map((t, i) => t.remove(paths.slice(i * share, (i + 1) * share)))).then(
      () => true,
      () => false, // a thread died: the rest is removed here
    );
  }
  if (!inThreads) {
    for (const f of files) {
      try {
        unlinkSync(f.path); // sync: a thread-pool round trip per file cost more than the unlink
      } catch {
        /* gone already */
      }
    }
  }
  await fsyncDir(dir);
}

/** Move an unusable input to `failed/` with `<name>.error.txt` saying why and what to do. */
export async function moveToFailed(dir: string, file: InboxFile, message: string, nowIso: string): Promise<string> {
  const failed = path.join(dir, FAILED_DIR);
  await mkdir(failed, { recursive: true });
  let target = path.join(failed, file.name);
  for (let n = 2; await exists(target); n++) target = path.join(failed, `${n}-${file.name}`);
  await writeFileAtomic(
    `${target}.error.txt`,
    `${nowIso}\n${message}\n\nFix the file and move it back into the inbox to try again.\n`,
  );
  await rename(file.path, target);
  await fsyncDir(dir);
  return target;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
