/**
 * Atom 1.0 (RFC 4287). Written here rather than with the `feed` package, which puts no xml:lang
 * on the feed, throws on ids that are not http URLs and defaults `updated` to the current time.
 * Pure: the model in, the document out.
 */
import type { FeedModel } from './model.js';
import { escapeXml as x } from './text.js';

/** A fixed `updated` for a feed with no entries yet, so an empty feed is still deterministic. */
const EPOCH = '1970-01-01T00:00:00Z';

/** Atom 1.0 document of `model`. */
export function renderAtom(model: FeedModel): string {
  const { site, links } = model;
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(site.language)}">`,
    `<id>${x(links.atom)}</id>`,
    `<title type="text">${x(site.title)}</title>`,
  ];
  if (site.description) out.push(`<subtitle type="text">${x(site.description)}</subtitle>`);
  out.push(
    `<updated>${x(model.updated ?? EPOCH)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${x(links.atom)}"/>`,
    `<link rel="alternate" type="text/html" href="${x(site.url)}"/>`,
    `<author><name>${x(site.author ?? site.title)}</name></author>`,
    '<generator>kliping</generator>',
  );
  for (const item of model.items) {
    const lang = item.language !== site.language ? ` xml:lang="${x(item.language)}"` : '';
    out.push(`<entry${lang}>`, `<id>${x(item.id)}</id>`, `<title type="text">${x(item.title)}</title>`);
    out.push(`<published>${x(item.published)}</published>`, `<updated>${x(item.updated)}</updated>`);
    if (item.url) out.push(`<link rel="alternate" type="text/html" href="${x(item.url)}"/>`);
    for (const a of item.authors) out.push(`<author><name>${x(a)}</name></author>`);
    for (const t of item.tags) out.push(`<category term="${x(t)}"/>`);
    out.push(`<summary type="text">${x(item.summary)}</summary>`, `<content type="html">${x(item.contentHtml)}</content>`, '</entry>');
  }
  out.push('</feed>', '');
  return out.join('\n');
}
