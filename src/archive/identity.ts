/**
 * Article ids: `urn:uuid:` name-based UUIDs (RFC 9562 version 5) of the article's identity, the
 * URL when known, else the sha256 of its first raw input. Computed once at first ingest and then
 * stored: the record's id never changes, even when the article is edited or re-cleaned.
 */
import { createHash } from 'node:crypto';

/** kliping's own namespace for version-5 UUIDs. */
const NAMESPACE = Buffer.from('4f1d6a0e8b2c4e57a3c1d2e9f0b7a6c5', 'hex');

function uuidV5(name: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The id of a new article: from its URL when known, else from its raw bytes' sha256. */
export function newArticleId(url: string | null, rawSha256: string): string {
  return `urn:uuid:${uuidV5(url ? `url:${url}` : `sha256:${rawSha256}`)}`;
}
