/** Archive records -> RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents. Pure. */
import type { ArticleRecord } from '../domain/types.js';
import { renderAtom } from './atom.js';
import { renderJsonFeed } from './json.js';
import { archiveFiles, buildModel, linksOf, SUBSCRIPTION_FILES, type FeedLinks, type FeedPlace, type FeedSite } from './model.js';
import { renderRss } from './rss.js';
import { stylesheetInstruction } from './xsl.js';

export { xmlError, jsonFeedErrors } from './check.js';
export { feedLinks, archiveFiles, SUBSCRIPTION_FILES, type FeedSite, type FeedLinks, type FeedPlace } from './model.js';
export { stripIllegalXml, plainText, escapeXml } from './text.js';
export { FEED_XSL, FEED_XSL_FILE, stylesheetInstruction } from './xsl.js';

/** A feed file to publish: its path inside the feeds folder and its text. */
export interface FeedDocument {
  /** `rss.xml`, `atom.xml`, `feed.json`, or `archive/YYYY-MM.{rss.xml,atom.xml,json}`. */
  readonly name: string;
  readonly kind: 'xml' | 'json';
  readonly text: string;
}

/** The three documents (RSS, Atom, JSON Feed) of one place, with `files` as their names. */
export function renderDocuments(site: FeedSite, place: FeedPlace, files: FeedLinks, records: readonly ArticleRecord[]): FeedDocument[] {
  const model = buildModel(site, place, records);
  return [
    { name: files.rss, kind: 'xml', text: renderRss(model, stylesheetInstruction(files.rss)) },
    { name: files.atom, kind: 'xml', text: renderAtom(model, stylesheetInstruction(files.atom)) },
    { name: files.json, kind: 'json', text: renderJsonFeed(model) },
  ];
}

/**
 * Where the subscription feed sits: its `prev-archive` (and JSON `next_url`) is the newest
 * archive month (`YYYY-MM`), or none; `hub` is the WebSub hub, or null.
 */
export function subscriptionPlace(siteUrl: string, newestArchive: string | null, hub: string | null): FeedPlace {
  const current = linksOf(siteUrl, SUBSCRIPTION_FILES);
  return {
    self: current,
    current,
    archive: false,
    prev: newestArchive ? linksOf(siteUrl, archiveFiles(newestArchive)) : null,
    next: null,
    hub,
  };
}

/** Where the archive document of `month` sits between its older and newer neighbours. */
export function archivePlace(siteUrl: string, month: string, older: string | null, newer: string | null): FeedPlace {
  return {
    self: linksOf(siteUrl, archiveFiles(month)),
    current: linksOf(siteUrl, SUBSCRIPTION_FILES),
    archive: true,
    prev: older ? linksOf(siteUrl, archiveFiles(older)) : null,
    next: newer ? linksOf(siteUrl, archiveFiles(newer)) : null,
    hub: null,
  };
}
