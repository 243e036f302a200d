/**
 * Text safety for every string that enters a feed: characters XML 1.0 forbids removed, markup in
 * plain-text fields turned into text, entities decoded. Pure.
 */
import { decodeHTML } from 'entities/decode';

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the u flag a lone surrogate is one code point in D800-DFFF, so it is removed too.
const ILLEGAL_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** `text` without the characters XML 1.0 does not allow (controls, U+FFFE/FFFF, lone surrogates). */
export function stripIllegalXml(text: string): string {
  return text.replace(ILLEGAL_XML, '');
}

/** Escape for XML text and attribute values. `]]>` becomes `]]&gt;`: no CDATA is ever used. */
export function escapeXml(text: string): string {
  return stripIllegalXml(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Escape for HTML text (the content HTML of text articles). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A plain-text field (title, summary, author): tags removed, HTML entities decoded, illegal
 * characters removed, whitespace folded. "<b>Harga</b> &amp; Pasar" -> "Harga & Pasar".
 */
export function plainText(text: string): string {
  const noTags = text.replace(/<\/?[a-zA-Z][^<>]*>/g, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  return stripIllegalXml(decodeHTML(noTags)).replace(/\s+/g, ' ').trim();
}

/** `url` as an absolute http(s) URL (resolved against `base`), or null when it cannot be one. */
export function absoluteUrl(url: string | null | undefined, base?: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(stripIllegalXml(url).trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
