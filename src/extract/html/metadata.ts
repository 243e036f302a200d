/**
 * Page metadata, best source first, each field falling back when absent or empty:
 * JSON-LD, then Open Graph / article meta, then the markup itself. Pure: the zone comes in.
 */
import type { CheerioAPI } from 'cheerio';
import { findDateInText } from '../dates.js';
import { formatInZone, formatWithOffset, hasOffset, parseTimestamp, zonedTimeToMs } from '../../domain/time.js';
import { articleNode, jsonLdNodes, namesOf, parseJsonLd, publisherName, textOf, urlOf, type JsonObject } from './jsonld.js';

export interface HtmlMetadata {
  readonly title: string | null;
  /** Canonical URL (absolute), or null. */
  readonly url: string | null;
  /** What relative URLs in the page resolve against: `<base href>`, the canonical URL, or null. */
  readonly baseUrl: string | null;
  readonly authors: readonly string[];
  readonly siteName: string | null;
  readonly tags: readonly string[];
  readonly language: string | null;
  /** ISO 8601 with offset. */
  readonly published: string | null;
  readonly publishedSource: 'html-meta' | 'text' | null;
  readonly modified: string | null;
  readonly image: string | null;
  readonly description: string | null;
  /** JSON-LD `articleBody`, the body of last resort. */
  readonly articleBody: string | null;
}

/** Metadata is plain text: a tag written into a title or a JSON-LD string is dropped, never kept as markup. */
const TAG = /<\/?[a-z!][^<>]*>/gi;

const clean = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(TAG, ' ').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

/** The first non-empty `content` of the named `<meta>` tags (by `property`, `name` or `itemprop`). */
function meta($: CheerioAPI, ...keys: string[]): string | null {
  for (const key of keys) {
    const k = key.toLowerCase();
    let found: string | null = null;
    $('meta').each((_, el) => {
      if (found) return;
      const a = el.attribs;
      const names = [a.property, a.name, a.itemprop, a['http-equiv']].filter(Boolean).map((x) => x!.toLowerCase().trim());
      if (names.includes(k)) found = clean(a.content ?? a.value);
    });
    if (found) return found;
  }
  return null;
}

function allMeta($: CheerioAPI, key: string): string[] {
  const out: string[] = [];
  $('meta').each((_, el) => {
    const a = el.attribs;
    const names = [a.property, a.name].filter(Boolean).map((x) => x!.toLowerCase().trim());
    const c = clean(a.content);
    if (names.includes(key) && c) out.push(c);
  });
  return out;
}

function absolute(url: string | null, base: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim(), base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * A timestamp as written in metadata -> ISO 8601 with offset, or null. Accepts ISO forms
 * (offset kept; none = wall time in `timeZone`), "2022/02/08 14:30:00", and dates in words.
 */
export function normalizeDate(text: string | null, timeZone: string): string | null {
  const t = clean(text);
  if (!t) return null;
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (iso) {
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(iso[i] ?? 0)) as [number, number, number, number, number, number];
    if (iso[7] && hasOffset(t)) {
      const ms = parseTimestamp(`${iso[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${iso[7]}`);
      if (ms === null) return null;
      const off = /^z$/i.test(iso[7]) ? 0 : (iso[7].startsWith('-') ? -1 : 1) * (Number(iso[7].slice(1, 3)) * 60 + Number(iso[7].replace(':', '').slice(3, 5)));
      return formatWithOffset(ms, off);
    }
    const ms = zonedTimeToMs(y, mo, d, h, mi, s, timeZone);
    return Number.isNaN(ms) ? null : formatInZone(ms, timeZone);
  }
  const ms = Date.parse(t);
  if (/^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}/.test(t) && !Number.isNaN(ms)) return formatInZone(ms, timeZone);
  const found = findDateInText(t, timeZone);
  return found ? found.iso : null;
}

/** Strip a trailing or leading " - Site" / " | Site" part that names the site. */
export function stripSiteSuffix(title: string, siteName: string | null, host: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+[|:]\s+/);
  if (parts.length < 2) return title;
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const names = [siteName, host, host?.replace(/^www\./, '').split('.')[0]].filter((x): x is string => !!x).map(norm);
  const looksLikeSite = (s: string): boolean => {
    const n = norm(s);
    return n !== '' && names.some((x) => x === n || x.startsWith(n) || n.startsWith(x));
  };
  const last = parts[parts.length - 1]!;
  if (looksLikeSite(last)) return title.slice(0, title.length - last.length).replace(/\s+[|–—:-]\s*$/, '').trim();
  const first = parts[0]!;
  if (looksLikeSite(first)) return title.slice(first.length).replace(/^\s*[|–—:-]\s+/, '').trim();
  return title;
}

function splitTags(values: readonly (string | null)[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    for (const t of v.split(',')) {
      const tag = clean(t) ?? '';
      if (tag && !seen.has(tag.toLowerCase())) {
        seen.add(tag.toLowerCase());
        out.push(tag);
      }
    }
  }
  return out;
}

function normalizeLanguage(lang: string | null): string | null {
  const l = clean(lang)?.replace(/_/g, '-');
  if (!l || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(l)) return null;
  const [primary, ...rest] = l.split('-');
  return [primary!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

const NOT_A_NAME = /^(?:https?:|www\.)|@|^\d+$/i;

function cleanAuthors(names: readonly string[], siteName: string | null, host: string | null): string[] {
  const out: string[] = [];
  for (const named of names) {
    // "Angling Adhitya Purbaya - detikJateng": the desk name is not part of the author.
    const raw = stripSiteSuffix(clean(named) ?? '', siteName, host);
    for (const part of raw.split(/\s*(?:,|;|\s&\s|\sdan\s|\sand\s)\s*/)) {
      const n = part.replace(/^(?:by|oleh|penulis|reporter|editor|pewarta)\s*:?\s+/i, '').replace(/\s+/g, ' ').trim();
      if (n.length < 2 || n.length > 80 || NOT_A_NAME.test(n)) continue;
      if (!out.some((o) => o.toLowerCase() === n.toLowerCase())) out.push(n);
    }
  }
  return out;
}

/** Visible text of the page's likely date spots, for a date written in words. */
function writtenDateText($: CheerioAPI): string[] {
  const spots: string[] = [];
  const DATE_CLASS = /(?:^|[\s_-])(?:date|dates|time|tanggal|tgl|waktu|publish(?:ed)?|pubdate|timestamp|dateline|read__time|detail__date)(?:$|[\s_-])/i;
  $('[class], [id]').each((_, el) => {
    if (spots.length >= 8) return;
    const name = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    if (!DATE_CLASS.test(name)) return;
    const text = clean($(el).text());
    if (text && text.length < 200) spots.push(text);
  });
  // Then any short element of the page that holds a date ("Selasa, 7 Mei 2024 16:42 WIB" in a
  // bare <span>), in page order: the dateline sits above the story, related lists below it.
  $('body span, body div, body p, body li, body time, body h4, body h5, body h6, body small, body em').each((_, el) => {
    if (spots.length >= 40) return;
    if (el.children.some((c) => c.type === 'tag' && !['i', 'b', 'strong', 'em', 'span', 'br', 'a'].includes(c.name))) return;
    const text = clean($(el).text());
    if (text && text.length <= 100) spots.push(text);
  });
  return spots;
}

/** Read the metadata of a parsed page. Call before the body is cut out: it reads scripts and meta. */
/** `documentUrl`: where the page was fetched from, the base of relative URLs when it names none. */
export function extractMetadata($: CheerioAPI, timeZone: string, documentUrl: string | null = null): { meta: HtmlMetadata; jsonLd: JsonObject | null } {
  const blocks: unknown[] = [];
  $('script[type]').each((_, el) => {
    if (!/ld\+json/i.test(el.attribs.type ?? '')) return;
    const v = parseJsonLd($(el).text());
    if (v !== null) blocks.push(v);
  });
  const nodes = jsonLdNodes(blocks);
  const ld = articleNode(nodes, clean($('link[rel~="canonical"]').first().attr('href')) ?? meta($, 'og:url'));

  const baseHref = clean($('base[href]').first().attr('href'));
  let savedFrom: string | null = null;
  $.root()
    .contents()
    .each((_, n) => {
      const m = n.type === 'comment' ? /saved from url=\(\d+\)(\S+)/i.exec((n as unknown as { data: string }).data) : null;
      if (m && !savedFrom) savedFrom = m[1]!;
    });
  const canonicalRaw = clean($('link[rel~="canonical"]').first().attr('href')) ?? meta($, 'og:url') ?? (ld ? urlOf(ld.url) ?? urlOf(ld.mainEntityOfPage) : null) ?? savedFrom;
  const canonical = absolute(canonicalRaw, absolute(baseHref, documentUrl) ?? documentUrl);
  const baseUrl = absolute(baseHref, canonical ?? documentUrl) ?? canonical ?? absolute(documentUrl, null);
  const host = canonical ? new URL(canonical).hostname : null;

  const siteName = clean(
    (ld ? textOf(ld.publisher) ?? textOf(ld.sourceOrganization) : null) ??
      meta($, 'og:site_name') ??
      publisherName(null, nodes) ??
      meta($, 'application-name', 'twitter:site')?.replace(/^@/, '') ??
      null,
  );

  let h1: string | null = null;
  for (const sel of ['article h1', '[itemprop="headline"]', 'h1']) h1 ??= clean($(sel).first().text());
  const titleTag = clean($('title').first().text());
  const rawTitle = (ld ? clean(textOf(ld.headline)) ?? clean(textOf(ld.name)) : null) ?? meta($, 'og:title', 'twitter:title') ?? h1 ?? titleTag;
  const title = rawTitle ? stripSiteSuffix(rawTitle, siteName, host) : null;

  const authors = cleanAuthors(
    [...(ld ? namesOf(ld.author) : []), ...(ld && namesOf(ld.author).length === 0 ? namesOf(ld.creator) : [])],
    siteName,
    host,
  );
  if (authors.length === 0) {
    const fromMeta = [meta($, 'author', 'article:author', 'dc.creator', 'byl', 'content_author')].filter((x): x is string => !!x);
    const fromMarkup: string[] = [];
    $('[rel~="author"], [itemprop="author"]').each((_, el) => {
      const name = clean($(el).find('[itemprop="name"]').first().text()) ?? clean($(el).attr('content')) ?? clean($(el).text());
      if (name) fromMarkup.push(name);
    });
    authors.push(...cleanAuthors(fromMeta.length > 0 ? fromMeta : fromMarkup, siteName, host));
  }

  const tags = splitTags([
    ...(ld ? (Array.isArray(ld.keywords) ? ld.keywords.map((k) => textOf(k)) : [textOf(ld.keywords)]) : []),
    ...allMeta($, 'article:tag'),
    meta($, 'news_keywords'),
  ]);
  const finalTags = tags.length > 0 ? tags : splitTags([meta($, 'keywords')]);

  let published: string | null = null;
  let publishedSource: HtmlMetadata['publishedSource'] = null;
  for (const candidate of [
    ld ? textOf(ld.datePublished) ?? textOf(ld.dateCreated) : null,
    meta($, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'date', 'content_publisheddate', 'og:published_time', 'parsely-pub-date', 'sailthru.date'),
    clean($('[itemprop="datePublished"]').first().attr('content') ?? $('[itemprop="datePublished"]').first().attr('datetime')),
    // A <time> in the article before one in a sidebar list.
    clean($('article time[datetime], header time[datetime], [itemprop~="articleBody"] time[datetime]').first().attr('datetime')),
    clean($('time[datetime]').first().attr('datetime')),
  ]) {
    published = normalizeDate(candidate, timeZone);
    if (published) {
      publishedSource = 'html-meta';
      break;
    }
  }
  if (!published) {
    for (const text of writtenDateText($)) {
      const found = findDateInText(text, timeZone);
      if (found) {
        published = found.iso;
        publishedSource = 'text';
        break;
      }
    }
  }
  const modified =
    normalizeDate(ld ? textOf(ld.dateModified) : null, timeZone) ??
    normalizeDate(meta($, 'article:modified_time', 'og:updated_time', 'dateModified', 'last-modified', 'dcterms.modified'), timeZone);

  const image = absolute(meta($, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src') ?? (ld ? urlOf(ld.image) ?? urlOf(ld.thumbnailUrl) : null), baseUrl);
  const description = meta($, 'og:description', 'description', 'twitter:description') ?? (ld ? clean(textOf(ld.description)) : null);
  const language = normalizeLanguage($('html').attr('lang') ?? null) ?? normalizeLanguage(ld ? textOf(ld.inLanguage) : null) ?? normalizeLanguage(meta($, 'og:locale', 'content-language', 'language', 'dc.language'));
  const articleBody = ld && typeof ld.articleBody === 'string' && ld.articleBody.trim() ? ld.articleBody : null;

  return {
    jsonLd: ld,
    meta: { title, url: canonical, baseUrl, authors, siteName, tags: finalTags, language, published, publishedSource, modified, image, description, articleBody },
  };
}
