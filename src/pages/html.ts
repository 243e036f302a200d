/** Small HTML helpers for the static pages. Pure. */

// Controls other than tab/newline and noncharacters are not allowed in HTML text (the parser
// reports them); lone surrogates cannot be encoded. Removed rather than escaped.
const ILLEGAL_HTML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const HTML_SPECIAL = /[&<>"'\r]/;
const HTML_SPECIALS = /\r\n?|[&<>"']/g;
const HTML_REFS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\r': '\n', '\r\n': '\n' };

/**
 * `text` as HTML text or a double-quoted attribute value: nothing in it can become markup (and
 * CR LF or CR become LF). One pass: the pages of a big publish escape every field.
 */
export function esc(text: string): string {
  const t = text.replace(ILLEGAL_HTML, '');
  return HTML_SPECIAL.test(t) ? t.replace(HTML_SPECIALS, (c) => HTML_REFS[c]!) : t;
}

/** An http(s) URL safe to put in an href, or null (`javascript:` and relative URLs are refused). */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A BCP 47 tag shape, or null. */
export function languageTag(value: string | null | undefined): string | null {
  return typeof value === 'string' && TAG.test(value) ? value : null;
}

/**
 * "2022-02-08 14:30 +07:00" from an ISO 8601 time with offset, as written (no clock, no zone
 * conversion: the archive already stores times in its zone). Unparseable text is shown as is.
 */
export function showTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]} ${m[3] === 'Z' ? 'UTC' : m[3]}`;
}

/** A `<time>` element, with `datetime` only when the value is a valid date string. */
export function timeElement(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? esc(iso) : `<time datetime="${esc(iso)}">${esc(showTime(iso))}</time>`;
}
