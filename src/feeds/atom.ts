/**
 * Atom 1.0 (RFC 4287). Written here rather than with the `feed` package, which puts no xml:lang
 * on the feed, throws on ids that are not http URLs and defaults `updated` to the current time.
 * Pure: the model in, the document out.
 *
 * Every document of one feed (the subscription feed and its RFC 5005 archive documents) has the
 * same feed id, the subscription feed's URL: they are pages of one logical feed.
 */
import { contentXml, type FeedModel } from './model.js';
import { escapeXml as x } from './text.js';

const FH = 'http://purl.org/syndication/history/1.0';
const ATOM_TYPE = 'application/atom+xml';

/** A fixed `updated` for a feed with no entries yet, so an empty feed is still deterministic. */
const EPOCH = '1970-01-01T00:00:00Z';

function link(rel: string, href: string, type = ATOM_TYPE): string {
  return `<link rel="${rel}" type="${type}" href="${x(href)}"/>`;
}

/** Atom 1.0 document of `model`; `stylesheet` is an `<?xml-stylesheet?>` instruction for browsers, or none. */
export function renderAtom(model: FeedModel, stylesheet?: string): string {
  const { site, place } = model;
  const fh = place.archive ? ` xmlns:fh="${FH}"` : '';
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    ...(stylesheet ? [stylesheet] : []),
    `<feed xmlns="http://www.w3.org/2005/Atom"${fh} xml:lang="${x(site.language)}">`,
    `<id>${x(place.current.atom)}</id>`,
    `<title type="text">${x(site.title)}</title>`,
  ];
  if (site.description) out.push(`<subtitle type="text">${x(site.description)}</subtitle>`);
  out.push(`<updated>${x(model.updated ?? EPOCH)}</updated>`, link('self', place.self.atom), link('alternate', site.url, 'text/html'));
  if (place.hub) out.push(`<link rel="hub" href="${x(place.hub)}"/>`);
  if (place.archive) out.push('<fh:archive/>', link('current', place.current.atom));
  if (place.prev) out.push(link('prev-archive', place.prev.atom));
  if (place.next) out.push(link('next-archive', place.next.atom));
  out.push(`<author><name>${x(site.author ?? site.title)}</name></author>`, '<generator>kliping</generator>');
  for (const item of model.items) {
    const lang = item.language !== site.language ? ` xml:lang="${x(item.language)}"` : '';
    out.push(`<entry${lang}>`, `<id>${x(item.id)}</id>`, `<title type="text">${x(item.title)}</title>`);
    out.push(`<published>${x(item.published)}</published>`, `<updated>${x(item.updated)}</updated>`);
    if (item.url) out.push(link('alternate', item.url, 'text/html'));
    if (item.image && item.imageType) out.push(link('enclosure', item.image, item.imageType));
    for (const a of item.authors) out.push(`<author><name>${x(a)}</name></author>`);
    for (const t of item.tags) out.push(`<category term="${x(t)}"/>`);
    if (item.summary) out.push(`<summary type="text">${x(item.summary)}</summary>`);
    out.push(`<content type="html">${contentXml(item)}</content>`, '</entry>');
  }
  out.push('</feed>', '');
  return out.join('\n');
}
