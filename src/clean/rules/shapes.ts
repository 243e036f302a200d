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

/**
 * A bulleted line (the headlines of a related-links list). A "*" starts a bullet, "**" bold
 * text: "**2 Mei 2025**" under a list is a timeline's sub-heading, not one more item.
 */
export const BULLETED = String.raw`^(?:[•\-–·▪►»]|\*(?!\*)|\d{1,2}[.)])\s*\S.{2,200}$`;

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
export const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.\-]*|[\p{L}\d\-]+\.(?:com|co\.id|id|net|org)|detik\p{L}*|(?:dan|and|bin|binti|van|von|der|de|da|al|el|di|in)(?=\s))`;
export const NAMES = String.raw`${NAME_WORD}(?:(?:\s*[,/&\-–]\s*|\s+)${NAME_WORD}){0,7}(?:\s*\([^()]{1,40}\))?`;

// "[Ww]ord|WORD": Title, UPPER or lower case in two alternatives. A character class per letter
// ([mM][aA]...) made the first use of all rules on an article cost ~45 ms more regex
// compiling; three spellings of each word cost a few ms more than two.
const cased = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}|${word.toUpperCase()}`;
const words = (list: string): string => list.split(' ').map(cased).join('|');
const WEEKDAYS = words('senin selasa rabu kamis jumat jum\'at sabtu minggu ahad monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun');
const MONTHS = words(
  'januari februari pebruari maret april mei juni juli agustus september oktober november nopember desember january february march may june july august october december jan feb peb mar apr jun jul agu agt ags agst aug sep sept okt oct nov nop des dec',
);
const ZONES = words('wib wita wit gmt utc pst pdt est edt cst cdt mst mdt et pt ct mt bst cet cest sgt aest aedt jst');
const DATE_LABELS = words('diperbarui diterbitkan dipublikasikan terbit tayang update updated published posted last first pukul pkl at on');
const UNITS = words('detik menit jam hari minggu bulan seconds second secs minutes minute mins min hours hour hrs hr days day weeks week months month');

/**
 * A publication date or time as a page header prints it, its words in Title, UPPER or lower
 * case (for case-sensitive rules too): "Senin, 03 Mar 2025 09:12 WIB", "12/03/2025, 16:41 WIB",
 * "Updated 8:47 PM PST, March 5, 2025", "Wed 12 Mar 2025 06.00 GMT", "3 hours ago",
 * "2 jam yang lalu". Only those words, numbers and separators; with a year, a numeric date or
 * a relative time.
 */
export const DATE_TIME = String.raw`(?=[^\n]*?(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|(?:19|20)\d{2}|\d+\s+\p{L}+\s+(?:\p{L}+\s+)?(?:${words('lalu ago')})))(?:[\s,|•·●/\-–—:.+()]|\d+(?:st|nd|rd|th)?|(?:${WEEKDAYS}|${MONTHS}|${ZONES}|${DATE_LABELS}|${UNITS}|${words('yang lalu ago')}|[aApP]\.?[mM]\.?)(?!\p{L}))+`;

/** One to four words of a name ("Rina Ayu", "Tim Redaksi", "detikNews"), case-sensitive. */
export const NAME_SEGMENT = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){0,3}`;
