/**
 * `kliping reindex`: rebuild the archive index (month manifests and the raw/url key shards)
 * from the records alone, for an index that was lost, hand-edited or written by an older
 * version. Records and raw files are only read.
 */
import { FsArchiveStore } from '../archive/fs-store.js';
import { recordKeys } from '../archive/keys.js';
import { entryOf, type IndexEntry } from '../archive/store.js';
import type { JobDeps } from './run.js';
import { resolvePaths, withLock } from './run.js';

export interface ReindexReport {
  readonly records: number;
  readonly months: number;
  readonly keys: number;
  /** Record files that could not be read, with why. */
  readonly unreadable: { path: string; error: string }[];
  /** Ids found in more than one record (the first one found keeps its keys). */
  readonly duplicateIds: { id: string; paths: string[] }[];
}

export async function reindex(deps: JobDeps, onProgress?: (done: number) => void): Promise<ReindexReport> {
  const paths = resolvePaths(deps);
  // withLock, like every writer: it also cleans up after a run that died holding the lock.
  return withLock(deps, async () => {
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
      found.push({ entry: entryOf(record), keys: recordKeys(record).map((k) => k.key) });
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
  });
}
