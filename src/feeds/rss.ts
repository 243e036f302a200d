/**
 * RSS 2.0. Written here rather than with the `feed` package, whose 6.0.0 output breaks on
 * control characters and a second `]]>` (it uses CDATA), maps a name-only author to an invalid
 * `<author>`, and stamps `lastBuildDate` with the current time so an unchanged feed changes on
 * every run. Pure: the model in, the document out.
 *
 * Choices a validator or reader cares about:
 * - `guid isPermaLink="false"`: our ids are `urn:uuid:` names, not URLs.
 * - authors as `dc:creator` (RSS `<author>` must be an e-mail address).
 * - plain-text elements (titles, names, categories) write `&`, `<`, `>` as `&#x26;`, `&#x3C;`,
 *   `&#x3E;`, as the RSS Best Practices Profile asks (the W3C validator warns otherwise).
 * - `description` is plain text, HTML-escaped before XML escaping: RSS readers treat it as
 *   HTML, so a summary saying "a <b" shows those characters instead of starting a tag. It is
 *   always there (the title when there is no summary): the profile wants a description before
 *   `content:encoded`.
 * - one `enclosure` for the lead image, only when its URL names the image type, with
 *   `length="0"`: we never fetch the image, and 0 is what the RSS Best Practices Profile and the
 *   W3C validator ask for when the size is unknown.
 * - archive documents (RFC 5005) carry `fh:archive` and `current`/`prev-archive`/`next-archive`
 *   atom links.
 */
import { formatRfc822 } from '../domain/time.js';
import { contentXml, type FeedModel } from './model.js';
import { escapeXml as x, escapeXmlHex as t } from './text.js';

const FH = 'http://purl.org/syndication/history/1.0';

/** HTML text escape for the description: quotes stay as they are, they mean nothing in text. */
function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function atomLink(rel: string, href: string, type = 'application/rss+xml'): string {
  return `<atom:link href="${x(href)}" rel="${rel}" type="${type}"/>`;
}

/** RSS 2.0 document of `model`; `stylesheet` is an `<?xml-stylesheet?>` instruction for browsers, or none. */
export function renderRss(model: FeedModel, stylesheet?: string): string {
  const { site, place } = model;
  const fh = place.archive ? ` xmlns:fh="${FH}"` : '';
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    ...(stylesheet ? [stylesheet] : []),
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"${fh}>`,
    '<channel>',
    `<title>${t(site.title)}</title>`,
    `<link>${t(site.url)}</link>`,
    `<description>${t(site.description || site.title)}</description>`,
    `<language>${t(site.language)}</language>`,
    atomLink('self', place.self.rss),
  ];
  if (place.hub) out.push(`<atom:link href="${x(place.hub)}" rel="hub"/>`);
  if (place.archive) out.push('<fh:archive/>', atomLink('current', place.current.rss));
  if (place.prev) out.push(atomLink('prev-archive', place.prev.rss));
  if (place.next) out.push(atomLink('next-archive', place.next.rss));
  out.push('<generator>kliping</generator>');
  if (model.updated) out.push(`<lastBuildDate>${formatRfc822(model.updated)}</lastBuildDate>`);
  for (const item of model.items) {
    out.push('<item>', `<title>${t(item.title)}</title>`);
    if (item.url) out.push(`<link>${t(item.url)}</link>`);
    out.push(`<guid isPermaLink="false">${t(item.id)}</guid>`, `<pubDate>${formatRfc822(item.published)}</pubDate>`);
    for (const a of item.authors) out.push(`<dc:creator>${t(a)}</dc:creator>`);
    for (const c of item.tags) out.push(`<category>${t(c)}</category>`);
    out.push(`<description>${x(htmlText(item.summary || item.title))}</description>`);
    out.push(`<content:encoded>${contentXml(item)}</content:encoded>`);
    if (item.image && item.imageType) out.push(`<enclosure url="${x(item.image)}" length="0" type="${x(item.imageType)}"/>`);
    out.push('</item>');
  }
  out.push('</channel>', '</rss>', '');
  return out.join('\n');
}
