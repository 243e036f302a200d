/**
 * An upstream feed (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) -> its items. Pure: bytes, the feed's
 * URL, the zone and the clock come in. Parsed with cheerio in XML mode (htmlparser2, already a
 * dependency) rather than a strict XML parser or a feed library: the feeds the web serves have
 * undeclared HTML entities (`&nbsp;`), stray `&`, a BOM, wrong dates; a strict parser rejects the
 * whole feed for one bad byte, and the feed libraries we looked at (rss-parser, feedparser)
 * pull in an HTTP stack or a second XML parser and still drop items with bad dates. Load this
 * module lazily: it imports cheerio.
 */
import { load } from 'cheerio/slim';
import { decodeHTML } from 'entities/decode';
import iconv from 'iconv-lite';
import { formatInZone, parseTimestamp } from '../../domain/time.js';
import { findDateInText } from '../../extract/dates.js';

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface FeedItem {
  /** The item's own id (RSS guid, Atom id, JSON Feed id, RDF about), else its link. */
  readonly guid: string;
  /** Absolute http(s) URL of the article page. */
  readonly link: string;
  readonly title: string | null;
  /** ISO 8601 with offset, or null when the feed gives no usable date. */
  readonly published: string | null;
  readonly authors: readonly string[];
}

export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title: string | null;
  /** In document order (feeds list newest first). */
  readonly items: readonly FeedItem[];
  /** Items left out, and why (no link, a link that is not http(s)). */
  readonly problems: readonly string[];
}

export class FeedParseError extends Error {}

interface XNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: XNode[];
  data?: string;
}

/** Decode a feed's bytes: BOM, else the XML declaration's encoding, else the header's, else UTF-8. */
export function decodeFeed(bytes: Uint8Array, headerCharset: string | null = null): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf-16be');
  const head = buf.subarray(0, 200).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? headerCharset;
  let charset = (declared ?? 'utf-8').toLowerCase();
  // As browsers do: these labels mean windows-1252 in practice.
  if (charset === 'iso-8859-1' || charset === 'latin1' || charset === 'us-ascii' || charset === 'ascii') charset = 'windows-1252';
  if (charset === 'utf-8' || charset === 'utf8' || !iconv.encodingExists(charset)) return buf.toString('utf8').replace(/^\uFEFF/, '');
  return iconv.decode(buf, charset);
}

const elements = (n: XNode | undefined): XNode[] => (n?.children ?? []).filter((c) => c.type === 'tag' || c.type === 'script' || c.type === 'style');
const nameOf = (n: XNode): string => (n.name ?? '').toLowerCase();
const child = (n: XNode, ...names: string[]): XNode | undefined => elements(n).find((c) => names.includes(nameOf(c)));
const childrenNamed = (n: XNode, ...names: string[]): XNode[] => elements(n).filter((c) => names.includes(nameOf(c)));

/** Text of a node: entity references decoded (HTML's too), CDATA as written. */
function rawText(n: XNode | undefined): string {
  if (!n) return '';
  if (n.type === 'text') return decodeHTML(n.data ?? '');
  if (n.type === 'cdata') return (n.children ?? []).map((c) => c.data ?? '').join('');
  return (n.children ?? []).map(rawText).join('');
}

/** Plain one-line text: markup removed (titles are often escaped HTML), entities decoded, spaces folded. */
function plain(s: string | undefined | null): string | null {
  if (s === undefined || s === null) return null;
  let t = s;
  if (/<[a-z!/]/i.test(t)) t = decodeHTML(t.replace(/<[^>]*>/g, ' '));
  else if (/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i.test(t)) t = decodeHTML(t);
  t = t.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  return t === '' ? null : t;
}

const textOf = (n: XNode | undefined): string | null => plain(rawText(n));

function absoluteHttp(link: string | null | undefined, base: string): string | null {
  if (!link) return null;
  try {
    const u = new URL(link.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A GUID stands in for a missing link only when it is itself an absolute http(s) URL. */
const guidLink = (guid: string | null): string | null => (guid && /^\s*https?:\/\//i.test(guid) ? absoluteHttp(guid, 'http://invalid/') : null);

const EARLIEST = Date.parse('1990-01-01T00:00:00Z');

/**
 * A feed date, tolerant: RFC 822 (with a 2-digit year, a missing day name, a named zone such as
 * WIB), RFC 3339, Indonesian and English dates written out. A date that cannot be read, before
 * 1990 or more than a day ahead of `nowMs` (a wrong server clock or a typo) is no date.
 */
export function parseFeedDate(text: string | null, timeZone: string, nowMs: number): string | null {
  if (!text) return null;
  const t = text.trim();
  let ms = parseTimestamp(t);
  if (ms === null && /^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}/.test(t)) {
    // Date.parse reads RFC 822 (GMT, UT, +0700, EST...) but not an invalid day ("32 Jan").
    const parsed = Date.parse(t.replace(/\b(\d{1,2}\s+[A-Za-z]{3}\s+)(\d{2})(\s)/, (_, a: string, y: string, s: string) => `${a}${Number(y) < 70 ? 20 : 19}${y}${s}`));
    const named = /\d\s*(?:GMT|UTC?|Z|[+-]\d{4}|[ECMP][SD]T)\s*$/i.test(t);
    if (!Number.isNaN(parsed) && named) ms = parsed;
  }
  if (ms === null) {
    const found = findDateInText(t, timeZone);
    if (found) ms = Date.parse(found.iso);
  }
  if (ms === null || Number.isNaN(ms) || ms < EARLIEST || ms > nowMs + 24 * 3600 * 1000) return null;
  return formatInZone(ms, timeZone);
}

/** "editor@example.com (Jane Doe)" -> "Jane Doe"; a bare address is no name. */
function authorName(s: string | null): string | null {
  if (!s) return null;
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  if (m) return m[1]!.trim() || null;
  return /^\S+@\S+$/.test(s) ? null : s;
}

export interface ParseFeedOptions {
  /** The feed's URL: the base of relative links. */
  readonly url: string;
  readonly timeZone: string;
  readonly nowMs: number;
  readonly headerCharset?: string | null;
}

/** True when the bytes look like a feed (for sources of kind `auto`). */
export function looksLikeFeed(bytes: Uint8Array, contentType: string | null): boolean {
  if (contentType && /(?:rss|atom|rdf)\+xml|feed\+json/.test(contentType)) return true;
  const head = decodeFeed(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head);
  const body = head.replace(/^<\?xml[^>]*>\s*/, '').replace(/^(?:<!--[\s\S]*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
  return /^<(?:rss|feed|rdf:rdf)\b/i.test(body);
}

/**
 * Parse a feed.
 * @example
 * parseFeed(bytes, { url: 'https://example.org/rss', timeZone: 'Asia/Jakarta', nowMs: Date.now() }).items[0]?.link;
 */
export function parseFeed(bytes: Uint8Array, options: ParseFeedOptions): ParsedFeed {
  const text = decodeFeed(bytes, options.headerCharset ?? null).replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('{')) return parseJsonFeed(text, options);
  const $ = load(text, { xml: { xmlMode: true, decodeEntities: false } });
  const root = elements($.root().get(0) as unknown as XNode)[0];
  if (!root) throw new FeedParseError('no XML element in the response: not a feed');
  const rootName = nameOf(root);
  const problems: string[] = [];
  const items: FeedItem[] = [];
  const date = (n: XNode | undefined): string | null => parseFeedDate(rawText(n).trim() || null, options.timeZone, options.nowMs);
  const push = (guid: string | null, linkRaw: string | null, title: string | null, published: string | null, authors: string[], base: string): void => {
    const link = absoluteHttp(linkRaw, base) ?? guidLink(guid);
    if (!link) {
      problems.push(`item ${JSON.stringify(title ?? guid ?? '(untitled)')} has no http(s) link: skipped`);
      return;
    }
    items.push({ guid: guid?.trim() || link, link, title, published, authors: [...new Set(authors.filter((a) => a))] });
  };

  if (rootName === 'rss' || rootName === 'rdf:rdf') {
    const channel = child(root, 'channel');
    const itemNodes = rootName === 'rss' ? childrenNamed(channel ?? root, 'item') : [...childrenNamed(root, 'item'), ...(channel ? childrenNamed(channel, 'item') : [])];
    for (const it of itemNodes) {
      const atomLink = childrenNamed(it, 'atom:link', 'link').find((l) => l.attribs?.href && (!l.attribs.rel || l.attribs.rel === 'alternate'));
      const link = textOf(child(it, 'link')) ?? atomLink?.attribs?.href ?? null;
      const guid = textOf(child(it, 'guid')) ?? it.attribs?.['rdf:about'] ?? null;
      const authors = [authorName(textOf(child(it, 'author'))), ...childrenNamed(it, 'dc:creator').map(textOf)].filter((a): a is string => !!a);
      push(guid, link, textOf(child(it, 'title')), date(child(it, 'pubdate') ?? child(it, 'dc:date') ?? child(it, 'a10:updated')), authors, options.url);
    }
    return { format: rootName === 'rss' ? 'rss' : 'rdf', title: channel ? textOf(child(channel, 'title')) : null, items, problems };
  }
  if (rootName === 'feed') {
    const feedBase = absoluteHttp(root.attribs?.['xml:base'], options.url) ?? options.url;
    for (const e of childrenNamed(root, 'entry')) {
      const base = absoluteHttp(e.attribs?.['xml:base'], feedBase) ?? feedBase;
      const links = childrenNamed(e, 'link');
      const alt = links.find((l) => (l.attribs?.rel ?? 'alternate') === 'alternate' && (!l.attribs?.type || /html/i.test(l.attribs.type))) ?? links.find((l) => (l.attribs?.rel ?? 'alternate') === 'alternate');
      const authors = childrenNamed(e, 'author').map((a) => textOf(child(a, 'name')) ?? textOf(a)).filter((a): a is string => !!a);
      const id = textOf(child(e, 'id'));
      push(id, alt?.attribs?.href ?? null, textOf(child(e, 'title')), date(child(e, 'published') ?? child(e, 'issued') ?? child(e, 'updated') ?? child(e, 'modified')), authors, base);
    }
    return { format: 'atom', title: textOf(child(root, 'title')), items, problems };
  }
  throw new FeedParseError(`the document's root element is <${root.name ?? '?'}>, not <rss>, <feed> or <rdf:RDF>: not a feed`);
}

function parseJsonFeed(text: string, options: ParseFeedOptions): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new FeedParseError(`not valid JSON (${(e as Error).message}): not a JSON Feed`);
  }
  const d = doc as Record<string, unknown>;
  if (typeof d !== 'object' || d === null || typeof d.version !== 'string' || !/jsonfeed\.org\/version\//.test(d.version) || !Array.isArray(d.items)) {
    throw new FeedParseError('JSON without a jsonfeed.org "version" and an "items" list: not a JSON Feed');
  }
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);
  const problems: string[] = [];
  const items: FeedItem[] = [];
  for (const raw of d.items as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const it = raw as Record<string, unknown>;
    const title = plain(str(it.title));
    const guid = str(it.id);
    const link = absoluteHttp(str(it.url) ?? str(it.external_url), options.url) ?? guidLink(guid);
    if (!link) {
      problems.push(`item ${JSON.stringify(title ?? guid ?? '(untitled)')} has no http(s) url: skipped`);
      continue;
    }
    const people = [...(Array.isArray(it.authors) ? it.authors : []), ...(it.author ? [it.author] : [])];
    const authors = people.map((a) => plain(str((a as Record<string, unknown> | null)?.name))).filter((a): a is string => !!a);
    const published = parseFeedDate(str(it.date_published) ?? str(it.date_modified), options.timeZone, options.nowMs);
    items.push({ guid: guid?.trim() || link, link, title, published, authors: [...new Set(authors)] });
  }
  return { format: 'json', title: plain(str(d.title)), items, problems };
}
