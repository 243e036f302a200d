/**
 * The job: collect -> clean -> archive -> publish. `kliping run`, `kliping ingest` and every
 * scheduler tick go through runJob(); the world (clock, paths) comes in through `deps`.
 */
import path from 'node:path';
import { stat, readFile } from 'node:fs/promises';
import type { ArticleRecord } from '../domain/types.js';
import { KlipingError } from '../domain/errors.js';
import { formatInZone } from '../domain/time.js';
import type { Config } from '../config/schema.js';
import { createCleaner, type Cleaner } from '../clean/index.js';
import { FsArchiveStore } from '../archive/fs-store.js';
import type { ArchiveStore } from '../archive/store.js';
import { acquireLock } from '../io/lock.js';
import { listInbox, moveToFailed, readInboxFile, removeTaken, type InboxFile } from '../sources/inbox.js';
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
  return { new: 0, updated: 0, unchanged: 0, failed: 0, items: [], skipped: [], published: [], feedItems: 0, durationMs: 0 };
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
  const extracted = await readInput(input, { timeZone: config.timeZone, packs: cleaner.packs });
  const { draft } = prepare(input, extracted, cleaner, { timeZone: config.timeZone, language: config.site.language, nowMs });
  return archiveArticle(store, batch, input, draft, formatInZone(nowMs, config.timeZone));
}

interface Collected {
  readonly input: RawInput;
  /** Set for inbox files: they leave the inbox once archived, or go to failed/. */
  readonly inboxFile?: InboxFile;
}

async function withLock<T>(archiveDir: string, deps: JobDeps, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(path.join(archiveDir, '.kliping', 'lock'), formatInZone(deps.now(), deps.config.timeZone));
  try {
    return await fn();
  } finally {
    await lock.release();
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
  await withLock(paths.archive, deps, async () => {
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
        const bytes = await readInboxFile(file);
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
  });
  report.durationMs = deps.now() - started;
  return report;
}

/** `kliping build`: republish the feeds from the archive alone. */
export async function buildFeeds(deps: JobDeps): Promise<JobReport> {
  const started = deps.now();
  const paths = resolvePaths(deps);
  const report = emptyReport();
  await withLock(paths.archive, deps, async () => {
    const store = new FsArchiveStore(paths.archive);
    const result = await publish(store, { feedsDir: paths.feeds, site: deps.config.site, limit: deps.config.feeds.limit, nowMs: deps.now() });
    report.published = result.written;
    report.feedItems = result.items;
  });
  report.durationMs = deps.now() - started;
  return report;
}
