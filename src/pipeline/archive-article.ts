/**
 * Decide what a prepared article is to the archive (new, an edit of one we have, or already
 * there) and write it. Records and raw files are written at once; they become findable when the
 * batch is committed (see ArchiveStore.commit), so a crash in between leaves the input in the
 * inbox and the next tick finds the record by its path instead of writing a second one.
 */
import type { ArticleRecord, RawRef } from '../domain/types.js';
import type { ArchiveStore } from '../archive/store.js';
import { newArticleId } from '../archive/identity.js';
import { dayOf, rawFileName, rawKey, recordPath, sha256Hex, slugCandidate, slugify, urlKey } from '../archive/layout.js';
import type { Draft, RawInput } from './prepare.js';

export type Outcome = 'new' | 'updated' | 'unchanged';

/** Records written in this batch and the keys that will make them findable. */
export class Batch {
  readonly records = new Map<string, ArticleRecord>();
  readonly keys = new Map<string, string>();

  add(record: ArticleRecord, keys: readonly string[]): void {
    this.records.set(record.path, record);
    for (const k of keys) this.keys.set(k, record.path);
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
  const keys = [rawKey(sha), ...(draft.url ? [urlKey(draft.url)] : [])];
  const seen = await find(store, batch, rawKey(sha));
  if (seen) {
    // A tick killed while writing the key shards may have committed this raw key but not the
    // URL key: add the keys again (unchanged shards are not rewritten) so a later edit of the
    // URL finds this record instead of becoming a second article with the same id.
    batch.add(seen, keys);
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
      batch.add(old, keys); // written before a crash, never committed
      return { outcome: 'unchanged', record: old };
    }
    const raw = rawRef(old.slug, old.previous.length + 2);
    const changed = !sameContent(old, draft);
    const record = recordFrom(old, draft, raw, [...old.previous, old.raw], changed ? (draft.modified ?? nowIso) : old.updated);
    await store.writeRaw(record.path, raw.file, input.bytes);
    await store.writeRecord(record);
    batch.add(record, keys);
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
    const there = batch.records.get(path) ?? (await store.read(path));
    if (there) {
      // Written by a tick that died before committing: the same input, or an edit of its URL.
      if (there.raw.sha256 === sha) {
        batch.add(there, keys);
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
    await store.writeRaw(path, raw.file, input.bytes);
    await store.writeRecord(record);
    batch.add(record, keys);
    return { outcome: 'new', record };
  }
}
