/**
 * The portal an article's own text names, for choosing rule packs when the input gives no URL
 * or source (a page copied into a .txt file). Pure.
 *
 * Indonesian portals open the story with a dateline that names them ("JAKARTA, KOMPAS.com -",
 * "Liputan6.com, Jakarta -", "Jakarta (ANTARA) -", "Jakarta, CNN Indonesia --") and detik puts
 * its desk after the writer's name ("Rina Ayu - detikNews"). Only the first lines are looked
 * at, and only these shapes: a story sentence that mentions a portal names nothing here.
 */

/** How many non-blank lines from the top may hold the dateline (a byline and a date come first). */
const HEAD_LINES = 8;

const PLACE = String.raw`[\p{Lu}][\p{L}.'\- ]{0,30}`;
const DASH = String.raw`\s*(?:\*\*)?\s*[-–—]{1,2}`;
const DATELINES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  // "Liputan6.com, Jakarta -", "JAKARTA, KOMPAS.com -", "REPUBLIKA.CO.ID, JAKARTA --", "**TEMPO.CO, Jakarta** -"
  [new RegExp(String.raw`^(?:\*\*)?(?:${PLACE},\s*)?([\p{L}\d\-]+\.(?:com|co\.id|id|co|tv|net))(?:\s*,\s*${PLACE})?${DASH}`, 'iu'), (m) => m[1]!.toLowerCase()],
  // "Jakarta (ANTARA) -"
  [new RegExp(String.raw`^(?:\*\*)?${PLACE}\s*\((antara)\)${DASH}`, 'iu'), () => 'antara'],
  // "Jakarta, CNN Indonesia --"
  [new RegExp(String.raw`^(?:\*\*)?${PLACE},\s*(cnn|cnbc)\s+indonesia${DASH}`, 'iu'), (m) => `${m[1]!.toLowerCase()}indonesia`],
  // "Rina Ayu - detikNews"
  [/^[\p{Lu}][\p{L}.'\- ]{1,60}\s[-–—|]\s*detik\p{L}*\s*$/u, () => 'detik'],
];

/** The site named by the dateline (or detik's byline) in the first lines of `lines`, or null. */
export function siteNamedIn(lines: readonly string[]): string | null {
  let seen = 0;
  for (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    for (const [re, site] of DATELINES) {
      const m = re.exec(text);
      if (m) return site(m);
    }
    if (++seen >= HEAD_LINES) break;
  }
  return null;
}
