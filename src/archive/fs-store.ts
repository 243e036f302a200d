/** The archive on disk; see layout.ts for the file layout. Every write is atomic. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleRecord } from '../domain/types.js';
import { KlipingError } from '../domain/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { keyShard, monthOf, recordFile, isSafeRecordPath } from './layout.js';
import { compareEntries, entryOf, pickNewest, type ArchiveStore, type IndexEntry } from './store.js';

const INDEX_DIR = '.kliping';

function isNotFound(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export class FsArchiveStore implements ArchiveStore {
  readonly root: string;
  private readonly shards = new Map<string, Record<string, string>>();

  constructor(root: string) {
    this.root = root;
  }

  private abs(rel: string): string {
    return path.join(this.root, rel);
  }

  private async readJson<T>(rel: string): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.abs(rel), 'utf8');
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

  async read(recordPath: string): Promise<ArticleRecord | null> {
    if (!isSafeRecordPath(recordPath)) return null;
    return this.readJson<ArticleRecord>(recordFile(recordPath));
  }

  async readRaw(recordPath: string, file: string): Promise<Uint8Array> {
    return readFile(this.abs(path.posix.join(path.posix.dirname(recordPath), file)));
  }

  async writeRaw(recordPath: string, file: string, bytes: Uint8Array): Promise<void> {
    await writeFileAtomic(this.abs(path.posix.join(path.posix.dirname(recordPath), file)), bytes, { ifChanged: true });
  }

  async writeRecord(record: ArticleRecord): Promise<void> {
    if (!isSafeRecordPath(record.path)) throw new Error(`unsafe record path ${JSON.stringify(record.path)}`);
    await writeFileAtomic(this.abs(recordFile(record.path)), `${JSON.stringify(record, null, 2)}\n`, { ifChanged: true });
  }

  async commit(records: readonly ArticleRecord[], keys: readonly { key: string; path: string }[]): Promise<void> {
    const byMonth = new Map<string, ArticleRecord[]>();
    for (const r of records) {
      const m = monthOf(r.published);
      byMonth.set(m, [...(byMonth.get(m) ?? []), r]);
    }
    for (const [m, list] of byMonth) {
      const entries = new Map((await this.month(m)).map((e) => [e.id, e]));
      for (const r of list) entries.set(r.id, entryOf(r));
      await this.writeMonth(m, [...entries.values()]);
    }
    const touched = new Set<string>();
    for (const { key, path: p } of keys) {
      const name = keyShard(key);
      (await this.shard(name))[key] = p;
      touched.add(name);
    }
    for (const name of [...touched].sort()) await this.writeKeyShard(name, await this.shard(name));
  }

  /** Replace a month's manifest with `entries` (sorted here); used by commit and by repair. */
  async writeMonth(month: string, entries: readonly IndexEntry[]): Promise<void> {
    const sorted = [...entries].sort(compareEntries);
    await writeFileAtomic(this.abs(`${month}/index.json`), `[\n${sorted.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`, {
      ifChanged: true,
    });
  }

  /** Replace a key shard (`keyShard(key)` names it); used by commit and by repair. */
  async writeKeyShard(name: string, keys: Record<string, string>): Promise<void> {
    const ordered = Object.fromEntries(Object.entries(keys).sort(([a], [b]) => (a < b ? -1 : 1)));
    this.shards.set(name, ordered);
    await writeFileAtomic(this.abs(`${INDEX_DIR}/keys/${name}.json`), `${JSON.stringify(ordered, null, 1)}\n`, { ifChanged: true });
  }

  async months(): Promise<string[]> {
    const out: string[] = [];
    for (const y of (await this.list('')).filter((n) => /^\d{4}$/.test(n)).sort().reverse()) {
      for (const m of (await this.list(y)).filter((n) => /^\d{2}$/.test(n)).sort().reverse()) out.push(`${y}/${m}`);
    }
    return out;
  }

  async month(month: string): Promise<IndexEntry[]> {
    return (await this.readJson<IndexEntry[]>(`${month}/index.json`)) ?? [];
  }

  async newest(limit: number, nowMs: number): Promise<IndexEntry[]> {
    return pickNewest(await this.months(), (m) => this.month(m), limit, nowMs);
  }

  private async list(rel: string): Promise<string[]> {
    try {
      return await readdir(this.abs(rel));
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
  }
}
