/**
 * Raw input -> the article as it will be archived, minus where it is stored. Pure: bytes, the
 * parsed front matter, the cleaner, the zone and the clock all come in as arguments.
 */
import type { ArticleRecord, CleanResult, DateSource, ExtractedArticle } from '../domain/types.js';
import { InputError } from '../domain/errors.js';
import { formatInZone, hasOffset, parseTimestamp, zonedTimeToMs } from '../domain/time.js';
import { HEADER_RULES, HEADLINE_RULE, type Cleaner } from '../clean/index.js';
import { findDateInText } from '../extract/dates.js';
import { summaryOf, titleFromLede } from '../extract/title.js';

/** A raw input as collected. */
export interface RawInput {
  /** The input's name as received (file name or URL); used in messages. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly mediaType: 'text/plain' | 'text/markdown' | 'text/html';
  /** The file's modification time, the date of last resort. */
  readonly mtimeMs: number | null;
}

/** Everything of a record that comes from the input itself. */
export type Draft = Omit<ArticleRecord, 'schema' | 'id' | 'slug' | 'path' | 'archived' | 'raw' | 'previous' | 'updated'> & {
  /** The input's own modified time, if it names one (used when the article is an edit). */
  readonly modified: string | null;
};

export interface PrepareOptions {
  readonly timeZone: string;
  readonly language: string;
  readonly nowMs: number;
}

/** A timestamp from the input, in `timeZone`; a date without a zone is wall time there. */
export function resolveTimestamp(text: string, timeZone: string): string | null {
  const trimmed = text.trim();
  if (!hasOffset(trimmed)) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(trimmed);
    if (m) {
      const ms = zonedTimeToMs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), timeZone);
      return Number.isNaN(ms) ? null : formatInZone(ms, timeZone);
    }
  }
  const ms = parseTimestamp(trimmed);
  return ms === null ? null : formatInZone(ms, timeZone);
}

/**
 * The text searched for the article's date: the kept lines and the lines dropped as a page
 * header (a date, a byline: "Senin, 03 Mar 2025 09:12 WIB"), in their order. The header's date is the
 * publication date; the story's own dates are often of something else.
 */
function datedText(lines: readonly string[], result: CleanResult): string {
  const rules = new Map(result.dropped.map((d) => [d.line, d.rule]));
  const dated = (i: number): boolean => {
    const rule = rules.get(i + 1);
    return rule === undefined || HEADER_RULES.has(rule);
  };
  return lines.filter((_, i) => dated(i)).join('\n');
}

/**
 * The page's own headline when the cleaning dropped one above the story (a page copied whole:
 * section, headline, byline, date, then the story): the longest such line, without a Markdown
 * heading's "#". Its title beats the lede's first sentence.
 */
function headlineOf(result: CleanResult): string | null {
  let best: string | null = null;
  for (const d of result.dropped) {
    if (d.rule !== HEADLINE_RULE) continue;
    const text = d.text.replace(/^#{1,2}\s+/, '').trim();
    if (!best || text.length > best.length) best = text;
  }
  return best;
}

/** Clean an extracted article and settle its title, dates and summary. */
export function prepare(input: RawInput, extracted: ExtractedArticle, cleaner: Cleaner, options: PrepareOptions): { draft: Draft; clean: CleanResult } {
  const { timeZone } = options;
  const result = cleaner.clean(extracted.lines, { url: extracted.url, source: extracted.source });
  if (result.paragraphs.length === 0) {
    throw new InputError(
      input.name,
      extracted.lines.length === 0
        ? 'no article text found: the file has no body lines'
        : `every line was dropped by the cleaning rules (${[...new Set(result.dropped.map((d) => d.rule))].join(', ')}): check the file is an article, or disable a rule in the config`,
    );
  }

  let published: string | null = null;
  let publishedSource: DateSource = 'archived';
  if (extracted.published) {
    published = resolveTimestamp(extracted.published, timeZone);
    if (!published) {
      throw new InputError(input.name, `date ${JSON.stringify(extracted.published)} is not a date: write it as 2022-02-08 or 2022-02-08T14:30:00+07:00`);
    }
    publishedSource = extracted.publishedSource ?? 'front-matter';
  }
  if (!published) {
    const found = findDateInText(datedText(extracted.lines, result), timeZone);
    if (found) {
      published = formatInZone(Date.parse(found.iso), timeZone);
      publishedSource = 'text';
    }
  }
  if (!published && input.mtimeMs !== null) {
    published = formatInZone(input.mtimeMs, timeZone);
    publishedSource = 'file-mtime';
  }
  if (!published) published = formatInZone(options.nowMs, timeZone);

  const modified = extracted.modified ? resolveTimestamp(extracted.modified, timeZone) : null;
  const headline = extracted.title?.trim() ? null : headlineOf(result);
  const title = extracted.title?.trim() || headline || titleFromLede(result.paragraphs) || input.name;

  return {
    clean: result,
    draft: {
      title,
      titleSource: extracted.title?.trim() ? 'input' : headline ? 'headline' : 'lede',
      url: extracted.url,
      source: extracted.source,
      authors: extracted.authors,
      tags: extracted.tags,
      language: extracted.language ?? options.language,
      published,
      publishedSource,
      modified,
      image: extracted.image,
      summary: extracted.description?.trim() || summaryOf(result.paragraphs),
      paragraphs: result.paragraphs,
      contentHtml: extracted.contentHtmlWithout ? extracted.contentHtmlWithout(new Set(result.dropped.map((d) => d.line))) : extracted.contentHtml,
      dropped: result.dropped,
    },
  };
}
