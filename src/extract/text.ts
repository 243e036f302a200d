/**
 * Raw text input -> article fields. Pure: bytes and an already-parsed front matter come in.
 */
import type { ExtractedArticle } from '../domain/types.js';
import { splitLines } from '../clean/normalize.js';

/** Why a raw input cannot be read as text; the caller names the file. */
export class TextDecodeError extends Error {}

/**
 * Decode UTF-8 bytes: BOM stripped, CRLF and CR turned into LF. Throws TextDecodeError on
 * bytes that are not UTF-8 or look binary.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new TextDecodeError('the file is empty: put an article in it or remove it');
  if (bytes.includes(0)) {
    throw new TextDecodeError('the file looks binary (it has NUL bytes): kliping takes UTF-8 text, Markdown or HTML');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new TextDecodeError('the file is not valid UTF-8: save it as UTF-8 (or as an HTML page that declares its charset)');
  }
  return text.replace(/\r\n?/g, '\n');
}

/** Front matter and body of a text input. `frontMatter` is the YAML source, or null. */
export interface SplitText {
  readonly frontMatter: string | null;
  readonly body: string;
}

/** Separate a leading `---` YAML block from the body. */
export function splitFrontMatter(text: string): SplitText {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { frontMatter: null, body: text };
  return { frontMatter: m[1] ?? '', body: text.slice(m[0].length) };
}

// A YAML 1.2 core-schema scalar that is not a string (null, a boolean, a number).
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * Front matter that is only `key: plain text` lines, read without the YAML parser (which costs
 * ~30 ms to import and ~0.2 ms a document, a third of ingesting a small article). Returns null
 * for anything else (quotes, lists, comments, numbers, booleans, nesting...): the caller then
 * parses it as YAML, which gives the same result for what this accepts (tests/text.test.ts).
 */
export function parseSimpleFrontMatter(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const m = /^([A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*): +(.*?) *$/.exec(line);
    if (!m) return null;
    const [, key, value] = m as unknown as [string, string, string];
    if (
      value === '' ||
      Object.hasOwn(out, key) ||
      /^[-?:,[\]{}#&*!|>'"%@`]/.test(value) ||
      /: | #|:$|[\t\r\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/.test(value) ||
      NOT_A_STRING.test(value)
    ) {
      return null;
    }
    out[key] = value;
  }
  return out;
}

/** Front matter keys kliping reads; others are ignored. */
export interface FrontMatter {
  readonly title?: string;
  readonly date?: string;
  readonly updated?: string;
  readonly url?: string;
  readonly author?: string | readonly string[];
  readonly source?: string;
  readonly tags?: readonly string[];
  readonly language?: string;
  readonly image?: string;
  readonly description?: string;
}

/**
 * Check a parsed YAML value as front matter. Returns the problems (key + what to do) so the
 * caller can name the file; an empty `problems` list means `value` is usable.
 */
export function readFrontMatter(value: unknown): { fm: FrontMatter; problems: string[] } {
  const problems: string[] = [];
  if (value === null || value === undefined) return { fm: {}, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { fm: {}, problems: ['front matter must be a YAML mapping of keys such as title, date, url'] };
  }
  const v = value as Record<string, unknown>;
  const str = (key: string): string | undefined => {
    const x = v[key];
    if (x === undefined || x === null) return undefined;
    if (x instanceof Date) return x.toISOString();
    if (typeof x === 'string' || typeof x === 'number') return String(x).trim() || undefined;
    problems.push(`front matter "${key}" must be text`);
    return undefined;
  };
  const list = (key: string): string[] | undefined => {
    const x = v[key];
    if (x === undefined || x === null) return undefined;
    if (typeof x === 'string') return x.split(',').map((s) => s.trim()).filter(Boolean);
    if (Array.isArray(x) && x.every((s) => typeof s === 'string' || typeof s === 'number')) {
      return x.map((s) => String(s).trim()).filter(Boolean);
    }
    problems.push(`front matter "${key}" must be text or a list of text`);
    return undefined;
  };
  const url = str('url');
  if (url !== undefined && !/^https?:\/\/[^\s/]+/i.test(url)) {
    problems.push(`front matter "url" must be an absolute http(s) URL (got ${JSON.stringify(url)})`);
  }
  const fm: FrontMatter = {
    title: str('title'),
    date: str('date') ?? str('published'),
    updated: str('updated') ?? str('modified'),
    url,
    author: list('author') ?? list('authors'),
    source: str('source'),
    tags: list('tags'),
    language: str('language') ?? str('lang'),
    image: str('image'),
    description: str('description'),
  };
  return { fm, problems };
}

/** Article fields of a text input; dates are left raw for the pipeline to resolve. */
export function extractText(body: string, fm: FrontMatter): ExtractedArticle {
  const author = fm.author;
  return {
    title: fm.title ?? null,
    url: fm.url ?? null,
    authors: author === undefined ? [] : typeof author === 'string' ? [author] : [...author],
    source: fm.source ?? null,
    tags: fm.tags ? [...fm.tags] : [],
    language: fm.language ?? null,
    published: fm.date ?? null,
    publishedSource: fm.date ? 'front-matter' : null,
    modified: fm.updated ?? null,
    image: fm.image ?? null,
    description: fm.description ?? null,
    lines: splitLines(body),
    contentHtml: null,
  };
}
