/**
 * RSS 2.0. Written here rather than with the `feed` package, whose 6.0.0 output breaks on
 * control characters and a second `]]>` (it uses CDATA), maps a name-only author to an invalid
 * `<author>`, and stamps `lastBuildDate` with the current time so an unchanged feed changes on
 * every run. Pure: the model in, the document out.
 */
import { formatRfc822 } from '../domain/time.js';
import type { FeedModel } from './model.js';
import { escapeXml as x } from './text.js';

/** RSS 2.0 document of `model`. */
export function renderRss(model: FeedModel): string {
  const { site, links } = model;
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${x(site.title)}</title>`,
    `<link>${x(site.url)}</link>`,
    `<description>${x(site.description || site.title)}</description>`,
    `<language>${x(site.language)}</language>`,
    `<atom:link href="${x(links.rss)}" rel="self" type="application/rss+xml"/>`,
    '<generator>kliping</generator>',
  ];
  if (model.updated) out.push(`<lastBuildDate>${formatRfc822(model.updated)}</lastBuildDate>`);
  for (const item of model.items) {
    out.push('<item>', `<title>${x(item.title)}</title>`);
    if (item.url) out.push(`<link>${x(item.url)}</link>`);
    out.push(`<guid isPermaLink="false">${x(item.id)}</guid>`, `<pubDate>${formatRfc822(item.published)}</pubDate>`);
    for (const a of item.authors) out.push(`<dc:creator>${x(a)}</dc:creator>`);
    for (const t of item.tags) out.push(`<category>${x(t)}</category>`);
    out.push(`<description>${x(item.summary)}</description>`, `<content:encoded>${x(item.contentHtml)}</content:encoded>`, '</item>');
  }
  out.push('</channel>', '</rss>', '');
  return out.join('\n');
}
