/** Raw bytes -> extracted article, choosing the extractor by media type. */
import type { ExtractedArticle, RulePack } from '../domain/types.js';
import { packApplies } from '../clean/index.js';
import { InputError } from '../domain/errors.js';
import { decodeText, extractText, parseSimpleFrontMatter, readFrontMatter, splitFrontMatter, TextDecodeError } from '../extract/text.js';
import type { RawInput } from './prepare.js';

/** Media type of an input from its name, else from its first bytes. */
export function mediaTypeOf(name: string, bytes: Uint8Array): RawInput['mediaType'] {
  const lower = name.toLowerCase();
  if (/\.(?:html?|xhtml)$/.test(lower)) return 'text/html';
  if (/\.(?:md|markdown)$/.test(lower)) return 'text/markdown';
  // Browsers' "Save page as" starts the file with a `<!-- saved from url=... -->` comment.
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .replace(/^\s*(?:<!--[\s\S]*?-->\s*)+/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(?:!doctype html|html|head)\b/.test(head)) return 'text/html';
  return 'text/plain';
}

export interface ReadOptions {
  /** IANA zone of dates written without one. */
  readonly timeZone: string;
  /** Rule packs whose `removeSelectors` / `contentSelectors` apply to HTML pages of their sites. */
  readonly packs?: readonly RulePack[];
  /** Pick site packs by this URL / source instead of the page's own (`kliping clean --url`). */
  readonly url?: string | null;
  readonly source?: string | null;
  /** HTML fetched over HTTP: the URL it came from (base of relative links) and the header's charset. */
  readonly documentUrl?: string | null;
  readonly charset?: string | null;
}

/** Read a saved HTML page. cheerio and sanitize-html load here, on the first HTML input only. */
async function readHtml(input: RawInput, options: ReadOptions): Promise<ExtractedArticle> {
  if (input.bytes.length === 0) throw new InputError(input.name, 'the file is empty: put an article in it or remove it');
  const { extractHtml } = await import('../extract/html/index.js');
  const packs = options.packs ?? [];
  const article = extractHtml(input.bytes, {
    timeZone: options.timeZone,
    documentUrl: options.documentUrl ?? null,
    transportCharset: options.charset ?? null,
    selectorsFor: (page) => {
      const ctx = { url: options.url ?? page.url ?? options.documentUrl ?? null, source: options.source ?? page.source };
      const applying = packs.filter((p) => packApplies(p, ctx));
      return {
        remove: applying.flatMap((p) => p.removeSelectors ?? []),
        content: applying.flatMap((p) => p.contentSelectors ?? []),
      };
    },
  });
  if (article.lines.length === 0) {
    throw new InputError(input.name, 'no article text found in the HTML page (no paragraphs, no JSON-LD articleBody): check it is the saved article page, not an index or a script-only shell');
  }
  return article;
}

/** Read an input into article fields; InputError names the file and says what to do. */
export async function readInput(input: RawInput, options: ReadOptions): Promise<ExtractedArticle> {
  if (input.mediaType === 'text/html') return readHtml(input, options);
  let text: string;
  try {
    text = decodeText(input.bytes);
  } catch (e) {
    if (e instanceof TextDecodeError) throw new InputError(input.name, e.message);
    throw e;
  }
  const split = splitFrontMatter(text);
  let fmValue: unknown = null;
  if (split.frontMatter !== null) fmValue = parseSimpleFrontMatter(split.frontMatter);
  if (split.frontMatter !== null && fmValue === null) {
    // yaml costs ~30 ms to import: only inputs with front matter beyond `key: text` pay for it.
    const { parse } = await import('yaml');
    try {
      fmValue = parse(split.frontMatter);
    } catch (e) {
      throw new InputError(input.name, `front matter is not valid YAML (${(e as Error).message.split('\n')[0]}): fix it or remove the --- block`);
    }
  }
  const { fm, problems } = readFrontMatter(fmValue);
  if (problems.length > 0) throw new InputError(input.name, `${problems.join('; ')}`);
  return extractText(split.body, fm);
}
