/**
 * A saved HTML page -> article fields and sanitized content HTML. Pure: bytes, the zone and the
 * site selectors come in. This module loads cheerio and sanitize-html: import it dynamically,
 * only when an input is HTML (cheerio alone costs ~130 ms to import).
 */
import { load } from 'cheerio';
import { decodeHTML } from 'entities/decode';
import type { ExtractedArticle } from '../../domain/types.js';
import { splitLines } from '../../clean/normalize.js';
import { decodeHtml } from './charset.js';
import { extractMetadata, type HtmlMetadata } from './metadata.js';
import { BLOCK_ATTR, extractBody, pruneEmpty, type ContainerSource } from './body.js';
import { sanitizeContent } from './sanitize.js';

export { decodeHtml, declaredCharset } from './charset.js';
export { sanitizeContent } from './sanitize.js';
export type { HtmlMetadata } from './metadata.js';

/** Site-pack selectors that apply to a page (the caller matches packs to its URL and site name). */
export interface SiteSelectors {
  readonly remove: readonly string[];
  readonly content: readonly string[];
}

export interface HtmlExtractOptions {
  /** IANA zone of dates the page writes without one. */
  readonly timeZone: string;
  /** Selectors of the site packs that apply to a page with this URL and site name. */
  readonly selectorsFor?: (ctx: { url: string | null; source: string | null }) => SiteSelectors;
  /** Charset named by the transport (an HTTP header), which outranks the page's own. */
  readonly transportCharset?: string | null;
  /** URL the page was fetched from: the base of its relative links when it names no canonical URL. */
  readonly documentUrl?: string | null;
}

/** Everything read from a page, for the pipeline (`article`) and for tests and tools. */
export interface HtmlPage {
  readonly article: ExtractedArticle;
  readonly meta: HtmlMetadata;
  readonly charset: string;
  /** How the body was found; null when the page has no body text. */
  readonly container: ContainerSource | null;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON-LD `articleBody` as HTML: taken as HTML when it has tags, else one paragraph per line. */
function articleBodyHtml(body: string): string {
  if (/<\/?(?:p|br|div|h[1-6]|ul|ol|li|blockquote|table)\b/i.test(body)) return body;
  // Markup without blocks (a stray <script>, inline links) is still markup: parse it, keeping
  // the text's line breaks as paragraph breaks.
  if (/<\/?[a-z][a-z0-9]*\b[^<>]*>/i.test(body)) return splitLines(body).map((l) => `<p>${l}</p>`).join('');
  return splitLines(decodeHTML(body))
    .map((l) => `<p>${escapeText(l)}</p>`)
    .join('');
}

const textLength = (lines: readonly string[]): number => lines.reduce((n, l) => n + l.length, 0);

/**
 * Read a saved page.
 * @example
 * const page = extractPage(bytes, { timeZone: 'Asia/Jakarta' });
 * page.article.title; page.article.lines; page.article.contentHtml;
 */
export function extractPage(bytes: Uint8Array, options: HtmlExtractOptions): HtmlPage {
  const decoded = decodeHtml(bytes, options.transportCharset);
  const $ = load(decoded.html);
  const { meta } = extractMetadata($, options.timeZone, options.documentUrl ?? null);
  const selectors = options.selectorsFor?.({ url: meta.url, source: meta.siteName }) ?? { remove: [], content: [] };
  const bodyOptions = { baseUrl: meta.baseUrl, title: meta.title, removeSelectors: selectors.remove, contentSelectors: selectors.content };
  let body = extractBody($, bodyOptions);
  let container: ContainerSource | null = body?.source ?? null;

  if (meta.articleBody) {
    const ld = extractBody(load(`<html><body><div id="kliping-json-ld">${articleBodyHtml(meta.articleBody)}</div></body></html>`), {
      ...bodyOptions,
      removeSelectors: [],
      contentSelectors: ['#kliping-json-ld'],
      minProse: 1,
    });
    // The markup wins unless it lost most of the story (an app shell, a paywall teaser).
    if (ld && (!body || textLength(body.lines) < textLength(ld.lines) / 2)) {
      body = ld;
      container = 'json-ld';
    }
  }

  const markedHtml = body?.markedHtml ?? '';
  const contentHtmlWithout = (droppedLines: ReadonlySet<number>): string => {
    const $c = load(`<div id="kliping-root">${markedHtml}</div>`, null, false);
    const root = $c('#kliping-root');
    root.find(`[${BLOCK_ATTR}]`).each((_, el) => {
      if (droppedLines.has(Number(el.attribs[BLOCK_ATTR]) + 1)) $c(el).remove();
    });
    pruneEmpty($c, root);
    const html = sanitizeContent(root.html() ?? '');
    // Indentation of the saved page is noise between blocks; inside <pre> it is content.
    return /<pre\b/i.test(html) ? html : html.replace(/>\s*\n\s*</g, '>\n<');
  };

  return {
    meta,
    charset: decoded.charset,
    container,
    article: {
      title: meta.title,
      url: meta.url,
      authors: meta.authors,
      source: meta.siteName,
      tags: meta.tags,
      language: meta.language,
      published: meta.published,
      publishedSource: meta.publishedSource,
      modified: meta.modified,
      image: meta.image,
      description: meta.description,
      lines: body?.lines ?? [],
      contentHtml: body ? contentHtmlWithout(new Set()) : null,
      contentHtmlWithout: body ? contentHtmlWithout : undefined,
    },
  };
}

/** The article of a saved page (see extractPage). */
export function extractHtml(bytes: Uint8Array, options: HtmlExtractOptions): ExtractedArticle {
  return extractPage(bytes, options).article;
}
