/**
 * Decide what a prepared article is to the archive (new, an edit of one we have, or already
 * there) and queue its files in the batch. They are written by Batch.flush() and become findable when the
 * batch is committed (see ArchiveStore.commit), so a crash in between leaves the input in the
 * inbox and the next tick finds the record by its path instead of writing a second one.
 */
import type { ArticleRecord, RawRef } from '../domain/types.js';
import type { ArchiveStore } from '../archive/store.js';
import { newArticleId } from '../archive/identity.js';
import { dayOf, rawFileName, recordPath, slugCandidate, slugify } from '../archive/layout.js';
import { guidKey, rawKey, sha256Hex, urlKey } from '../archive/keys.js';
import type { Draft, RawInput } from './prepare.js';

export type Outcome = 'new' | 'updated' | 'unchanged';

/**
 * Records of this batch and the keys that will make them findable. Files are not written as
 * each article is decided but by flush(), and made durable together by the store's commit().
 * Lookups during the batch see its records first, so deciding stays sequential and exact.
 */
export class Batch {
  readonly records = new Map<string, ArticleRecord>();
  readonly keys = new Map<string, string>();
  /** Record paths whose record must be written. */
  private readonly dirty = new Set<string>();
  /** Raw files to write: `${recordPath}\0${file}` -> bytes. */
  private readonly raws = new Map<string, { recordPath: string; file: string; bytes: Uint8Array }>();

  add(record: ArticleRecord, keys: readonly string[]): void {
    this.records.set(record.path, record);
    for (const k of keys) this.keys.set(k, record.path);
  }

  /** Add a record that must be written, with the raw bytes it points to. */
  write(record: ArticleRecord, keys: readonly string[], raw: { file: string; bytes: Uint8Array }): void {
    this.add(record, keys);
    this.dirty.add(record.path);
    this.raws.set(`${record.path}\0${raw.file}`, { recordPath: record.path, ...raw });
  }

  /** Hand every pending raw file, then every pending record, to the store (in place by its commit()). */
  async flush(store: ArchiveStore): Promise<void> {
    const raws = [...this.raws.values()];
    this.raws.clear();
    for (const r of raws) await store.writeRaw(r.recordPath, r.file, r.bytes);
    const records = [...this.dirty].map((p) => this.records.get(p)!);
    this.dirty.clear();
    for (const r of records) await store.writeRecord(r);
  }

  keyList(): { key: string; path: string }[] {
    return [...this.keys].map(([key, path]) => ({ key, path }));
  }
}

async function find(store: ArchiveStore, batch: Batch, key: string): Promise<ArticleRecord | null> {
  const p = batch.keys.get(key) ?? (await store.lookup(key));
  if (p === null) return null;
  return batch.records.get(p) ?? (await store.read(p));
}

function sameContent(a: ArticleRecord, d: Draft): boolean {
  return (
    a.title === d.title &&
    a.summary === d.summary &&
    a.contentHtml === d.contentHtml &&
    a.image === d.image &&
    JSON.stringify([a.paragraphs, a.authors, a.tags]) === JSON.stringify([d.paragraphs, d.authors, d.tags])
  );
}

function recordFrom(
  base: { id: string; slug: string; path: string; published: string; publishedSource: ArticleRecord['publishedSource']; archived: string },
  draft: Draft,
  raw: RawRef,
  previous: readonly RawRef[],
  updated: string | null,
): ArticleRecord {
  return {
    schema: 1,
    id: base.id,
    slug: base.slug,
    path: base.path,
    title: draft.title,
    titleSource: draft.titleSource,
    url: draft.url,
    source: draft.source,
    authors: draft.authors,
    tags: draft.tags,
    language: draft.language,
    published: base.published,
    publishedSource: base.publishedSource,
    updated,
    archived: base.archived,
    image: draft.image,
    summary: draft.summary,
    paragraphs: draft.paragraphs,
    contentHtml: draft.contentHtml,
    dropped: draft.dropped,
    raw,
    previous,
    // Only records from a source's feed carry the field, so other records keep their bytes.
    ...(draft.guid ? { guid: draft.guid } : {}),
  };
}

/** Archive one prepared input. `nowIso` is the archived time, in the configured zone. */
export async function archiveArticle(
  store: ArchiveStore,
  batch: Batch,
  input: RawInput,
  draft: Draft,
  nowIso: string,
): Promise<{ outcome: Outcome; record: ArticleRecord }> {
  const sha = sha256Hex(input.bytes);
  const keys = [rawKey(sha), ...(draft.url ? [urlKey(draft.url)] : []), ...(draft.guid ? [guidKey(draft.guid)] : [])];
  // Index keys must be derivable from the record (verify and reindex rebuild them so): a record
  // carries one GUID, the one it was first archived with.
  const keysOf = (r: { guid?: string }): string[] => keys.filter((k) => !k.startsWith('guid:')).concat(r.guid ? [guidKey(r.guid)] : []);
  const seen = await find(store, batch, rawKey(sha));
  if (seen) {
    // A tick killed while writing the key shards may have committed this raw key but not the
    // URL key: add the keys again (unchanged shards are not rewritten) so a later edit of the
    // URL finds this record instead of becoming a second article with the same id.
    batch.add(seen, keysOf(seen));
    return { outcome: 'unchanged', record: seen };
  }

  const rawRef = (slug: string, version: number): RawRef => ({
    file: rawFileName(slug, version, input.mediaType),
    sha256: sha,
    bytes: input.bytes.length,
    mediaType: input.mediaType,
    original: input.name,
    archived: nowIso,
  });

  const edit = async (old: ArticleRecord): Promise<{ outcome: Outcome; record: ArticleRecord }> => {
    if (old.raw.sha256 === sha || old.previous.some((p) => p.sha256 === sha)) {
      batch.add(old, keysOf(old)); // written before a crash, never committed
      return { outcome: 'unchanged', record: old };
    }
    const raw = rawRef(old.slug, old.previous.length + 2);
    const changed = !sameContent(old, draft);
    const record = recordFrom(old, { ...draft, guid: old.guid ?? draft.guid }, raw, [...old.previous, old.raw], changed ? (draft.modified ?? nowIso) : old.updated);
    batch.write(record, keysOf(record), { file: raw.file, bytes: input.bytes });
    return { outcome: changed ? 'updated' : 'unchanged', record };
  };

  if (draft.url) {
    const old = await find(store, batch, urlKey(draft.url));
    if (old) return edit(old);
  }

  const day = dayOf(draft.published);
  const base = slugify(draft.title);
  for (let n = 1; ; n++) {
    const slug = slugCandidate(base, n);
    const path = recordPath(day, slug);
    const there = batch.records.get(path) ?? (await store.read(path, { probe: true }));
    if (there) {
      // Written by a tick that died before committing: the same input, or an edit of its URL.
      if (there.raw.sha256 === sha) {
        batch.add(there, keysOf(there));
        return { outcome: 'new', record: there };
      }
      if (draft.url && there.url === draft.url) return edit(there);
      continue;
    }
    const raw = rawRef(slug, 1);
    const record = recordFrom(
      { id: newArticleId(draft.url, sha), slug, path, published: draft.published, publishedSource: draft.publishedSource, archived: nowIso },
      draft,
      raw,
      [],
      null,
    );
    batch.write(record, keys, { file: raw.file, bytes: input.bytes });
    return { outcome: 'new', record };
  }
}
