/**
 * Index keys: what the archive's dedup index is keyed by. Apart from layout.ts because hashing
 * needs node:crypto (~5 ms to load), which a tick with nothing new never needs.
 */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Index key of a raw input's bytes. */
export function rawKey(sha256: string): string {
  return `raw:${sha256}`;
}

/** Index key of an upstream feed item's GUID (RSS guid, Atom id, JSON Feed id), as written. */
export function guidKey(guid: string): string {
  return `guid:${sha256Hex(guid.trim())}`;
}

/** Index key of an article URL (fragment dropped; the URL is otherwise kept as written). */
export function urlKey(url: string): string {
  let u = url.trim();
  try {
    const parsed = new URL(u);
    parsed.hash = '';
    u = parsed.href;
  } catch {
    /* keep as written */
  }
  return `url:${sha256Hex(u)}`;
}

/**
 * Every index key a record owns, with what it stands for (for messages): its raw versions, its
 * URL and its upstream GUID. What reindex and verify rebuild the key index from.
 */
export function recordKeys(r: {
  readonly raw: { readonly sha256: string };
  readonly previous: readonly { readonly sha256: string }[];
  readonly url: string | null;
  readonly guid?: string;
}): { key: string; what: string }[] {
  return [
    ...[r.raw, ...r.previous].map((ref) => ({ key: rawKey(ref.sha256), what: `raw sha256 ${ref.sha256.slice(0, 12)}...` })),
    ...(r.url ? [{ key: urlKey(r.url), what: `URL ${r.url}` }] : []),
    ...(r.guid ? [{ key: guidKey(r.guid), what: `feed item GUID ${r.guid}` }] : []),
  ];
}
