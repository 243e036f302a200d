/**
 * The job: collect -> clean -> archive -> publish. `kliping run`, `kliping ingest` and every
 * scheduler tick go through runJob(); the world (clock, paths) comes in through `deps`.
 */
import path from 'node:path';
import { readdir, unlink } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import type { ArticleRecord } from '../domain/types.js';
import { InputError, KlipingError } from '../domain/errors.js';
import { formatInZone } from '../domain/time.js';
import type { Config } from '../config/schema.js';
import { FsArchiveStore } from '../archive/fs-store.js';
import type { ArchiveStore } from '../archive/store.js';
import { acquireLock, type Lock } from '../io/lock.js';
import { findStaleTempsTree } from '../io/atomic.js';
import { FAILED_DIR, moveToFailed, readInboxFile, removeTaken, type InboxFile } from '../sources/inbox.js';
import type { Batch, Outcome } from './archive-article.js';
import type { RawInput } from './prepare.js';
import type { FetchFn, PublishOptions, PublishResult } from './publish.js';
import type { HttpDeps } from './sources.js';
import { isFresh, publishStateFile, readPublishState, snapshot, snapshotFiles, writePublishState, type PublishState } from './publish-state.js';
import { emptyReport, feedConfigKey, listInboxFor, lockFile, pagesDirOf, quietTick, resolvePaths, sourcesDue } from './quiet.js';

export { lockFile, resolvePaths } from './quiet.js';

// Cleaning, extraction and feed rendering are imported when a tick needs them: a cron tick
// with nothing new pays only for listing the inbox and a few stats.
const ingestModules = async () => {
  const [clean, archive, prep, read] = await Promise.all([
    import('./cleaner.js'),
    import('./archive-article.js'),
    import('./prepare.js'),
    import('./read-input.js'),
  ]);
  return { ...clean, ...archive, ...prep, ...read };
};



export interface JobDeps {
  readonly config: Config;
  /** Folder that relative config paths are resolved against. */
  readonly cwd: string;
  readonly now: () => number;
  /** How a WebSub hub is pinged; the global fetch when absent. */
  readonly fetch?: FetchFn;
  /** DNS and sleep for HTTP sources (tests); the system's when absent. */
  readonly http?: HttpDeps;
  /** Smaller inbox batches than BATCH_SIZE / BATCH_BYTES (tests). */
  readonly batch?: { readonly size?: number; readonly bytes?: number };
}

/** What one HTTP source did in a tick (see pipeline/sources.ts). */
export interface SourceReport {
  readonly name: string;
  readonly url: string;
  kind: 'feed' | 'page' | null;
  /** `ok` (fetched), `not-modified` (304), `failed`, `waiting` (only retried waiting items). */
  status: 'ok' | 'not-modified' | 'failed' | 'waiting';
  new: number;
  updated: number;
  /** 304 responses and pages whose article had not changed. */
  unchanged: number;
  failed: number;
  requests: number;
  error: string | null;
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
  /** Static pages rewritten (paths.pages). */
  pagesWritten?: number;
  feedItems: number;
  /** Problems that did not fail the run (a WebSub hub that refused a ping). */
  warnings: string[];
  durationMs: number;
  /** Set when this tick took over the lock of a run that died, and what it cleaned up. */
  recovered: string | null;
  /** HTTP sources taken in this tick (their counts are also in the totals above). */
  sources?: SourceReport[];
}





/** Read, clean and archive one input into `batch`. */
async function ingestOne(
  store: ArchiveStore,
  batch: Batch,
  deps: JobDeps,
  input: RawInput,
): Promise<{ outcome: Outcome; record: ArticleRecord }> {
  const { config } = deps;
  if (input.bytes.length > config.inbox.maxBytes) {
    throw new KlipingError('INPUT', `${JSON.stringify(input.name)}: the file is ${input.bytes.length} bytes, over inbox.maxBytes (${config.inbox.maxBytes}): raise the limit in the config or split the file`);
  }
  const nowMs = deps.now();
  const { readInput, prepare, archiveArticle, cleanerFor } = await ingestModules();
  let draft;
  try {
    const extracted = await readInput(input, { timeZone: config.timeZone, packs: cleanerFor(config).packs });
    // A file whose front matter names a configured source gets that source's rules too.
    const cleaner = cleanerFor(config, extracted.source);
    ({ draft } = prepare(input, extracted, cleaner, { timeZone: config.timeZone, language: config.site.language, nowMs }));
  } catch (e) {
    // Reading and cleaning touch nothing on disk: an unexpected error there is a bug triggered
    // by this input, and must not stop the inbox behind it from being taken, tick after tick.
    if (e instanceof KlipingError) throw e;
    throw new InputError(input.name, `kliping failed on this file (internal error: ${(e as Error)?.message ?? String(e)}): this is a bug, please report it with the file`);
  }
  return archiveArticle(store, batch, input, draft, formatInZone(nowMs, config.timeZone));
}

type Loaded =
  | { kind: 'ok'; bytes: Uint8Array; mtimeMs: number }
  | { kind: 'gone' }
  | { kind: 'changed' }
  | { kind: 'error'; message: string };

/** An input to take: named now, read when its batch comes. */
interface Pending {
  readonly name: string;
  /** Set for inbox files: they leave the inbox once archived, or go to failed/. */
  readonly inboxFile?: InboxFile;
  load(): Promise<Loaded>;
}

async function loadInboxFile(file: InboxFile): Promise<Loaded> {
  const read = await readInboxFile(file);
  if (read.kind === 'ok') return { kind: 'ok', bytes: read.bytes, mtimeMs: file.mtimeMs };
  if (read.kind === 'error') return { kind: 'error', message: `${JSON.stringify(file.name)}: cannot read the file (${read.message}): fix its permissions` };
  return read;
}

/**
 * Inputs archived per batch, at most, and raw bytes held by one. Each batch rewrites the key
 * shards and month manifests it touches: 1,000 text articles took ~5% less time in one batch
 * than in two of 500 (medians of four runs each: 1.48 s against 1.56 s).
 */
const BATCH_SIZE = 1000;
const BATCH_BYTES = 32 * 1024 * 1024;

function readErrorMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file does not exist: check the path';
  if (code === 'EISDIR') return 'is a folder: name the files in it';
  if (code === 'EACCES') return 'permission denied: let the user running kliping read it';
  return (e as Error).message;
}


/**
 * After a run died holding the lock, remove what it may have left half-done: hidden temp files
 * of atomic writes (archive, feeds, inbox/failed) and the aside copy of a lock being recovered.
 * Records, raw files and inputs are never touched: an unfinished input is still in the inbox.
 */
export async function cleanUpAfterDeadRun(deps: JobDeps): Promise<string[]> {
  const paths = resolvePaths(deps);
  const removed: string[] = [];
  for (const root of [paths.archive, paths.feeds, paths.pages, path.join(paths.inbox, FAILED_DIR)]) {
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
 * Publish unless the last publish was made from this very archive and config and its files
 * are untouched. `force` republishes anyway (`kliping build`).
 */
export async function publishIfStale(
  store: ArchiveStore,
  deps: JobDeps,
  paths: ReturnType<typeof resolvePaths>,
  force: boolean,
): Promise<PublishResult & { pagesWritten?: string[] }> {
  const stateFile = publishStateFile(paths.archive);
  const generation = await store.generation();
  const configKey = feedConfigKey(deps.config);
  const nowMs = deps.now();
  const state = await readPublishState(stateFile);
  const pagesDir = pagesDirOf(deps, paths);
  if (!force && state && (await isFresh(state, { generation, configKey, nowMs, feedsDir: paths.feeds, pagesDir }))) {
    return { written: [], items: state.items, archiveMonths: state.archiveMonths, pings: [], warnings: [] };
  }
  const { publish } = await import('./publish.js');
  const pagesModule = pagesDir ? await import('./pages.js') : null;
  const { site, feeds } = deps.config;
  const stage = () => (pagesDir ? pagesModule!.stagePages(store, { pagesDir, site, limit: feeds.limit, nowMs, force }) : null);
  // A tick renders the pages first and puts them in place last: their files are created (by
  // the write threads, when there are many) while the feeds are rendered. A full republish
  // (`kliping build`) goes one after the other: at 100,000 articles, the pages' staging held
  // beside the feeds peaked ~35 MB higher (440 MB against 403 MB).
  let staged = force ? null : await stage();
  let result;
  try {
    result = await publish(store, publishOptions(deps, paths.feeds, force));
  } catch (e) {
    await staged?.discard();
    throw e;
  }
  if (force) staged = await stage();
  let pages: PublishState['pages'];
  let pagesWritten: string[] = [];
  if (staged && pagesDir) {
    const p = await staged.finish();
    pagesWritten = p.written;
    pages = await snapshot(pagesDir, pagesModule!.pagesToWatch(p.months));
  }
  await writePublishState(stateFile, {
    generation,
    configKey,
    nextDueMs: await store.nextDue(nowMs),
    items: result.items,
    archiveMonths: result.archiveMonths,
    files: await snapshotFiles(paths.feeds),
    pages,
  });
  return { ...result, pagesWritten };
}

/**
 * One tick. `files` set: ingest those files (they stay where they are); otherwise take the inbox.
 * `publishFeeds` false: archive only.
 */
export async function runJob(deps: JobDeps, options: { files?: readonly string[]; publishFeeds?: boolean } = {}): Promise<JobReport> {
  const started = deps.now();
  const paths = resolvePaths(deps);
  const report = emptyReport();

  if (!options.files && options.publishFeeds !== false) {
    const quiet = await quietTick(deps);
    if (quiet) return quiet;
  }

  /** Inbox removals under way (see removeTaken()): done before the lock is let go. */
  const removals: Promise<void>[] = [];
  await withLock(deps, async () => {
    try {
      await takeAndPublish();
    } catch (e) {
      await Promise.allSettled(removals);
      throw e;
    }
    await Promise.all(removals);
  }, { report });
  report.durationMs = deps.now() - started;
  return report;

  async function takeAndPublish(): Promise<void> {
    const store = new FsArchiveStore(paths.archive);
    const pending: Pending[] = [];
    /** Count a failed input; an inbox file moves to failed/ with a note saying why. */
    const fail = async (p: { name: string; inboxFile?: InboxFile }, message: string): Promise<void> => {
      report.failed++;
      const item: ItemReport = { input: p.name, outcome: 'failed', error: message };
      if (!p.inboxFile) {
        report.items.push(item);
        return;
      }
      const movedTo = await moveToFailed(paths.inbox, p.inboxFile, message, formatInZone(deps.now(), deps.config.timeZone));
      report.items.push({ ...item, movedTo });
    };

    if (options.files) {
      for (const f of options.files) {
        const abs = path.resolve(deps.cwd, f);
        pending.push({
          name: f,
          load: async () => {
            try {
              // Sync, like the inbox: small files, and a round trip each cost more than the read.
              const st = statSync(abs);
              return { kind: 'ok', bytes: readFileSync(abs), mtimeMs: st.mtimeMs };
            } catch (e) {
              return { kind: 'error', message: `${JSON.stringify(f)}: ${readErrorMessage(e)}` };
            }
          },
        });
      }
    } else {
      const listing = await listInboxFor(deps, paths.inbox);
      report.skipped.push(...listing.skipped);
      for (const file of listing.ready) {
        // Refused before reading: a huge file must not be read into memory.
        if (file.size > deps.config.inbox.maxBytes) {
          await fail(
            { name: file.name, inboxFile: file },
            `${JSON.stringify(file.name)}: the file is ${file.size} bytes, over inbox.maxBytes (${deps.config.inbox.maxBytes}): raise the limit in the config or split the file`,
          );
          continue;
        }
        pending.push({ name: file.name, inboxFile: file, load: () => loadInboxFile(file) });
      }
    }

    // A batch that fails before its commit leaves no temp files in the archive folders.
    try {
      if (pending.length > 0) {
        const { Batch, mediaTypeOf } = await ingestModules();
        // Batches bound memory (raw bytes wait in the batch until flushed) and how much work a
        // kill can cost; each batch is committed before its inputs leave the inbox.
        for (let next = 0; next < pending.length; ) {
          const batch = new Batch();
          const taken: InboxFile[] = [];
          let count = 0;
          let bytes = 0;
          while (next < pending.length && count < (deps.batch?.size ?? BATCH_SIZE) && bytes < (deps.batch?.bytes ?? BATCH_BYTES)) {
            const p = pending[next++]!;
            count++;
            const loaded = await p.load();
            if (loaded.kind === 'gone') continue; // taken away since it was listed
            if (loaded.kind === 'changed') {
              report.skipped.push({ name: p.name, why: 'changed while being read (may still be being written)' });
              continue;
            }
            if (loaded.kind === 'error') {
              await fail(p, loaded.message);
              continue;
            }
            bytes += loaded.bytes.length;
            const input: RawInput = { name: p.name, bytes: loaded.bytes, mediaType: mediaTypeOf(p.name, loaded.bytes), mtimeMs: loaded.mtimeMs };
            try {
              const { outcome, record } = await ingestOne(store, batch, deps, input);
              // Staged now rather than at the end of the batch: a big batch's files are then
              // written by the write thread while the next inputs are cleaned (io/write-thread.ts).
              // An article edited twice in one batch is staged twice; the later write lands last.
              await batch.flush(store);
              report[outcome]++;
              report.items.push({ input: p.name, outcome, path: record.path, id: record.id });
              if (p.inboxFile) taken.push(p.inboxFile);
            } catch (e) {
              if (!(e instanceof KlipingError)) throw e;
              await fail(p, e.message);
            }
          }
          // Write, commit, then let inputs leave the inbox: an input is never gone before its
          // record is durable and findable.
          await batch.flush(store);
          await store.commit([...batch.records.values()], batch.keyList());
          // Not awaited here: a big batch's inputs are removed by the write threads while the
          // next batch or the publish goes on (awaited below, before the lock is let go).
          const removal = removeTaken(paths.inbox, taken);
          removal.catch(() => undefined); // handled: its error is thrown where it is awaited
          removals.push(removal);
        }
      }

      // HTTP sources after the inbox: a slow upstream never holds back what is already here.
      if (!options.files && (await sourcesDue(deps, paths.archive))) {
        const { runSources } = await import('./sources.js');
        await runSources(store, deps, paths.archive, report, deps.http);
      }
    } finally {
      await store.discard();
    }

    if (options.publishFeeds !== false) {
      addPublished(report, await publishIfStale(store, deps, paths, false));
    }
  }
}

function publishOptions(deps: JobDeps, feedsDir: string, force: boolean): PublishOptions {
  const { feeds, site } = deps.config;
  return { feedsDir, site, limit: feeds.limit, nowMs: deps.now(), archives: feeds.archives, hub: feeds.websub.hub, force, fetch: deps.fetch };
}

function addPublished(report: JobReport, result: PublishResult & { pagesWritten?: string[] }): void {
  report.published = result.written;
  report.pagesWritten = result.pagesWritten?.length ?? 0;
  report.feedItems = result.items;
  report.warnings.push(...result.warnings);
}

/** `kliping build`: republish the feeds from the archive alone. */
export async function buildFeeds(deps: JobDeps): Promise<JobReport> {
  const started = deps.now();
  const paths = resolvePaths(deps);
  const report = emptyReport();
  await withLock(deps, async () => {
    // Renders every archive month, not only those whose manifest changed.
    addPublished(report, await publishIfStale(new FsArchiveStore(paths.archive), deps, paths, true));
  }, { report });
  report.durationMs = deps.now() - started;
  return report;
}
