/**
 * The last gate before content HTML reaches the archive and the feeds: an allowlist close to
 * Miniflux's sanitizer. sanitize-html (htmlparser2, no DOM) is a well-kept implementation of
 * exactly this; hand-written filtering is where XSS bugs live. Pure.
 */
import sanitizeHtml from 'sanitize-html';

/** Tags kept; anything else is unwrapped (its text kept) unless listed in DISCARD_WITH_CONTENT. */
export const ALLOWED_TAGS: readonly string[] = [
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup',
  'dd', 'del', 'details', 'dfn', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's',
  'samp', 'small', 'source', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];

/** Tags removed together with everything inside them (their text is never story text). */
export const DISCARD_WITH_CONTENT: readonly string[] = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'input', 'button', 'select', 'option', 'textarea', 'svg', 'math', 'canvas', 'audio', 'video',
  'title', 'head', 'meta', 'link', 'base',
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'rel'],
  abbr: ['title'],
  acronym: ['title'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading'],
  source: ['srcset', 'sizes', 'media', 'type'],
  td: ['colspan', 'rowspan', 'headers'],
  th: ['colspan', 'rowspan', 'headers', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
};

/** Raster image types a `data:` image source may have (SVG can carry script in some viewers). */
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp);base64,[a-z0-9+/=\s]+$/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: ALLOWED_ATTRIBUTES,
  nonTextTags: [...DISCARD_WITH_CONTENT],
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'], source: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  parseStyleAttributes: false,
  enforceHtmlBoundary: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
    img: (tagName, attribs) => {
      const out = { ...attribs };
      if (out.src !== undefined && /^\s*data:/i.test(out.src) && !DATA_IMAGE.test(out.src.trim())) delete out.src;
      return { tagName, attribs: out };
    },
  },
  // An image left without a source (its URL was unsafe) is an empty box: drop it.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src && !frame.attribs.srcset,
};

/**
 * Sanitize content HTML: only ALLOWED_TAGS survive, no event handlers or styles, no
 * `javascript:`/`vbscript:`/`data:` URLs (except raster `data:` images), and every link gets
 * `rel="noopener noreferrer"`.
 * @example
 * sanitizeContent('<p onclick="x()">Hi <a href="javascript:alert(1)">there</a><script>x()</script></p>');
 * // '<p>Hi <a rel="noopener noreferrer">there</a></p>'
 */
export function sanitizeContent(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
