/**
 * The feed model: what all three formats say, derived once from archive records so RSS, Atom
 * and JSON Feed cannot disagree (same ids, same dates, same order). Pure.
 */
import type { ArticleRecord } from '../domain/types.js';
import { absoluteUrl, escapeHtml, plainText, stripIllegalXml } from './text.js';

export interface FeedSite {
  readonly title: string;
  readonly description: string;
  /** Absolute, ends in "/". */
  readonly url: string;
  readonly language: string;
  readonly author: string | null;
}

export interface FeedLinks {
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
}

export interface FeedItem {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly summary: string;
  readonly contentHtml: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  readonly language: string;
  readonly published: string;
  /** Equal to `published` unless the article was edited. */
  readonly updated: string;
  readonly image: string | null;
}

export interface FeedModel {
  readonly site: FeedSite;
  readonly links: FeedLinks;
  /** The newest item's updated time; null for an empty feed (then the file says so plainly). */
  readonly updated: string | null;
  readonly items: readonly FeedItem[];
}

/** Feed file URLs below the site URL. */
export function feedLinks(siteUrl: string): FeedLinks {
  return {
    rss: new URL('feeds/rss.xml', siteUrl).href,
    atom: new URL('feeds/atom.xml', siteUrl).href,
    json: new URL('feeds/feed.json', siteUrl).href,
  };
}

/** Content HTML of a record: its sanitized HTML, or its paragraphs as escaped `<p>`s. */
export function contentHtmlOf(record: ArticleRecord): string {
  if (record.contentHtml) return stripIllegalXml(record.contentHtml);
  return record.paragraphs.map((p) => `<p>${escapeHtml(stripIllegalXml(p))}</p>`).join('\n');
}

export function itemOf(record: ArticleRecord): FeedItem {
  return {
    id: stripIllegalXml(record.id),
    title: plainText(record.title) || plainText(record.summary).slice(0, 80) || record.id,
    url: absoluteUrl(record.url),
    summary: plainText(record.summary),
    contentHtml: contentHtmlOf(record),
    authors: record.authors.map(plainText).filter(Boolean),
    tags: record.tags.map(plainText).filter(Boolean),
    language: record.language,
    published: record.published,
    updated: record.updated ?? record.published,
    image: absoluteUrl(record.image, record.url ?? undefined),
  };
}

/** The model of a feed of `records`, which the caller has already ordered newest first. */
export function buildModel(site: FeedSite, records: readonly ArticleRecord[]): FeedModel {
  const items = records.map(itemOf);
  let updated: string | null = null;
  for (const i of items) if (updated === null || Date.parse(i.updated) > Date.parse(updated)) updated = i.updated;
  return {
    site: {
      ...site,
      title: plainText(site.title),
      description: plainText(site.description),
      author: site.author === null ? null : plainText(site.author),
    },
    links: feedLinks(site.url),
    updated,
    items,
  };
}
