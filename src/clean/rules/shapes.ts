/**
 * Regular-expression pieces shared by the rule packs. Rules stay data (strings); these only
 * keep the same marker shapes spelled the same way in every pack.
 */

/**
 * What portals and scrapers put before a marker: bullets, arrows, emoji, Markdown emphasis,
 * quote marks of a block quote, an opening bracket ("[Baca juga: ...](url)").
 */
export const LEAD = String.raw`^[\s\p{Extended_Pictographic}\ufe0f»›>•·●▪■◆►▶→⇒*_~|#\[(\-–—]*`;

/** Coaxing words before an imperative promo ("Yuk, download ...", "Jangan lupa follow ..."). */
export const COAX = String.raw`(?:(?:yuk|ayo|mari|jangan\s+lupa|segera|sobat\s+\p{L}+|guys)\s*[,!]?\s+)?`;

/** Markdown emphasis or a closing bracket between a marker and its colon ("**Baca juga**:"). */
export const CLOSE = String.raw`[\s*_\])]*`;

/** The marker's colon, ASCII or full-width, with any spacing. */
export const COLON = String.raw`\s*[:：]`;

/**
 * A headline as it follows a related-links marker: at most 160 characters and not ending like
 * a sentence of the story (full stop, comma, colon, closing quote).
 */
export const HEADLINE = String.raw`^(?:[•*\-–·▪►»]\s*|\d{1,2}[.)]\s+)?(?!.*[.,;:"”’'…]\s*$)\S.{2,158}$`;

/** A bulleted line (the headlines of a related-links list). */
export const BULLETED = String.raw`^(?:[•*\-–·▪►»]|\d{1,2}[.)])\s*\S.{2,200}$`;

/** `word` matched in Title case, UPPER case or lower case, for case-sensitive rules. */
export function anyCase(word: string): string {
  const lower = word.toLowerCase();
  const title = lower.charAt(0).toUpperCase() + lower.slice(1);
  return `(?:${title}|${lower.toUpperCase()}|${lower})`;
}

/**
 * A person's or desk's name as a byline writes it (case-sensitive rules only): capitalized
 * words, initials, a portal's domain, joined by commas, slashes, "&", "dan"/"and". A sentence
 * ("Kami menolak tuduhan itu") has lower-case words and does not match.
 */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.\-]*|[\p{L}\d\-]+\.(?:com|co\.id|id|net|org)|detik\p{L}*|(?:dan|and|bin|binti|van|von|der|de|da|al|el|di|in)(?=\s))`;
export const NAMES = String.raw`${NAME_WORD}(?:(?:\s*[,/&\-–]\s*|\s+)${NAME_WORD}){0,7}(?:\s*\([^()]{1,40}\))?`;
