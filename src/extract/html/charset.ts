/**
 * Bytes of a saved page -> text, honouring the charset the page declares. Pure.
 *
 * Node 20's TextDecoder maps windows-1252's 0x80-0x9F to C1 controls (so "€" and curly quotes
 * are lost); iconv-lite decodes every single-byte table correctly.
 */
import iconv from 'iconv-lite';

/** A decoded page and the charset it was read with. */
export interface DecodedPage {
  readonly html: string;
  readonly charset: string;
  /** Where the charset came from. */
  readonly charsetSource: 'bom' | 'declared' | 'sniffed';
}

/** WHATWG: these labels mean windows-1252 in a browser, so a page saying them means it too. */
const WINDOWS_1252 = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'ascii', 'us-ascii', 'cp1252', 'windows-1252', 'x-cp1252', 'cp819', 'ibm819', 'iso-ir-100']);

/** The charset a page declares in its first bytes (`<meta charset>` or `http-equiv`), normalized, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // The spec's prescan looks at 1024 bytes; saved pages often put a long comment first.
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  const metas = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const meta of metas) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (direct?.[1]) {
      const label = normalizeCharset(direct[1]);
      if (label) return label;
    }
  }
  return null;
}

/** A charset label as iconv-lite knows it, or null when it is unknown. */
export function normalizeCharset(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (WINDOWS_1252.has(l)) return 'windows-1252';
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  // A page that claims UTF-16 in a meta tag is ASCII-compatible, so it is not UTF-16 (HTML spec).
  if (l.startsWith('utf-16')) return 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decode a page: a BOM wins, then `transportCharset` (an HTTP header), then the page's own
 * declaration; an undeclared page is UTF-8 when its bytes are, else windows-1252.
 * @example
 * decodeHtml(Buffer.from('<meta charset="windows-1252"><p>caf\xe9 \x80</p>', 'latin1')).html;
 * // '<meta charset="windows-1252"><p>café €</p>'
 */
export function decodeHtml(bytes: Uint8Array, transportCharset?: string | null): DecodedPage {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { html: iconv.decode(buf.subarray(3), 'utf-8'), charset: 'utf-8', charsetSource: 'bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { html: iconv.decode(buf.subarray(2), 'utf-16le'), charset: 'utf-16le', charsetSource: 'bom' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { html: iconv.decode(buf.subarray(2), 'utf-16be'), charset: 'utf-16be', charsetSource: 'bom' };
  const declared = (transportCharset ? normalizeCharset(transportCharset) : null) ?? declaredCharset(buf);
  if (declared) return { html: iconv.decode(buf, declared), charset: declared, charsetSource: 'declared' };
  const charset = isUtf8(buf) ? 'utf-8' : 'windows-1252';
  return { html: iconv.decode(buf, charset), charset, charsetSource: 'sniffed' };
}
