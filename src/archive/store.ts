/** The archive behind one interface; fs-store.ts is the real one, memory-store.ts serves tests. */
import type { ArticleRecord } from '../domain/types.js';

/** What a month manifest holds per article: enough to pick and order feed items. */
export interface IndexEntry {
  readonly id: string;
  readonly path: string;
  readonly published: string;
  readonly updated: string | null;
}

export interface ArchiveStore {
  /** Record path of the article a key (layout.rawKey / urlKey) points at, or null. */
  lookup(key: string): Promise<string | null>;
  /**
   * The record at a record path, or null when there is none. `probe`: the caller expects the
   * path to be free (a new article's), and the store may answer from a listing of its folder.
   */
  read(recordPath: string, options?: { probe?: boolean }): Promise<ArticleRecord | null>;
  /** Raw bytes stored beside a record. */
  readRaw(recordPath: string, file: string): Promise<Uint8Array>;
  /** Store a raw file beside a record path (atomic; same bytes leave the file alone). In place by commit() at the latest. */
  writeRaw(recordPath: string, file: string, bytes: Uint8Array): Promise<void>;
  /**
   * Store a record (atomic). It may be on disk only once commit() resolves (the real store writes
   * a batch's files together), and it is not findable by lookup() or newest() until then.
   */
  writeRecord(record: ArticleRecord): Promise<void>;
  /**
   * Make written records findable: month manifests first, then keys. Keys are the commit
   * point: until they are written, the same input is taken again and finds its record by path.
   */
  commit(records: readonly ArticleRecord[], keys: readonly { key: string; path: string }[]): Promise<void>;
  /** The newest `limit` entries published at or before `nowMs`, newest first, ties by id. */
  newest(limit: number, nowMs: number): Promise<IndexEntry[]>;
  /**
   * A number that changes whenever a commit changes what the archive holds; publishing compares
   * it with the one it last published from to skip work on a tick with nothing new.
   */
  generation(): Promise<number>;
  /** The earliest published time after `nowMs` (a future-dated article), or null. */
  nextDue(nowMs: number): Promise<number | null>;
  /** Months that hold articles, newest first (`YYYY/MM`). */
  months(): Promise<string[]>;
  /**
   * A token that changes whenever the month's manifest changes (size and mtime of its file),
   * or null when the month has none: lets publishing skip parsing months it already rendered.
   */
  monthVersion(month: string): Promise<string | null>;
  /** A month's manifest entries, newest first. */
  month(month: string): Promise<IndexEntry[]>;
}

/** Newest first; ties broken by id so the order never depends on input order. */
export function compareEntries(a: IndexEntry, b: IndexEntry): number {
  const ta = Date.parse(a.published);
  const tb = Date.parse(b.published);
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function entryOf(r: ArticleRecord): IndexEntry {
  return { id: r.id, path: r.path, published: r.published, updated: r.updated };
}

/** Pick the newest `limit` entries that are due from months listed newest first. */
export async function pickNewest(
  months: readonly string[],
  load: (month: string) => Promise<IndexEntry[]>,
  limit: number,
  nowMs: number,
): Promise<IndexEntry[]> {
  const picked: IndexEntry[] = [];
  for (const m of months) {
    if (picked.length >= limit) break;
    for (const e of await load(m)) if (Date.parse(e.published) <= nowMs) picked.push(e);
  }
  return picked.sort(compareEntries).slice(0, limit);
}

/** Earliest published time after `nowMs` in months listed newest first. */
export async function findNextDue(
  months: readonly string[],
  load: (month: string) => Promise<IndexEntry[]>,
  nowMs: number,
): Promise<number | null> {
  const nowMonth = new Date(nowMs).toISOString().slice(0, 7).replace('-', '/');
  let next: number | null = null;
  for (const m of months) {
    // Months are local to the archive's zone, which is at most a day off UTC: look one month back.
    if (m < prevMonth(nowMonth)) break;
    for (const e of await load(m)) {
      const t = Date.parse(e.published);
      if (t > nowMs && (next === null || t < next)) next = t;
    }
  }
  return next;
}

function prevMonth(month: string): string {
  const [y, m] = month.split('/').map(Number) as [number, number];
  return m === 1 ? `${y - 1}/12` : `${y}/${String(m - 1).padStart(2, '0')}`;
}
