/** Shared shapes of the pipeline. This module imports nothing. */

/** What a cleaning rule does when its pattern matches a line. */
export type RuleKind =
  /** Drop the matching line. */
  | 'line'
  /** Drop the matching line and the next one when the next matches `next` (a split promo). */
  | 'pair'
  /** Drop the matching line and the following lines while they match `next` (at most `maxNext`). */
  | 'block'
  /** Drop the matching line and everything after it (a footer that starts here). */
  | 'rest';

/** A rule as written in a pack or a config file: plain data, compiled once. */
export interface RuleSpec {
  /** Stable id, `family.group.name`, shown in `--explain` and stored in the archive. */
  readonly id: string;
  /** One line: why this is not story text. */
  readonly reason: string;
  readonly kind: RuleKind;
  /** Regular expression source, matched against the normalized line (see clean/normalize). */
  readonly pattern: string;
  /** Regular expression flags; `u` is always added. Default `i`. */
  readonly flags?: string;
  /** For `pair` and `block`: what the following line(s) must look like. */
  readonly next?: string;
  /**
   * The marker line matches only when the last line kept above it that does not match
   * `pattern` (dropped lines are passed over) does not match this either (short lines that look
   * like tags, under a list's lead-in, are the list).
   */
  readonly notAfter?: string;
  /** For `block`: how many following lines may be dropped at most. Default 12. */
  readonly maxNext?: number;
  /** For `block`: the rule applies only when at least this many following lines match. Default 0. */
  readonly minNext?: number;
  /** The marker line matches only when its normalized form is at most this many characters. */
  readonly maxLength?: number;
  /**
   * The marker line matches only above the story: no line before it that reads like story text
   * (60 characters or more, or ending in . ! ? : ; or a closing quote) was kept. A page header
   * (byline, date, section) sits there; a timeline's "30 Juni 2025" under a paragraph does not.
   */
  readonly aboveStory?: boolean;
  /** The marker line matches only among the first N non-blank lines of the body (bylines). */
  readonly firstLines?: number;
  /** The marker line matches only among the last N non-blank lines of the body (credits, tags). */
  readonly lastLines?: number;
  /** Lines that this rule must drop (tests run them). */
  readonly examples: { readonly drop: readonly string[]; readonly keep: readonly string[] };
}

/** A family of rules: generic packs always apply, site packs when the article names the site. */
export interface RulePack {
  readonly id: string;
  readonly description: string;
  /** Host names (and their subdomains) or source names the pack applies to; empty = always. */
  readonly sites: readonly string[];
  readonly rules: readonly RuleSpec[];
  /** CSS selectors removed from an HTML page of this site before extraction. */
  readonly removeSelectors?: readonly string[];
  /** CSS selectors of the article body container on this site's pages, tried in order. */
  readonly contentSelectors?: readonly string[];
}

export interface DroppedLine {
  /** 1-based line number in the body handed to the cleaner. */
  readonly line: number;
  readonly text: string;
  readonly rule: string;
}

export interface CleanResult {
  readonly paragraphs: readonly string[];
  readonly dropped: readonly DroppedLine[];
}

/** How an article's published time was found, best first. */
export type DateSource = 'front-matter' | 'html-meta' | 'feed' | 'text' | 'file-mtime' | 'archived';

/** An article extracted from a raw input, before cleaning. */
export interface ExtractedArticle {
  readonly title: string | null;
  readonly url: string | null;
  readonly authors: readonly string[];
  readonly source: string | null;
  readonly tags: readonly string[];
  readonly language: string | null;
  /** ISO 8601 with offset, or null when the input names no date. */
  readonly published: string | null;
  readonly publishedSource: DateSource | null;
  readonly modified: string | null;
  readonly image: string | null;
  readonly description: string | null;
  /** Body lines in order; blank lines already removed. */
  readonly lines: readonly string[];
  /** Sanitized content HTML when the input was HTML; null for text. */
  readonly contentHtml: string | null;
  /**
   * HTML inputs: the sanitized content HTML without the blocks of the given lines (1-based, as
   * in DroppedLine.line), so a line the cleaner drops leaves the content HTML too.
   */
  readonly contentHtmlWithout?: (droppedLines: ReadonlySet<number>) => string;
}

/** One stored version of the raw input. */
export interface RawRef {
  /** File name beside the record, e.g. `macron-putin.raw.txt`. */
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly mediaType: string;
  /** The input's own file name (or URL) as received. */
  readonly original: string;
  /** When this version was archived (ISO 8601 with offset). */
  readonly archived: string;
}

/** The archive record, `archive/YYYY/MM/DD/<slug>.json`. Documented in README ("Record schema"). */
export interface ArticleRecord {
  readonly schema: 1;
  /** Stable id (`urn:uuid:`), assigned at first ingest and never changed. */
  readonly id: string;
  readonly slug: string;
  /** `YYYY/MM/DD/<slug>`: where the record lives below the archive root. */
  readonly path: string;
  readonly title: string;
  /** `input`: front matter, HTML metadata or a feed; `headline`: the page's headline line above the story; `lede`: the first sentence. */
  readonly titleSource: 'input' | 'headline' | 'lede';
  readonly url: string | null;
  readonly source: string | null;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  readonly language: string;
  readonly published: string;
  readonly publishedSource: DateSource;
  /** Set when a later version of the article replaced the first one. */
  readonly updated: string | null;
  readonly archived: string;
  readonly image: string | null;
  readonly summary: string;
  readonly paragraphs: readonly string[];
  readonly contentHtml: string | null;
  readonly dropped: readonly DroppedLine[];
  /** The raw original of the current version. */
  readonly raw: RawRef;
  /** Earlier raw versions, oldest first; their files stay beside the record. */
  readonly previous: readonly RawRef[];
  /** The upstream feed item's GUID (id) when the article came from a source's feed; absent otherwise. */
  readonly guid?: string;
}
