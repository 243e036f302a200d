/**
 * JSON Feed 1.1. Written here: the `feed` package (6.0.0) emits version 1.0. Pure.
 *
 * `feed_url` is the subscription feed's URL in every document (it is the feed's identity);
 * archive pages are chained newest to oldest with `next_url`.
 */
import type { FeedModel } from './model.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** JSON Feed 1.1 document of `model`. */
export function renderJsonFeed(model: FeedModel): string {
  const { site, place } = model;
  const feed = {
    version: JSON_FEED_VERSION,
    title: site.title,
    home_page_url: site.url,
    feed_url: place.current.json,
    description: site.description || undefined,
    next_url: place.prev?.json,
    language: site.language,
    authors: [{ name: site.author ?? site.title }],
    hubs: place.hub ? [{ type: 'WebSub', url: place.hub }] : undefined,
    items: model.items.map((item) => ({
      id: item.id,
      url: item.url ?? undefined,
      title: item.title,
      content_html: item.contentHtml,
      summary: item.summary || undefined,
      image: item.image ?? undefined,
      date_published: item.published,
      date_modified: item.updated !== item.published ? item.updated : undefined,
      authors: item.authors.length > 0 ? item.authors.map((name) => ({ name })) : undefined,
      tags: item.tags.length > 0 ? item.tags : undefined,
      language: item.language !== site.language ? item.language : undefined,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
