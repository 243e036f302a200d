/**
 * The feed model: what all three formats say, derived once from archive records so RSS, Atom
 * and JSON Feed cannot disagree (same ids, same dates, same order). Pure.
 */
import type { ArticleRecord } from '../domain/types.js';
import { absoluteUrl, absolutizeHtml, escapeHtml, escapeXml, imageType, isLanguageTag, plainText, rfc3339, stripIllegalXml } from './text.js';

export interface FeedSite {
  readonly title: string;
  readonly description: string;
  /** Absolute, ends in "/". */
  readonly url: string;
  readonly language: string;
  readonly author: string | null;
}

/** One document's URL in each of the three formats. */
export interface FeedLinks {
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
}

export interface FeedItem {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  /** Plain text; may be empty. */
  readonly summary: string;
  readonly contentHtml: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  readonly language: string;
  /** RFC 3339. */
  readonly published: string;
  /** RFC 3339; equal to `published` unless the article was edited; never before it. */
  readonly updated: string;
  readonly image: string | null;
  /** Media type of `image` when its URL tells it, else null. */
  readonly imageType: string | null;
}

/** Where a document sits among the feed's documents (RFC 5005 archived feeds). */
export interface FeedPlace {
  /** This document's own URLs (`rel="self"`, JSON `feed_url` of the subscription feed). */
  readonly self: FeedLinks;
  /** The subscription feed's URLs (`rel="current"` in archive documents; the feed's identity). */
  readonly current: FeedLinks;
  /** True for an archive document (`fh:archive`). */
  readonly archive: boolean;
  /** The next older archive document (`prev-archive`, JSON `next_url`), or null. */
  readonly prev: FeedLinks | null;
  /** The next newer archive document (`next-archive`), or null. Archive documents only. */
  readonly next: FeedLinks | null;
  /** WebSub hub URL, on subscription feeds when configured. */
  readonly hub: string | null;
}

export interface FeedModel {
  readonly site: FeedSite;
  readonly place: FeedPlace;
  /** The newest item's updated time; null for an empty feed (then the file says so plainly). */
  readonly updated: string | null;
  readonly items: readonly FeedItem[];
}

/** Paths of the subscription feeds inside the feeds folder. */
export const SUBSCRIPTION_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/**
 * Paths of a month's archive documents inside the feeds folder (`month` is `YYYY-MM`):
 * `archive/2022-02.rss.xml`, `archive/2022-02.atom.xml`, `archive/2022-02.json`.
 */
export function archiveFiles(month: string): FeedLinks {
  return { rss: `archive/${month}.rss.xml`, atom: `archive/${month}.atom.xml`, json: `archive/${month}.json` };
}

/** Absolute URLs of feed files below the site URL (the feeds folder is served at `<site.url>feeds/`). */
export function linksOf(siteUrl: string, files: FeedLinks): FeedLinks {
  return {
    rss: new URL(`feeds/${files.rss}`, siteUrl).href,
    atom: new URL(`feeds/${files.atom}`, siteUrl).href,
    json: new URL(`feeds/${files.json}`, siteUrl).href,
  };
}

/** Subscription feed URLs below the site URL. */
export function feedLinks(siteUrl: string): FeedLinks {
  return linksOf(siteUrl, SUBSCRIPTION_FILES);
}

/** Content HTML of a record: its sanitized HTML, or its paragraphs as escaped `<p>`s. */
export function contentHtmlOf(record: ArticleRecord): string {
  const html = record.contentHtml
    ? stripIllegalXml(record.contentHtml)
    : record.paragraphs.map((p) => `<p>${escapeHtml(stripIllegalXml(p))}</p>`).join('\n');
  return absolutizeHtml(html, absoluteUrl(record.url));
}

const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

/** `text` cut to at most `max` characters on a word boundary, with "…" when cut. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list.map(plainText).filter(Boolean))];
}

/**
 * The feed item of a record, or null when the record names no usable published time (an
 * archive record always does; a hand-edited one might not).
 */
export function itemOf(record: ArticleRecord, site: FeedSite): FeedItem | null {
  const published = rfc3339(record.published);
  if (published === null) return null;
  let updated = rfc3339(record.updated) ?? published;
  if (Date.parse(updated) < Date.parse(published)) updated = published;
  const cleanId = stripIllegalXml(record.id ?? '').trim();
  const id = IRI.test(cleanId) ? cleanId : `urn:kliping:path:${encodeURIComponent(String(record.path))}`;
  const url = absoluteUrl(record.url);
  const paragraphs = Array.isArray(record.paragraphs) ? record.paragraphs : [];
  const summary = plainText(record.summary ?? '') || cut(plainText(paragraphs[0] ?? ''), 300);
  const language = stripIllegalXml(record.language ?? '');
  const image = absoluteUrl(record.image, url ?? undefined);
  const title = plainText(record.title ?? '') || cut(summary, 80) || '(untitled)';
  // Readers and the W3C validator want content; an article with no body shows its summary.
  const contentHtml = contentHtmlOf({ ...record, paragraphs }) || `<p>${escapeHtml(summary || title)}</p>`;
  return {
    id,
    title,
    url,
    summary,
    contentHtml,
    authors: unique(record.authors ?? []),
    tags: unique(record.tags ?? []),
    language: isLanguageTag(language) ? language : site.language,
    published,
    updated,
    image,
    imageType: image ? imageType(image) : null,
  };
}

const contentXmlOf = new WeakMap<FeedItem, string>();

/**
 * The item's content HTML escaped for XML text, escaped once: the RSS and the Atom document of
 * a page both carry it (~4 MB escaped twice for 1,000 new articles).
 */
export function contentXml(item: FeedItem): string {
  let escaped = contentXmlOf.get(item);
  if (escaped === undefined) contentXmlOf.set(item, (escaped = escapeXml(item.contentHtml)));
  return escaped;
}

/** Newest first; ties broken by id so the order never depends on input order. */
export function compareItems(a: FeedItem, b: FeedItem): number {
  const d = Date.parse(b.published) - Date.parse(a.published);
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The model of one feed document holding `records` (any order: items are sorted here). */
export function buildModel(site: FeedSite, place: FeedPlace, records: readonly ArticleRecord[]): FeedModel {
  const cleanSite: FeedSite = {
    ...site,
    title: plainText(site.title) || 'kliping',
    description: plainText(site.description),
    language: isLanguageTag(site.language) ? site.language : 'en',
    author: site.author === null ? null : plainText(site.author) || null,
  };
  const items = records
    .map((r) => itemOf(r, cleanSite))
    .filter((i): i is FeedItem => i !== null)
    .sort(compareItems)
    // Ids are unique in the archive; a hand-made duplicate must still not give a feed that
    // readers reject or show twice.
    .filter((i, n, all) => all.findIndex((j) => j.id === i.id) === n);
  let updated: string | null = null;
  for (const i of items) if (updated === null || Date.parse(i.updated) > Date.parse(updated)) updated = i.updated;
  return { site: cleanSite, place, updated, items };
}
