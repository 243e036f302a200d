/**
 * Strict checks run on every feed document before it is published: a document that fails is
 * never written. Pure (saxes is a conformant, non-validating XML 1.0 parser).
 */
import { SaxesParser } from 'saxes';
import { JSON_FEED_VERSION } from './json.js';

/** The first well-formedness error of an XML document, or null when it is well formed. */
export function xmlError(doc: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  try {
    parser.write(doc).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error;
}

/** Problems with a JSON Feed 1.1 document's required fields, empty when none. */
export function jsonFeedErrors(doc: string): string[] {
  let feed: Record<string, unknown>;
  try {
    feed = JSON.parse(doc) as Record<string, unknown>;
  } catch (e) {
    return [`not JSON: ${(e as Error).message}`];
  }
  const errors: string[] = [];
  if (feed.version !== JSON_FEED_VERSION) errors.push(`version must be ${JSON_FEED_VERSION}`);
  if (typeof feed.title !== 'string') errors.push('title must be a string');
  if (!Array.isArray(feed.items)) return [...errors, 'items must be an array'];
  feed.items.forEach((item: Record<string, unknown>, i: number) => {
    if (typeof item.id !== 'string' || item.id === '') errors.push(`items[${i}].id must be a non-empty string`);
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') {
      errors.push(`items[${i}] must have content_html or content_text`);
    }
  });
  return errors;
}
