/** The archive on disk; see layout.ts for the file layout. Every write is atomic. */
// fs.promises, not node:fs/promises: loaded on first use (see io/atomic.ts).
import { promises as fsp, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ArticleRecord } from '../domain/types.js';
import { KlipingError } from '../domain/errors.js';
import { AtomicWriter, writeFileAtomic } from '../io/atomic.js';
import { keyShard, monthOf, recordFile, isSafeRecordPath } from './layout.js';
import { compareEntries, entryOf, findNextDue, pickNewest, type ArchiveStore, type IndexEntry } from './store.js';
import { groupBy } from '../domain/group.js';

const INDEX_DIR = '.kliping';
const STATE_FILE = `${INDEX_DIR}/state.json`;
/** Folders whose listing a store keeps (see listing()): more than a batch of a tick touches. */
const LISTED_FOLDERS = 1024;
/** How many records a store keeps in memory (a few MB): more than one batch of a tick. */
const RECENT_RECORDS = 2000;

function isNotFound(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export class FsArchiveStore implements ArchiveStore {
  readonly root: string;
  private readonly shards = new Map<string, Record<string, string>>();
  /** Raw files and records written since the last commit: commit() makes them durable and puts them in place as one batch. */
  private staged = new AtomicWriter();
  /** Record paths read() found empty since the last commit: writing there needs no comparison. */
  private readonly missing = new Set<string>();
  /** Records this store read or committed last, by path (see remember()). */
  private readonly recent = new Map<string, ArticleRecord>();
  /**
   * Names in the day folders read() looked in since the last commit (null: no such folder), so
   * that the paths of new articles are not looked up one by one (see mayExist()).
   */
  private readonly listings = new Map<string, Set<string> | null>();

  constructor(root: string) {
    this.root = root;
  }

  private abs(rel: string): string {
    return path.join(this.root, rel);
  }

  private async readJson<T>(rel: string): Promise<T | null> {
    let text: string;
    try {
      // Sync: archive files are small, and a thread-pool round trip per file cost more than the
      // read when a tick probes or reads hundreds of records (see `npm run bench`).
      // A stat first: most files probed and missing are the paths of new records, and a
      // thrown ENOENT cost ~45 µs each (45 ms of a tick archiving 1,000 articles).
      const abs = this.abs(rel);
      if (!statSync(abs, { throwIfNoEntry: false })) return null;
      text = readFileSync(abs, 'utf8');
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      throw new KlipingError(
        'ARCHIVE',
        `Archive file ${JSON.stringify(this.abs(rel))} is not valid JSON (${(e as Error).message}): run \`kliping verify --repair\` or restore it from a backup`,
      );
    }
  }

  private async shard(name: string): Promise<Record<string, string>> {
    let s = this.shards.get(name);
    if (!s) {
      s = (await this.readJson<Record<string, string>>(`${INDEX_DIR}/keys/${name}.json`)) ?? {};
      this.shards.set(name, s);
    }
    return s;
  }

  async lookup(key: string): Promise<string | null> {
    return (await this.shard(keyShard(key)))[key] ?? null;
  }

  /**
   * False when the record's folder, as listed once since the last commit, has no such file.
   * Archiving probes the path of every new article (a record left by a killed run, another
   * article with the slug); one listing per day folder replaces a lookup each, which on this
   * project's ext4 test disk waited on the write threads creating files in the same folder
   * (~84 µs a lookup, 84 ms of a tick archiving 1,000 articles over 11 days). Nothing but this
   * store, holding the archive's lock, puts records there, and only by commit(), which forgets
   * the listings. At most LISTED_FOLDERS are kept.
   */
  private mayExist(recordPath: string): boolean {
    const file = recordFile(recordPath);
    const slash = file.lastIndexOf('/');
    const names = this.listing(file.slice(0, slash));
    return names !== null && names.has(file.slice(slash + 1));
  }

  /**
   * The names in folder `dir` (relative to the root), or null when there is no such folder; the
   * same listing until the next commit. A folder missing from its parent's listing is not
   * looked up: a backfill's new articles open a new day folder each, and a lookup of one that
   * does not exist cost ~17 µs in memory (it waits on the write threads creating folders beside
   * it), 17 ms of a tick archiving 1,000 articles over three years; the month folders' listings
   * answer for all of them.
   */
  private listing(dir: string): Set<string> | null {
    let names = this.listings.get(dir);
    if (names !== undefined) return names;
    if (this.listings.size >= LISTED_FOLDERS) this.listings.clear();
    const slash = dir.lastIndexOf('/');
    if (slash > 0 && !this.listing(dir.slice(0, slash))?.has(dir.slice(slash + 1))) {
      names = null;
    } else {
      // A stat first: a thrown ENOENT costs more than the stat (see readJson()).
      const abs = this.abs(dir);
      try {
        names = statSync(abs, { throwIfNoEntry: false }) ? new Set(readdirSync(abs)) : null;
      } catch (e) {
        if (!isNotFound(e)) throw e;
        names = null;
      }
    }
    this.listings.set(dir, names);
    return names;
  }

  async read(recordPath: string, options: { probe?: boolean } = {}): Promise<ArticleRecord | null> {
    if (!isSafeRecordPath(recordPath)) return null;
    const known = this.recent.get(recordPath);
    if (known) return known;
    if (options.probe && !this.mayExist(recordPath)) {
      this.missing.add(recordPath);
      return null;
    }
    const record = await this.readJson<ArticleRecord>(recordFile(recordPath));
    if (record) this.remember(record);
    else this.missing.add(recordPath);
    return record;
  }

  /**
   * Keep a record read or committed by this store: a tick that archives articles publishes them
   * next, and the feeds and the pages both read them (1,000 new articles: 2,000 parses saved).
   * Records are never changed in place, so handing out the same object is safe.
   */
  private remember(record: ArticleRecord): void {
    this.recent.delete(record.path);
    this.recent.set(record.path, record);
    if (this.recent.size > RECENT_RECORDS) this.recent.delete(this.recent.keys().next().value!);
  }

  async readRaw(recordPath: string, file: string): Promise<Uint8Array> {
    return fsp.readFile(this.abs(path.posix.join(path.posix.dirname(recordPath), file)));
  }

  async writeRaw(recordPath: string, file: string, bytes: Uint8Array): Promise<void> {
    // A new record's raw file may be left by a run killed before its record landed: an orphan,
    // rewritten without reading it first.
    this.staged.write(this.abs(path.posix.join(path.posix.dirname(recordPath), file)), bytes, null, { fresh: this.missing.has(recordPath) });
  }

  async writeRecord(record: ArticleRecord): Promise<void> {
    if (!isSafeRecordPath(record.path)) throw new Error(`unsafe record path ${JSON.stringify(record.path)}`);
    this.staged.write(this.abs(recordFile(record.path)), `${JSON.stringify(record, null, 2)}\n`, null, { fresh: this.missing.has(record.path) });
  }

  /**
   * Drop raw files and records written since the last commit (their temp files): for a run that
   * fails before committing, so that nothing of it is left in the archive folders.
   */
  async discard(): Promise<void> {
    const staged = this.staged;
    this.staged = new AtomicWriter();
    await staged.discard();
  }

  async commit(records: readonly ArticleRecord[], keys: readonly { key: string; path: string }[]): Promise<void> {
    // Records and raw files first become durable where they are, then findable.
    const staged = this.staged;
    this.staged = new AtomicWriter();
    await staged.drain();
    this.missing.clear();
    this.listings.clear();
    for (const r of records) this.remember(r);
    if (records.length === 0 && keys.length === 0) return;
    const byMonth = groupBy(records, (r) => monthOf(r.published));
    // Manifests, then keys (the commit point), as one batch of writes: renamed in that order
    // once all of them are durable (a batch of 1,000 touches most of the 256 key shards).
    const index = new AtomicWriter();
    for (const [m, list] of byMonth) {
      const entries = new Map((await this.month(m)).map((e) => [e.id, e]));
      for (const r of list) entries.set(r.id, entryOf(r));
      index.write(this.abs(`${m}/index.json`), this.monthText([...entries.values()]));
    }
    const touched = new Set<string>();
    for (const { key, path: p } of keys) {
      const name = keyShard(key);
      (await this.shard(name))[key] = p;
      touched.add(name);
    }
    for (const name of [...touched].sort()) index.write(this.abs(`${INDEX_DIR}/keys/${name}.json`), this.shardText(name, await this.shard(name)));
    await index.drain();
    if (records.length > 0) await this.bumpGeneration();
  }

  private monthText(entries: readonly IndexEntry[]): string {
    const sorted = [...entries].sort(compareEntries);
    return `[\n${sorted.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`;
  }

  private shardText(name: string, keys: Record<string, string>): string {
    const ordered = Object.fromEntries(Object.entries(keys).sort(([a], [b]) => (a < b ? -1 : 1)));
    this.shards.set(name, ordered);
    return `${JSON.stringify(ordered, null, 1)}\n`;
  }

  /** Replace a month's manifest with `entries` (sorted here); used by repair. */
  async writeMonth(month: string, entries: readonly IndexEntry[]): Promise<void> {
    await writeFileAtomic(this.abs(`${month}/index.json`), this.monthText(entries), { ifChanged: true });
  }

  /** Replace a key shard (`keyShard(key)` names it); used by repair and reindex. */
  async writeKeyShard(name: string, keys: Record<string, string>): Promise<void> {
    await writeFileAtomic(this.abs(`${INDEX_DIR}/keys/${name}.json`), this.shardText(name, keys), { ifChanged: true });
  }

  /**
   * Replace every month manifest and key shard with ones built from `records` (the records
   * found on disk): `kliping reindex`. Manifests of months with no record are removed.
   */
  async rebuildIndex(records: Iterable<{ entry: IndexEntry; keys: readonly string[] }>): Promise<{ months: number; keys: number }> {
    const all = [...records];
    const months = groupBy(
      all.map((r) => r.entry),
      (e) => monthOf(e.published),
    );
    const shards = new Map<string, Record<string, string>>();
    let keyCount = 0;
    for (const { entry, keys } of all) {
      for (const key of keys) {
        const name = keyShard(key);
        let shard = shards.get(name);
        if (!shard) shards.set(name, (shard = {}));
        if (!(key in shard)) keyCount++;
        shard[key] = entry.path;
      }
    }
    for (const old of await this.months()) {
      if (!months.has(old)) await fsp.rm(this.abs(`${old}/index.json`), { force: true });
    }
    for (const [m, entries] of months) await this.writeMonth(m, entries);
    const keysDir = `${INDEX_DIR}/keys`;
    for (const name of await this.list(keysDir)) {
      if (name.endsWith('.json') && !shards.has(name.slice(0, -5))) await fsp.rm(this.abs(`${keysDir}/${name}`), { force: true });
    }
    this.shards.clear();
    for (const [name, shard] of shards) await this.writeKeyShard(name, shard);
    await this.bumpGeneration();
    return { months: months.size, keys: keyCount };
  }

  /** Every record file on disk, by walking the date folders (not the index). */
  async *walkRecords(): AsyncGenerator<{ path: string; record: ArticleRecord | null; error: string | null }> {
    for (const month of (await this.months()).reverse()) {
      for (const day of (await this.list(month)).filter((d) => /^\d{2}$/.test(d)).sort()) {
        for (const name of (await this.list(`${month}/${day}`)).sort()) {
          if (!name.endsWith('.json') || name.startsWith('.') || name.includes('.raw.')) continue;
          const p = `${month}/${day}/${name.slice(0, -5)}`;
          try {
            yield { path: p, record: await this.read(p), error: null };
          } catch (e) {
            yield { path: p, record: null, error: (e as Error).message };
          }
        }
      }
    }
  }

  async generation(): Promise<number> {
    return (await this.readJson<{ generation: number }>(STATE_FILE))?.generation ?? 0;
  }

  private async bumpGeneration(): Promise<void> {
    const next = (await this.generation()) + 1;
    await writeFileAtomic(this.abs(STATE_FILE), `${JSON.stringify({ generation: next })}\n`, { ifChanged: true });
  }

  async nextDue(nowMs: number): Promise<number | null> {
    return findNextDue(await this.months(), (m) => this.month(m), nowMs);
  }

  async months(): Promise<string[]> {
    const out: string[] = [];
    for (const y of (await this.list('')).filter((n) => /^\d{4}$/.test(n)).sort().reverse()) {
      for (const m of (await this.list(y)).filter((n) => /^\d{2}$/.test(n)).sort().reverse()) out.push(`${y}/${m}`);
    }
    return out;
  }

  async monthVersion(month: string): Promise<string | null> {
    try {
      const st = statSync(this.abs(`${month}/index.json`));
      return `${st.size}:${st.mtimeMs}`;
    } catch {
      return null;
    }
  }

  async month(month: string): Promise<IndexEntry[]> {
    return (await this.readJson<IndexEntry[]>(`${month}/index.json`)) ?? [];
  }

  async newest(limit: number, nowMs: number): Promise<IndexEntry[]> {
    return pickNewest(await this.months(), (m) => this.month(m), limit, nowMs);
  }

  private async list(rel: string): Promise<string[]> {
    try {
      return await fsp.readdir(this.abs(rel));
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
  }
}
