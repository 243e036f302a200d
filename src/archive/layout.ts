/**
 * Where things live in the archive, as pure functions of the record's data:
 *
 *   archive/YYYY/MM/DD/<slug>.json        the record
 *   archive/YYYY/MM/DD/<slug>.raw.txt     the raw original as received (.raw.html, .raw.md)
 *   archive/YYYY/MM/index.json            the month's manifest (id, path, dates) for feeds
 *   archive/.kliping/keys/<xx>.json       raw sha256 / url -> record path, for "seen before?"
 */
const MAX_SLUG = 80;

/** A safe file name from a title: lower-case ASCII words joined by "-", at most 80 chars. */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = ascii.slice(0, MAX_SLUG);
  if (ascii.length > MAX_SLUG) {
    const cut = slug.lastIndexOf('-');
    if (cut > MAX_SLUG / 2) slug = slug.slice(0, cut);
  }
  slug = slug.replace(/-+$/g, '');
  return slug === '' ? 'article' : slug;
}

/** The n-th candidate slug of a day: `slug`, `slug-2`, `slug-3`... */
export function slugCandidate(slug: string, n: number): string {
  return n <= 1 ? slug : `${slug}-${n}`;
}

/** `YYYY/MM/DD` of an ISO timestamp as written (the record's published time is in the configured zone). */
export function dayOf(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return `${m[1]}/${m[2]}/${m[3]}`;
}

/** `YYYY/MM` of an ISO timestamp as written. */
export function monthOf(iso: string): string {
  return dayOf(iso).slice(0, 7);
}

/** Record path below the archive root, without extension: `2022/02/08/slug`. */
export function recordPath(day: string, slug: string): string {
  return `${day}/${slug}`;
}

/** The record file name of a record path. */
export function recordFile(p: string): string {
  return `${p}.json`;
}

/** File extension class of a raw input. */
export function rawExtension(mediaType: string): string {
  if (mediaType === 'text/html') return 'html';
  if (mediaType === 'text/markdown') return 'md';
  return 'txt';
}

/** Name of the raw file of `slug`'s `version`-th raw input (1 = first). */
export function rawFileName(slug: string, version: number, mediaType: string): string {
  const ext = rawExtension(mediaType);
  return version <= 1 ? `${slug}.raw.${ext}` : `${slug}.v${version}.raw.${ext}`;
}

/** A record path is safe when every segment is a plain name: no "..", no separators, no hidden files. */
export function isSafeRecordPath(p: string): boolean {
  return /^\d{4}\/\d{2}\/\d{2}\/[a-z0-9][a-z0-9-]{0,90}$/.test(p);
}

/** The key shard a key lives in: two hex characters of its hash. */
export function keyShard(key: string): string {
  const hash = key.slice(key.indexOf(':') + 1);
  return hash.slice(0, 2);
}
