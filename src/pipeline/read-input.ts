/** Raw bytes -> extracted article, choosing the extractor by media type. */
import type { ExtractedArticle } from '../domain/types.js';
import { InputError } from '../domain/errors.js';
import { decodeText, extractText, readFrontMatter, splitFrontMatter, TextDecodeError } from '../extract/text.js';
import type { RawInput } from './prepare.js';

/** Media type of an input from its name, else from its first bytes. */
export function mediaTypeOf(name: string, bytes: Uint8Array): RawInput['mediaType'] {
  const lower = name.toLowerCase();
  if (/\.(?:html?|xhtml)$/.test(lower)) return 'text/html';
  if (/\.(?:md|markdown)$/.test(lower)) return 'text/markdown';
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'text/html';
  return 'text/plain';
}

/** Read an input into article fields; InputError names the file and says what to do. */
export async function readInput(input: RawInput): Promise<ExtractedArticle> {
  if (input.mediaType === 'text/html') {
    throw new InputError(input.name, 'HTML pages are not supported yet: save the article as text or Markdown');
  }
  let text: string;
  try {
    text = decodeText(input.bytes);
  } catch (e) {
    if (e instanceof TextDecodeError) throw new InputError(input.name, e.message);
    throw e;
  }
  const split = splitFrontMatter(text);
  let fmValue: unknown = null;
  if (split.frontMatter !== null) {
    // yaml costs ~30 ms to import: only inputs with front matter pay for it.
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
