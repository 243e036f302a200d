/** Archive records -> RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents. Pure. */
import type { ArticleRecord } from '../domain/types.js';
import { renderAtom } from './atom.js';
import { renderJsonFeed } from './json.js';
import { buildModel, type FeedSite } from './model.js';
import { renderRss } from './rss.js';

export { xmlError, jsonFeedErrors } from './check.js';
export { feedLinks, type FeedSite } from './model.js';
export { stripIllegalXml, plainText, escapeXml } from './text.js';

/** A feed file to publish: its name inside the feeds folder and its bytes. */
export interface FeedDocument {
  readonly name: 'rss.xml' | 'atom.xml' | 'feed.json';
  readonly kind: 'xml' | 'json';
  readonly text: string;
}

/**
 * The three feeds of `records` (already chosen and ordered newest first, ties by id).
 * @example
 * renderFeeds(site, records).map((d) => d.name); // ['rss.xml', 'atom.xml', 'feed.json']
 */
export function renderFeeds(site: FeedSite, records: readonly ArticleRecord[]): FeedDocument[] {
  const model = buildModel(site, records);
  return [
    { name: 'rss.xml', kind: 'xml', text: renderRss(model) },
    { name: 'atom.xml', kind: 'xml', text: renderAtom(model) },
    { name: 'feed.json', kind: 'json', text: renderJsonFeed(model) },
  ];
}
