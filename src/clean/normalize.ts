/**
 * The form of a line that rules match against. The stored line is never this form: kept lines
 * are stored verbatim (trimmed), so normalization may be aggressive without mangling stories.
 */

// Joiners, the BOM and soft hyphens hide inside copied markers: removed.
const INVISIBLE = /[\u200c\u200d\u2060\ufeff\u00ad]/gu;
// NBSP, the zero-width space (a word break that does not show: "Baca\u200bjuga:") and the other
// Unicode spaces scrapers leave behind.
const SPACES = /[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]+/gu;

// Anything inside a line normalizeLine() would change: an invisible character, white space
// other than a space (\s less the space, spelled out: one class runs ~40% faster than the
// alternation it replaced), two spaces. Most story lines have none of it and are returned as
// they are (the replacements below rewrite every single space, which cost more than the rules).
const CHANGES = /[\u200b-\u200d\u2060\u00ad\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/** Invisible characters removed, every run of spaces one ASCII space, trimmed. */
export function normalizeLine(line: string): string {
  if (!CHANGES.test(line) && line.charCodeAt(0) !== 32 && line.charCodeAt(line.length - 1) !== 32) return line;
  return line.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** A character normalizeLine() keeps: neither white space nor invisible. */
const VISIBLE = /[^\s\u200b-\u200d\u2060\u00ad]/;

/** Split text into its non-blank lines, each trimmed of surrounding whitespace. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n|\u2028|\u2029/u)) {
    // trim() removes exactly the white space \s matches (Unicode Zs, tab, line ends, BOM).
    const line = raw.trim();
    if (VISIBLE.test(line)) out.push(line); // normalizeLine(line) !== ''
  }
  return out;
}

/** Markdown a scraper leaves around words: a link's brackets and address, bold and underline. */
const MARKDOWN = /\]\(|\*\*|__/;
const LINK = /(?<!!)\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g;

/**
 * The line as its reader sees it, for a second try of the rules: links as their text, bold
 * and underline marks gone ("**Editor:** [Nama](https://...)" -> "Editor: Nama"). Null when
 * the line has none of that (most lines: nothing more to try). Images stay as they are.
 */
export function markdownText(norm: string): string | null {
  if (!MARKDOWN.test(norm)) return null;
  const text = norm.replace(LINK, '$1').replace(/\*\*|__/g, '').replace(/ {2,}/g, ' ').trim();
  return text === norm || text === '' ? null : text;
}
