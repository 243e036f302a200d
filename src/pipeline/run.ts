/**
 * The job: collect -> clean -> archive -> publish. `kliping run`, `kliping ingest` and every
 * scheduler tick go through runJob(); the world (clock, paths) comes in through `deps`.
 */
import path from 'node:path';
import { stat, readFile, readdir, unlink } from 'node:fs/promises';
import type { ArticleRecord } from '../domain/types.js';
import { InputError, KlipingError } from '../domain/errors.js';
import { formatInZone } from '../domain/time.js';
import type { Config } from '../config/schema.js';
import { createCleaner, type Cleaner } from '../clean/index.js';
import { FsArchiveStore } from '../archive/fs-store.js';
import type { ArchiveStore } from '../archive/store.js';
import { acquireLock, type Lock } from '../io/lock.js';
import { findStaleTempsTree } from '../io/atomic.js';
import { FAILED_DIR, listInbox, moveToFailed, readInboxFile, removeTaken, type InboxFile } from '../sources/inbox.js';
import { archiveArticle, Batch, type Outcome } from './archive-article.js';
import { prepare, type RawInput } from './prepare.js';
import { mediaTypeOf, readInput } from './read-input.js';
import { publish } from './publish.js';

export interface JobDeps {
  readonly config: Config;
  /** Folder that relative config paths are resolved against. */
  readonly cwd: string;
  readonly now: () => number;
}

export interface ItemReport {
  readonly input: string;
  readonly outcome: Outcome | 'failed';
  readonly path?: string;
  readonly id?: string;
  readonly error?: string;
  /** Where a failed inbox input was moved. */
  readonly movedTo?: string;
}

export interface JobReport {
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  items: ItemReport[];
  skipped: { name: string; why: string }[];
  published: string[];
  feedItems: number;
  durationMs: number;
  /** Set when this tick took over the lock of a run that died, and what it cleaned up. */
  recovered: string | null;
}

export function resolvePaths(deps: JobDeps): { inbox: string; archive: string; feeds: string } {
  const p = deps.config.paths;
  return {
    inbox: path.resolve(deps.cwd, p.inbox),
    archive: path.resolve(deps.cwd, p.archive),
    feeds: path.resolve(deps.cwd, p.feeds),
  };
}

export function cleanerFor(config: Config): Cleaner {
  return createCleaner({ add: config.rules.add, disable: config.rules.disable });
}

function emptyReport(): JobReport {
  return { new: 0, updated: 0, unchanged: 0, failed: 0, items: [], skipped: [], published: [], feedItems: 0, durationMs: 0, recovered: null };
}

/** Read, clean and archive one input into `batch`. */
async function ingestOne(
  store: ArchiveStore,
  batch: Batch,
  cleaner: Cleaner,
  deps: JobDeps,
  input: RawInput,
): Promise<{ outcome: Outcome; record: ArticleRecord }> {
  const { config } = deps;
  if (input.bytes.length > config.inbox.maxBytes) {
    throw new KlipingError('INPUT', `${JSON.stringify(input.name)}: the file is ${input.bytes.length} bytes, over inbox.maxBytes (${config.inbox.maxBytes}): raise the limit in the config or split the file`);
  }
  const nowMs = deps.now();
  let draft;
  try {
    const extracted = await readInput(input);
    ({ draft } = prepare(input, extracted, cleaner, { timeZone: config.timeZone, language: config.site.language, nowMs }));
  } catch (e) {
    // Reading and cleaning touch nothing on disk: an unexpected error there is a bug triggered
    // by this input, and must not stop the inbox behind it from being taken, tick after tick.
    if (e instanceof KlipingError) throw e;
    throw new InputError(input.name, `kliping failed on this file (internal error: ${(e as Error)?.message ?? String(e)}): this is a bug, please report it with the file`);
  }
  return archiveArticle(store, batch, input, draft, formatInZone(nowMs, config.timeZone));
}

interface Collected {
  readonly input: RawInput;
  /** Set for inbox files: they leave the inbox once archived, or go to failed/. */
  readonly inboxFile?: InboxFile;
}

export function lockFile(archiveDir: string): string {
  return path.join(archiveDir, '.kliping', 'lock');
}

/**
 * After a run died holding the lock, remove what it may have left half-done: hidden temp files
 * of atomic writes (archive, feeds, inbox/failed) and the aside copy of a lock being recovered.
 * Records, raw files and inputs are never touched: an unfinished input is still in the inbox.
 */
export async function cleanUpAfterDeadRun(deps: JobDeps): Promise<string[]> {
  const paths = resolvePaths(deps);
  const removed: string[] = [];
  for (const root of [paths.archive, paths.feeds, path.join(paths.inbox, FAILED_DIR)]) {
    removed.push(...(await findStaleTempsTree(root, { remove: true })));
  }
  const lockDir = path.dirname(lockFile(paths.archive));
  for (const name of await readdir(lockDir).catch(() => [] as string[])) {
    const m = /^lock\.stale\.(\d+)$/.exec(name);
    if (m && Number(m[1]) !== process.pid) {
      await unlink(path.join(lockDir, name)).catch(() => undefined);
      removed.push(path.join(lockDir, name));
    }
  }
  return removed;
}

/** Run `fn` holding the archive's lock; a writer cleans up after a dead holder first. */
export async function withLock<T>(
  deps: JobDeps,
  fn: (lock: Lock) => Promise<T>,
  options: { readOnly?: boolean; report?: JobReport } = {},
): Promise<T> {
  const paths = resolvePaths(deps);
  const lock = await acquireLock(lockFile(paths.archive), formatInZone(deps.now(), deps.config.timeZone));
  try {
    if (lock.recovered && !options.readOnly) {
      const removed = await cleanUpAfterDeadRun(deps);
      const r = lock.recovered;
      const note = `took over the lock of a run that died (pid ${r.pid}, started ${r.started}); removed ${removed.length} leftover temp file${removed.length === 1 ? '' : 's'}`;
      if (options.report) options.report.recovered = note;
    }
    return await fn(lock);
  } finally {
    await lock.release({ restoreStale: options.readOnly === true });
  }
}

/**
 * One tick. `files` set: ingest those files (they stay where they are); otherwise take the inbox.
 * `publishFeeds` false: archive only.
 */
export async function runJob(deps: JobDeps, options: { files?: readonly string[]; publishFeeds?: boolean } = {}): Promise<JobReport> {
  const started = deps.now();
  const paths = resolvePaths(deps);
  const report = emptyReport();
  await withLock(deps, async () => {
    const store = new FsArchiveStore(paths.archive);
    const cleaner = cleanerFor(deps.config);
    const batch = new Batch();
    const collected: Collected[] = [];

    if (options.files) {
      for (const f of options.files) {
        const abs = path.resolve(deps.cwd, f);
        try {
          const [bytes, st] = await Promise.all([readFile(abs), stat(abs)]);
          collected.push({ input: { name: f, bytes, mediaType: mediaTypeOf(f, bytes), mtimeMs: st.mtimeMs } });
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          report.failed++;
          report.items.push({
            input: f,
            outcome: 'failed',
            error: `${JSON.stringify(f)}: ${code === 'ENOENT' ? 'file does not exist: check the path' : code === 'EISDIR' ? 'is a folder: name the files in it' : (e as Error).message}`,
          });
        }
      }
    } else {
      const listing = await listInbox(paths.inbox, deps.now(), deps.config.inbox.settleSeconds);
      report.skipped.push(...listing.skipped);
      for (const file of listing.ready) {
        const nowIso = formatInZone(deps.now(), deps.config.timeZone);
        const fail = async (message: string): Promise<void> => {
          report.failed++;
          const movedTo = await moveToFailed(paths.inbox, file, message, nowIso);
          report.items.push({ input: file.name, outcome: 'failed', error: message, movedTo });
        };
        // Refused before reading: a huge file must not be read into memory.
        if (file.size > deps.config.inbox.maxBytes) {
          await fail(`${JSON.stringify(file.name)}: the file is ${file.size} bytes, over inbox.maxBytes (${deps.config.inbox.maxBytes}): raise the limit in the config or split the file`);
          continue;
        }
        const read = await readInboxFile(file);
        if (read.kind === 'gone') continue;
        if (read.kind === 'changed') {
          report.skipped.push({ name: file.name, why: 'changed while being read (may still be being written)' });
          continue;
        }
        if (read.kind === 'error') {
          await fail(`${JSON.stringify(file.name)}: cannot read the file (${read.message}): fix its permissions`);
          continue;
        }
        const bytes = read.bytes;
        collected.push({ input: { name: file.name, bytes, mediaType: mediaTypeOf(file.name, bytes), mtimeMs: file.mtimeMs }, inboxFile: file });
      }
    }

    const taken: InboxFile[] = [];
    for (const c of collected) {
      try {
        const { outcome, record } = await ingestOne(store, batch, cleaner, deps, c.input);
        report[outcome]++;
        report.items.push({ input: c.input.name, outcome, path: record.path, id: record.id });
        if (c.inboxFile) taken.push(c.inboxFile);
      } catch (e) {
        if (!(e instanceof KlipingError)) throw e;
        report.failed++;
        const item: ItemReport = { input: c.input.name, outcome: 'failed', error: e.message };
        if (c.inboxFile) {
          const movedTo = await moveToFailed(paths.inbox, c.inboxFile, e.message, formatInZone(deps.now(), deps.config.timeZone));
          report.items.push({ ...item, movedTo });
        } else {
          report.items.push(item);
        }
      }
    }
    // Commit, then let inputs leave the inbox: an input is never gone before its record is findable.
    await store.commit([...batch.records.values()], batch.keyList());
    await removeTaken(paths.inbox, taken);

    if (options.publishFeeds !== false) {
      const result = await publish(store, {
        feedsDir: paths.feeds,
        site: deps.config.site,
        limit: deps.config.feeds.limit,
        nowMs: deps.now(),
      });
      report.published = result.written;
      report.feedItems = result.items;
    }
  }, { report });
  report.durationMs = deps.now() - started;
  return report;
}

/** `kliping build`: republish the feeds from the archive alone. */
export async function buildFeeds(deps: JobDeps): Promise<JobReport> {
  const started = deps.now();
  const paths = resolvePaths(deps);
  const report = emptyReport();
  await withLock(deps, async () => {
    const store = new FsArchiveStore(paths.archive);
    const result = await publish(store, { feedsDir: paths.feeds, site: deps.config.site, limit: deps.config.feeds.limit, nowMs: deps.now() });
    report.published = result.written;
    report.feedItems = result.items;
  }, { report });
  report.durationMs = deps.now() - started;
  return report;
}
