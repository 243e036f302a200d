/**
 * JSON-LD blocks of a page -> the article node. A block may be one object, an array, or a
 * `@graph`; a block that is not valid JSON is skipped (portals ship broken ones). Pure.
 */
import { decodeHTML } from 'entities/decode';

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting)$/i;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t.replace(/^.*[/#:]/, '')];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
  return [];
}

/** Parse one `<script type="application/ld+json">` text; null when it is not JSON. */
export function parseJsonLd(text: string): unknown {
  // Strip HTML comment wrappers and CDATA that old templates put around scripts; raw control
  // characters inside strings are the most common reason a block fails JSON.parse.
  const cleaned = text
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '')
    .trim();
  try {
    return JSON.parse(cleaned);
  } catch {
    try {
      return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return null;
    }
  }
}

/** Every object node of the parsed blocks, flattening arrays and `@graph`s. */
export function jsonLdNodes(blocks: readonly unknown[]): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4) return;
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isObject(v)) {
      out.push(v);
      if (v['@graph'] !== undefined) visit(v['@graph'], depth + 1);
    }
  };
  for (const b of blocks) visit(b, 0);
  return out;
}

/** The node that describes the article: an Article type, preferring one with a headline and body. */
export function articleNode(nodes: readonly JsonObject[], pageUrl: string | null = null): JsonObject | null {
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t)));
  if (articles.length === 0) {
    // Some portals describe the story as a WebPage with a headline.
    return nodes.find((n) => typesOf(n).includes('WebPage') && typeof n.headline === 'string') ?? null;
  }
  const norm = (u: string | null): string | null => (u ? u.replace(/[#?].*$/, '').replace(/\/+$/, '').toLowerCase() : null);
  const page = norm(pageUrl);
  // A page may describe related stories too: the node about this page's URL wins.
  const about = (n: JsonObject): boolean => page !== null && [urlOf(n.url), urlOf(n.mainEntityOfPage), urlOf(n['@id'])].some((u) => norm(u) === page);
  const score = (n: JsonObject): number => (about(n) ? 4 : 0) + (typeof n.headline === 'string' ? 2 : 0) + (typeof n.articleBody === 'string' ? 1 : 0) + (n.datePublished ? 1 : 0);
  return [...articles].sort((a, b) => score(b) - score(a))[0] ?? null;
}

/** A text value: a string, or the `name`/`@value`/`text` of an object; first of an array. */
export function textOf(v: unknown): string | null {
  // Templates often HTML-escape inside JSON ("Harga &amp; Pasar").
  if (typeof v === 'string') return decodeHTML(v).trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = textOf(x);
      if (t) return t;
    }
    return null;
  }
  if (isObject(v)) return textOf(v.name ?? v['@value'] ?? v.text);
  return null;
}

/** Every name in a value that may be a string, an object with `name`, or a list of either. */
export function namesOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(namesOf);
  if (typeof v === 'string') return decodeHTML(v).trim() ? [decodeHTML(v).trim()] : [];
  if (isObject(v)) {
    const n = textOf(v.name);
    return n ? [n] : [];
  }
  return [];
}

/** A URL value: a string, or an object's `url`/`@id`/`contentUrl`; first of an array. */
export function urlOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = urlOf(x);
      if (u) return u;
    }
    return null;
  }
  if (isObject(v)) return urlOf(v.url ?? v.contentUrl ?? v['@id']);
  return null;
}

/** The `publisher` (or `sourceOrganization`) name of the article or of an Organization node. */
export function publisherName(article: JsonObject | null, nodes: readonly JsonObject[]): string | null {
  const fromArticle = article ? textOf(article.publisher) ?? textOf(article.sourceOrganization) : null;
  if (fromArticle) return fromArticle;
  const site = nodes.find((n) => typesOf(n).includes('WebSite'));
  if (site && textOf(site.name)) return textOf(site.name);
  const org = nodes.find((n) => typesOf(n).some((t) => t === 'NewsMediaOrganization' || t === 'Organization'));
  return org ? textOf(org.name) : null;
}
