/**
 * `kliping reindex`: rebuild the archive index (month manifests and the raw/url key shards)
 * from the records alone, for an index that was lost, hand-edited or written by an older
 * version. Records and raw files are only read.
 */
import path from 'node:path';
import type { ArticleRecord } from '../domain/types.js';
import { FsArchiveStore } from '../archive/fs-store.js';
import { guidKey, rawKey, urlKey } from '../archive/keys.js';
import { entryOf, type IndexEntry } from '../archive/store.js';
import { acquireLock } from '../io/lock.js';
import { formatInZone } from '../domain/time.js';
import type { JobDeps } from './run.js';
import { resolvePaths } from './run.js';

export interface ReindexReport {
  readonly records: number;
  readonly months: number;
  readonly keys: number;
  /** Record files that could not be read, with why. */
  readonly unreadable: { path: string; error: string }[];
  /** Ids found in more than one record (the first one found keeps its keys). */
  readonly duplicateIds: { id: string; paths: string[] }[];
}

/** The index keys of a record: its raw versions and its URL. */
export function keysOf(record: ArticleRecord): string[] {
  return [rawKey(record.raw.sha256), ...record.previous.map((p) => rawKey(p.sha256)), ...(record.url ? [urlKey(record.url)] : []), ...(record.guid ? [guidKey(record.guid)] : [])];
}

export async function reindex(deps: JobDeps, onProgress?: (done: number) => void): Promise<ReindexReport> {
  const paths = resolvePaths(deps);
  const lock = await acquireLock(path.join(paths.archive, '.kliping', 'lock'), formatInZone(deps.now(), deps.config.timeZone));
  try {
    const store = new FsArchiveStore(paths.archive);
    const found: { entry: IndexEntry; keys: string[] }[] = [];
    const unreadable: { path: string; error: string }[] = [];
    const byId = new Map<string, string[]>();
    for await (const { path: p, record, error } of store.walkRecords()) {
      if (!record) {
        unreadable.push({ path: p, error: error ?? 'not a record path kliping writes' });
        continue;
      }
      const seen = byId.get(record.id);
      if (seen) {
        seen.push(p);
        continue;
      }
      byId.set(record.id, [p]);
      found.push({ entry: entryOf(record), keys: keysOf(record) });
      onProgress?.(found.length);
    }
    const { months, keys } = await store.rebuildIndex(found);
    return {
      records: found.length,
      months,
      keys,
      unreadable,
      duplicateIds: [...byId].filter(([, ps]) => ps.length > 1).map(([id, ps]) => ({ id, paths: ps })),
    };
  } finally {
    await lock.release();
  }
}
