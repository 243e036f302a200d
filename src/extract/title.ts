/** Titles and summaries derived from the story text when the input gives none. */

const MAX_TITLE = 110;
const MAX_SUMMARY = 300;

/** White space that folding to single spaces would change. */
const FOLD = /[^\S ]| {2}/;

/** Cut `text` to at most `max` characters on a word boundary, adding "…" when cut. */
export function cutOnWord(text: string, max: number): string {
  // Folded only when there is something to fold: replace() rebuilt every summary (three
  // paragraphs) space by space.
  const t = (FOLD.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
  // `max` counts code points. Found by walking the string, not by spreading all of it into an
  // array (twice, for every summary of every article).
  if (t.length <= max) return t;
  let end = 0;
  for (let n = 0; n < max && end < t.length; n++) end += t.codePointAt(end)! > 0xffff ? 2 : 1;
  if (end >= t.length) return t;
  let cut = t.slice(0, end);
  const space = cut.lastIndexOf(' ');
  if (space > max / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** The first sentence of `paragraph` (up to . ! ? followed by a space and a capital or quote). */
export function firstSentence(paragraph: string): string {
  const m = /^(.+?[.!?])["'”’)]?(?=\s+["'“‘(]?\p{Lu})/su.exec(paragraph);
  return (m ? m[0] : paragraph).trim();
}

/** A title from the lede: its first sentence, cut on a word boundary. */
export function titleFromLede(paragraphs: readonly string[]): string | null {
  const lede = paragraphs[0];
  if (!lede) return null;
  return cutOnWord(firstSentence(lede).replace(/[.!?]+$/u, ''), MAX_TITLE);
}

/** A plain-text summary: the opening paragraphs, cut on a word boundary. */
export function summaryOf(paragraphs: readonly string[]): string {
  return cutOnWord(paragraphs.slice(0, 3).join(' '), MAX_SUMMARY);
}
