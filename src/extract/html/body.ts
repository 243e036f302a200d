/**
 * The article body of a parsed page: find its container, cut the furniture out, normalize what
 * is kept (absolute URLs, lazy images, text in paragraphs) and mark each block that becomes a
 * line for the cleaner. Pure: works on the cheerio document it is given.
 */
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Attribute that ties a block in the content HTML to its line (0-based index into `lines`). */
export const BLOCK_ATTR = 'data-kliping-line';

/** Tags removed wherever they are: never story text. */
const ALWAYS_JUNK = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'applet', 'form', 'button',
  'input', 'select', 'textarea', 'nav', 'aside', 'svg', 'canvas', 'link', 'meta', 'dialog', 'header', 'footer',
  'ins.adsbygoogle', 'amp-ad', 'amp-embed', 'amp-analytics',
].join(', ');

const HIDDEN = '[hidden], [aria-hidden="true"], [style*="display:none" i], [style*="display: none" i], [style*="visibility:hidden" i], [style*="visibility: hidden" i]';

/**
 * Class or id words of furniture: ad slots, related and "baca juga" boxes, share widgets,
 * comments, tags, bylines, newsletter boxes. Matched as whole words of a class or id
 * (`share-box`, `ads_slot`, `baca-juga`), so "shareholders" or "download" never match.
 */
const JUNK_NAME = new RegExp(
  String.raw`(?:^|[\s_-])(?:` +
    [
      'ads?', 'adv', 'advert\\w*', 'adslot', 'ad-?slot', 'ad-?unit', 'iklan', 'banner', 'sponsor\\w*', 'promo\\w*',
      'dfp', 'gpt', 'div-gpt-ad', 'taboola', 'outbrain', 'mgid', 'revcontent', 'parallax\\w*', 'billboard', 'skyscraper',
      'related', 'terkait', 'baca-?juga', 'bacajuga', 'baca', 'linksisip', 'topiksisip', 'sisip', 'inner-link\\w*',
      'rekomendasi', 'recommend\\w*', 'populer', 'popular', 'terpopuler', 'trending', 'terbaru', 'latest',
      'read-?more', 'readmore', 'read-?next', 'up-?next', 'trust-?badge', 'also-?read', 'more-?stories', 'lihat-?juga', 'pilihan', 'editors-?pick', 'widget',
      'share', 'shares', 'sharing', 'sharethis', 'share-?(?:box|bar|buttons?|links?|tools?|widget|this|icons?)', 'social', 'socials', 'social-?(?:share|media|links?|icons?|buttons?|bar)', 'sosmed', 'whatsapp', 'follow', 'comments?', 'komentar', 'disqus',
      'newsletter', 'subscribe\\w*', 'langganan', 'breadcrumbs?', 'tags?', 'tagging', 'topics?', 'topik',
      'byline', 'author', 'authors', 'author-?(?:box|info|bio|name)', 'penulis', 'reporter', 'editor-?(?:box|name|info)?(?![\\w-]*content)', 'pewarta', 'date', 'dates', 'timestamp', 'publish\\w*',
      'pagination', 'paging', 'navigation', 'nav', 'menu', 'sidebar', 'footer', 'header', 'masthead', 'cookie\\w*',
      'modal', 'popup', 'overlay', 'video-?player', 'embed', 'print', 'hidden(?!-(?:xs|sm|md|lg|xl))', 'sr-only', 'visually-hidden',
    ].join('|') +
    String.raw`)(?:$|[\s_-])`,
  'i',
);

/** True when a class or id (`"share-box"`, `"ads_slot"`) names furniture. */
export function isFurnitureName(name: string): boolean {
  return JUNK_NAME.test(name);
}

/** Blocks: what a paragraph break separates. Everything else is inline. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'picture', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Blocks that hold a line of text themselves when they contain no other block. */
const LINE_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'pre', 'figcaption', 'caption', 'tr', 'td', 'th', 'summary']);
/** Wrappers whose loose inline content is gathered into paragraphs. */
const DIVLIKE = new Set(['div', 'section', 'article', 'main', 'center', 'address', 'details', 'fieldset', 'body']);
const WRAPS_INLINE = new Set([...DIVLIKE, 'li', 'blockquote', 'td', 'th', 'dd']);
/** Elements removed when nothing visible is left in them. */
const PRUNABLE = new Set([
  'p', 'div', 'section', 'article', 'main', 'center', 'span', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'figure',
  'figcaption', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b',
  'em', 'i', 'u', 'a', 'pre', 'picture', 'small', 'font',
]);

const LAZY_SRC = ['data-src', 'data-original', 'data-lazy-src', 'data-lazy', 'data-url', 'data-orig-file', 'data-hi-res-src', 'data-echo'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function tagOf(n: AnyNode): string {
  return isElement(n) ? n.name.toLowerCase() : '';
}

/** Visible text of a node: `<br>` and block edges are spaces, runs of space folded. */
export function visibleText(node: AnyNode): string {
  const parts: string[] = [];
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    else if (isElement(n)) {
      const tag = tagOf(n);
      if (tag === 'br') {
        parts.push(' ');
        return;
      }
      if (tag === 'script' || tag === 'style') return;
      const block = BLOCK.has(tag);
      if (block) parts.push(' ');
      if (tag === 'tr') {
        // A table row is one line: its cells joined with " | ".
        const texts = n.children.filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th').map((c) => visibleText(c)).filter(Boolean);
        parts.push(texts.join(' | '));
      } else for (const c of n.children) walk(c);
      if (block) parts.push(' ');
    }
  };
  walk(node);
  return parts.join('').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Length of the text inside links below `n`. */
function linkTextLength(n: AnyNode): number {
  if (!isElement(n)) return 0;
  if (tagOf(n) === 'a') return visibleText(n).length;
  let sum = 0;
  for (const c of n.children) sum += linkTextLength(c);
  return sum;
}

function linkDensity(_$: CheerioAPI, el: Element): number {
  const total = visibleText(el).length;
  if (total === 0) return 0;
  return Math.min(1, linkTextLength(el) / total);
}

/** True when `el` holds an element of one of `tags` (a plain walk: cheerio's find() is slow on big pages). */
function hasDescendant(el: Element, tags: ReadonlySet<string>): boolean {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (tags.has(tagOf(c)) || hasDescendant(c, tags)) return true;
  }
  return false;
}

function countDescendants(el: Element, tag: string): number {
  let n = 0;
  for (const c of el.children) if (isElement(c)) n += (tagOf(c) === tag ? 1 : 0) + countDescendants(c, tag);
  return n;
}

/** Remove comment nodes (cheerio's contents() is quadratic on a big page). */
function removeComments(node: AnyNode): void {
  const kids = (node as { children?: AnyNode[] }).children;
  if (!kids) return;
  for (let i = kids.length - 1; i >= 0; i--) {
    const c = kids[i]!;
    if (c.type === 'comment') {
      kids.splice(i, 1);
      if (c.prev) c.prev.next = c.next;
      if (c.next) c.next.prev = c.prev;
      c.parent = null;
    } else removeComments(c);
  }
}

/** Text outside links, the measure of "real" text in a candidate container. */
function proseLength($: CheerioAPI, el: Element): number {
  return visibleText(el).length * (1 - linkDensity($, el));
}

function hasBlockDescendant(el: Element, ignore: ReadonlySet<string> = new Set()): boolean {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    const t = tagOf(c);
    if (BLOCK.has(t) && !ignore.has(t)) return true;
    if (hasBlockDescendant(c, ignore)) return true;
  }
  return false;
}

/** The densest text block: paragraphs score their parent (and half their grandparent), links count against. */
/** True when `el` or an ancestor is named as furniture (comments, related lists, sidebars). */
function insideFurniture(el: Element): boolean {
  for (let n: Element | null = el; n && n.name !== 'body'; n = n.parent && isElement(n.parent) ? n.parent : null) {
    if (JUNK_NAME.test(`${n.attribs.class ?? ''} ${n.attribs.id ?? ''}`)) return true;
  }
  return false;
}

function densestBlock($: CheerioAPI): Element | null {
  const scores = new Map<Element, number>();
  const add = (el: Element | null, s: number): void => {
    if (el && el.type === 'tag' && el.name !== 'body' && el.name !== 'html') scores.set(el, (scores.get(el) ?? 0) + s);
  };
  $('body p, body pre, body td, body div, body section').each((_, el) => {
    const tag = tagOf(el);
    const wrapper = tag === 'div' || tag === 'section' || tag === 'td';
    // Only the loose text of a wrapper counts here; its paragraphs count on their own.
    const own = wrapper ? el.children.filter((c) => !isElement(c) || !BLOCK.has(tagOf(c))) : [el];
    const text = own.map((c) => visibleText(c)).join(' ').trim();
    if (text.length < 25 || insideFurniture(el)) return;
    // A teaser or a menu is mostly link text: it is not prose, however long the list.
    const links = own.reduce((sum, c) => sum + linkTextLength(c), 0);
    if (links / text.length > 0.5) return;
    const s = 1 + text.split(/[,،]/).length - 1 + Math.min(Math.floor(text.length / 100), 3);
    const holder = wrapper ? el : el.parent && isElement(el.parent) ? el.parent : null;
    add(holder, s);
    add(holder?.parent && isElement(holder.parent) ? holder.parent : null, s / 2);
  });
  let best: Element | null = null;
  let bestScore = 0;
  const final = new Map<Element, number>();
  for (const [el, s] of scores) {
    const score = s * (1 - linkDensity($, el));
    final.set(el, score);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  // A story split over sibling blocks (page 1, an ad, page 2): take their parent when a sibling
  // scores close to the best one.
  const parent = best?.parent && isElement(best.parent) && tagOf(best.parent) !== 'body' ? best.parent : null;
  if (best && parent) {
    const strong = parent.children.filter((c) => c !== best && isElement(c) && (final.get(c) ?? 0) >= Math.max(3, bestScore * 0.25));
    if (strong.length > 0) return parent;
  }
  return best;
}

function safeSelect($: CheerioAPI, selector: string): Cheerio<Element> | null {
  try {
    return $(selector).filter((_, n) => isElement(n)) as Cheerio<Element>;
  } catch {
    return null;
  }
}

/** How the container was found (stored in tests' expectations, handy when a site changes). */
export type ContainerSource = 'site-selector' | 'itemprop' | 'article' | 'densest' | 'json-ld';

const MIN_PROSE = 140;

/** Find the element that holds the story. */
export function findContainer($: CheerioAPI, contentSelectors: readonly string[], minProse = MIN_PROSE): { el: Element; source: ContainerSource } | null {
  for (const sel of contentSelectors) {
    const found = safeSelect($, sel)?.toArray().find((el) => proseLength($, el) >= minProse);
    if (found) return { el: found, source: 'site-selector' };
  }
  const byProse = (els: Element[]): Element | null =>
    els.filter((el) => proseLength($, el) >= minProse).sort((a, b) => proseLength($, b) - proseLength($, a))[0] ?? null;
  const itemprop = byProse($('[itemprop~="articleBody"]').toArray());
  if (itemprop) return { el: itemprop, source: 'itemprop' };
  const article = byProse($('article').toArray());
  if (article) return { el: article, source: 'article' };
  const dense = densestBlock($);
  if (dense && proseLength($, dense) >= minProse / 2) return { el: dense, source: 'densest' };
  return null;
}

function absolutize(url: string | undefined, base: string | null): string | undefined {
  if (url === undefined) return undefined;
  const u = url.trim();
  if (u === '' || base === null) return u;
  try {
    return new URL(u, base).href;
  } catch {
    return u;
  }
}

function absolutizeSrcset(srcset: string, base: string | null): string {
  return srcset
    .split(/,\s+|,(?=\S+\s+\d)/)
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const [url, ...desc] = c.split(/\s+/);
      return [absolutize(url, base), ...desc].join(' ');
    })
    .join(', ');
}

/** A stand-in image a lazy loader swaps out: a data: URL or a file named like blank.gif, placeholder.png. */
const PLACEHOLDER = /^data:|(?:^|\/)(?:blank|placeholder|lazy|lazyload|loading|loader|spacer|pixel|transparent|grey|gray|1x1|empty)(?:[-_.](?:placeholder|image|img|bg|\d+x\d+|\d+))*\.(?:gif|png|jpe?g|svg|webp)(?:[?#].*)?$/i;

function fixMedia($: CheerioAPI, root: Cheerio<Element>, base: string | null): void {
  root.find('img, source').each((_, el) => {
    const a = el.attribs;
    const lazy = LAZY_SRC.map((k) => a[k]).find((v) => v && v.trim() && !/^data:/i.test(v.trim()));
    if (lazy && (!a.src || PLACEHOLDER.test(a.src.trim()))) a.src = lazy;
    const lazySet = LAZY_SRCSET.map((k) => a[k]).find((v) => v && v.trim());
    if (lazySet) a.srcset = lazySet;
    if (el.name === 'source' && !a.srcset && a.src) a.srcset = a.src;
    if (a.src && PLACEHOLDER.test(a.src.trim()) && !/^data:image\/(?:png|gif|jpe?g|webp);base64,.{200,}/i.test(a.src.trim())) delete a.src;
    if (a.src !== undefined) a.src = absolutize(a.src, base)!;
    if (a.srcset !== undefined) a.srcset = absolutizeSrcset(a.srcset, base);
    const w = Number(a.width);
    const h = Number(a.height);
    if (el.name === 'img' && ((!a.src && !a.srcset) || (w > 0 && w <= 2) || (h > 0 && h <= 2))) $(el).remove();
  });
  root.find('a[href]').each((_, el) => {
    const href = el.attribs.href!.trim();
    if (href === '' || href.startsWith('#')) delete el.attribs.href;
    else el.attribs.href = absolutize(href, base)!;
  });
  root.find('blockquote[cite], q[cite]').each((_, el) => {
    el.attribs.cite = absolutize(el.attribs.cite, base)!;
  });
}

/** Gather loose inline content of wrappers into `<p>`s, so every text sits in a block. */
function wrapLooseInline($: CheerioAPI, el: Element): void {
  for (const c of [...el.children]) if (isElement(c)) wrapLooseInline($, c);
  const tag = tagOf(el);
  if (!WRAPS_INLINE.has(tag)) return;
  const hasBlockChild = el.children.some((c) => isElement(c) && BLOCK.has(tagOf(c)));
  if (!hasBlockChild) {
    if (DIVLIKE.has(tag) && (visibleText(el) !== '' || $(el).find('img').length > 0)) el.name = 'p';
    return;
  }
  let run: AnyNode[] = [];
  const flush = (): void => {
    const hasContent = run.some((n) => (n.type === 'text' ? (n as unknown as { data: string }).data.trim() !== '' : isElement(n) && (visibleText(n) !== '' || tagOf(n) === 'img' || $(n).find('img').length > 0)));
    if (hasContent) {
      // cheerio's before() does nothing on a text node; insertBefore() does, and the inserted
      // element is then the run's previous sibling.
      $('<p></p>').insertBefore(run[0]!);
      const p = $(run[0]!.prev!);
      for (const n of run) p.append(n);
    }
    run = [];
  };
  for (const c of [...el.children]) {
    if (isElement(c) && BLOCK.has(tagOf(c))) flush();
    else run.push(c);
  }
  flush();
}

/** A paragraph written as lines separated by `<br><br>` becomes one `<p>` per part. */
function splitDoubleBreaks($: CheerioAPI, root: Cheerio<Element>): void {
  root.find('p').each((_, p) => {
    const kids = p.children;
    const groups: AnyNode[][] = [[]];
    for (let i = 0; i < kids.length; i++) {
      const n = kids[i]!;
      if (tagOf(n) === 'br') {
        let j = i + 1;
        while (j < kids.length && kids[j]!.type === 'text' && (kids[j] as unknown as { data: string }).data.trim() === '') j++;
        if (j < kids.length && tagOf(kids[j]!) === 'br') {
          while (j < kids.length && (tagOf(kids[j]!) === 'br' || (kids[j]!.type === 'text' && (kids[j] as unknown as { data: string }).data.trim() === ''))) j++;
          groups.push([]);
          i = j - 1;
          continue;
        }
      }
      groups[groups.length - 1]!.push(n);
    }
    if (groups.length < 2) return;
    const $p = $(p);
    for (const g of groups) {
      $('<p></p>').insertBefore(p);
      const np = $(p.prev!);
      for (const n of g) np.append(n);
    }
    $p.remove();
  });
}

const MEDIA = new Set(['img', 'picture', 'hr', 'table']);

/** Remove elements left without text or images, innermost first. */
export function pruneEmpty($: CheerioAPI, root: Cheerio<Element>): void {
  const all = root.find('*').toArray().reverse();
  for (const el of all) {
    if (!PRUNABLE.has(tagOf(el))) continue;
    if (visibleText(el) !== '') continue;
    if (hasDescendant(el, MEDIA)) continue;
    $(el).remove();
  }
}

/** Drop the saved page's indentation at the start and end of a block. */
function trimEdges(el: Element): void {
  const first = el.children[0];
  if (first?.type === 'text') (first as unknown as { data: string }).data = (first as unknown as { data: string }).data.replace(/^\s+/, '');
  const last = el.children[el.children.length - 1];
  if (last?.type === 'text') (last as unknown as { data: string }).data = (last as unknown as { data: string }).data.replace(/\s+$/, '');
}

/**
 * Lazy-loading themes put the real `<img>` in a `<noscript>` beside a placeholder. The
 * noscript's content is text to the parser: read the images out of it, and let them replace a
 * placeholder image just before it (one with no real source and no lazy one).
 */
function revealNoscriptImages($: CheerioAPI): void {
  $('noscript').each((_, ns) => {
    const inner = $(ns).text();
    if (!/<img\b/i.test(inner)) return;
    const imgs = load(inner, null, false)('img').toArray().filter((i) => i.attribs.src);
    if (imgs.length === 0) return;
    let prev = ns.prev;
    while (prev && prev.type === 'text' && (prev as unknown as { data: string }).data.trim() === '') prev = prev.prev;
    if (prev && isElement(prev) && tagOf(prev) === 'img') {
      const a = prev.attribs;
      const lazy = [...LAZY_SRC, ...LAZY_SRCSET].some((k) => a[k]);
      if (lazy) return; // the lazy attributes already name the image
      if (!a.src || PLACEHOLDER.test(a.src.trim())) $(prev).remove();
      else return;
    }
    const html = imgs.map((i) => `<img ${Object.entries(i.attribs).map(([k, v]) => `${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join(' ')}>`).join('');
    $(ns).replaceWith(html);
  });
}

export interface BodyOptions {
  readonly baseUrl: string | null;
  readonly title: string | null;
  readonly removeSelectors: readonly string[];
  readonly contentSelectors: readonly string[];
  /** Least text outside links a container must hold (default 140 characters). */
  readonly minProse?: number;
}

export interface Body {
  /** The container's inner HTML, not yet sanitized, each line's block marked with BLOCK_ATTR. */
  readonly markedHtml: string;
  /** Visible text of each block, in order. */
  readonly lines: readonly string[];
  readonly source: ContainerSource;
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Cut the article body out of `$` (modified in place). Null when the page has no body text. */
export function extractBody($: CheerioAPI, options: BodyOptions): Body | null {
  for (const sel of options.removeSelectors) safeSelect($, sel)?.remove();
  revealNoscriptImages($);
  $('amp-img').each((_, el) => {
    el.name = 'img';
  });
  $(ALWAYS_JUNK).remove();
  $(HIDDEN).remove();
  removeComments($.root()[0]!);

  const found = findContainer($, options.contentSelectors, options.minProse);
  if (!found) return null;
  const root = $(found.el);
  const containerText = visibleText(found.el).length;
  root.find('*').each((_, el) => {
    // Inline elements are part of a sentence ("Baca juga: <a class=inner-link-baca-juga>"):
    // cutting them would leave half a line. Their block goes, or stays, as a whole.
    if (!BLOCK.has(tagOf(el)) && tagOf(el) !== 'ins') return;
    const name = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    if (!JUNK_NAME.test(name) && !/^(?:div-gpt-ad|google_ads|ad-|ads-)/i.test(el.attribs.id ?? '')) return;
    // A wrapper that holds most of the story is not furniture, whatever its class says.
    if (visibleText(el).length > containerText / 2 && linkDensity($, el) < 0.5) return;
    $(el).remove();
  });
  // Lists and boxes that are nothing but links ("Read next", tag clouds) are navigation.
  root.find('ul, ol, div, section, table').each((_, el) => {
    if (el === found.el || countDescendants(el, 'a') < 2) return;
    if (linkDensity($, el) >= 0.8 && countDescendants(el, 'p') < 3) $(el).remove();
  });
  if (options.title) {
    const t = norm(options.title);
    root.find('h1, h2').each((_, h) => {
      if (norm(visibleText(h)) === t) $(h).remove();
    });
  }
  fixMedia($, root, options.baseUrl);
  wrapLooseInline($, found.el);
  if (found.el.name === 'p') {
    // The container itself had only inline content: keep it as the one wrapper.
    found.el.name = 'div';
    const p = $('<p></p>');
    for (const c of [...found.el.children]) p.append(c);
    root.append(p);
  }
  splitDoubleBreaks($, root);
  pruneEmpty($, root);

  const lines: string[] = [];
  const mark = (el: Element): void => {
    const tag = tagOf(el);
    const isLine = LINE_TAGS.has(tag) && !hasBlockDescendant(el, tag === 'tr' ? new Set(['td', 'th']) : new Set());
    if (isLine) {
      const text = visibleText(el);
      if (text !== '') {
        trimEdges(el);
        el.attribs[BLOCK_ATTR] = String(lines.length);
        lines.push(text);
      }
      return;
    }
    for (const c of el.children) if (isElement(c)) mark(c);
  };
  for (const c of found.el.children) if (isElement(c)) mark(c);
  if (lines.length === 0) return null;
  return { markedHtml: root.html() ?? '', lines, source: found.source };
}
