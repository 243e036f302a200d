/**
 * Publish the feeds from the archive: render, check with a strict parser, write only the files
 * whose bytes changed, atomically. A document that fails its check is never written.
 */
import path from 'node:path';
import type { ArticleRecord } from '../domain/types.js';
import { KlipingError } from '../domain/errors.js';
import type { ArchiveStore } from '../archive/store.js';
import { jsonFeedErrors, renderFeeds, xmlError, type FeedSite } from '../feeds/index.js';
import { removeStaleTemps, writeFileAtomic } from '../io/atomic.js';

export interface PublishOptions {
  readonly feedsDir: string;
  readonly site: FeedSite;
  readonly limit: number;
  readonly nowMs: number;
}

export interface PublishResult {
  /** Files whose bytes changed and were rewritten. */
  readonly written: string[];
  readonly items: number;
}

/** Load the records the feeds show: the newest `limit` that are due at `nowMs`. */
export async function feedRecords(store: ArchiveStore, limit: number, nowMs: number): Promise<ArticleRecord[]> {
  const entries = await store.newest(limit, nowMs);
  const records: ArticleRecord[] = [];
  for (const e of entries) {
    const r = await store.read(e.path);
    if (!r) {
      throw new KlipingError('ARCHIVE', `Archive index lists ${JSON.stringify(e.path)} but its record is missing: run \`kliping verify --repair\``);
    }
    records.push(r);
  }
  return records;
}

export async function publish(store: ArchiveStore, options: PublishOptions): Promise<PublishResult> {
  // Read everything before writing anything: if the archive cannot be read, the published
  // feeds stay as they were.
  const records = await feedRecords(store, options.limit, options.nowMs);
  const docs = renderFeeds(options.site, records);
  for (const doc of docs) {
    const problem = doc.kind === 'xml' ? xmlError(doc.text) : jsonFeedErrors(doc.text)[0] ?? null;
    if (problem) {
      throw new KlipingError('PUBLISH', `Feed ${doc.name} failed its check (${problem}); nothing was published. This is a bug: please report it with the archive entry`);
    }
  }
  await removeStaleTemps(options.feedsDir);
  const written: string[] = [];
  for (const doc of docs) {
    const r = await writeFileAtomic(path.join(options.feedsDir, doc.name), doc.text, { ifChanged: true });
    if (r.written) written.push(doc.name);
  }
  return { written, items: records.length };
}
