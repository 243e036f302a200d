/**
 * What kliping remembers between ticks about its HTTP sources, in
 * `archive/.kliping/sources.json`: per source its last fetch, status, failures and next attempt,
 * the feed items it has handled and those waiting for a retry; per URL the validators
 * (ETag, Last-Modified) of the copy we have. Cheap to read: a tick with nothing due reads this
 * file and loads no HTTP code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../io/atomic.js';

/** A feed item whose page could not be archived yet; retried with backoff. */
export interface PendingItem {
  readonly guid: string;
  readonly link: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly authors: readonly string[];
  readonly failures: number;
  readonly nextAttemptMs: number;
  readonly error: string;
}

export interface SourceState {
  /** The source's URL when this state was made: a new URL starts afresh. */
  url: string;
  /** What the source turned out to be (kind `auto` is decided on the first fetch). */
  kind: 'feed' | 'page' | null;
  /** ISO time of the last request to the source's URL. */
  lastFetch: string | null;
  /** `ok` (200), `not-modified` (304), `failed`. */
  status: 'ok' | 'not-modified' | 'failed' | null;
  error: string | null;
  /** Failed fetches in a row (0 after a success): the backoff exponent. */
  failures: number;
  nextAttemptMs: number;
  /** Articles archived from this source (new ones). */
  articles: number;
  /** GUIDs of feed items handled (archived, or found in the archive), newest last; bounded. */
  seen: string[];
  pending: PendingItem[];
}

export interface SourcesState {
  version: 1;
  sources: Record<string, SourceState>;
  /** Validators per fetched URL, sent back as a conditional GET. */
  http: Record<string, { etag: string | null; lastModified: string | null }>;
}

export function sourcesStateFile(archiveDir: string): string {
  return path.join(archiveDir, '.kliping', 'sources.json');
}

export function emptySourcesState(): SourcesState {
  return { version: 1, sources: {}, http: {} };
}

/** The state, or an empty one when the file is missing or unreadable (it is a cache of politeness). */
export async function readSourcesState(file: string): Promise<SourcesState> {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as SourcesState; // sync: see quiet.ts
    if (v && v.version === 1 && typeof v.sources === 'object' && typeof v.http === 'object') return v;
  } catch {
    /* missing or half-edited by hand: start afresh */
  }
  return emptySourcesState();
}

export async function writeSourcesState(file: string, state: SourcesState): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`, { ifChanged: true });
}

/** The state of a source as configured now (fresh when it is new or its URL changed). */
export function sourceState(state: SourcesState, source: { name: string; url: string }): SourceState {
  const s = state.sources[source.name];
  if (s && s.url === source.url) return s;
  const fresh: SourceState = { url: source.url, kind: null, lastFetch: null, status: null, error: null, failures: 0, nextAttemptMs: 0, articles: s?.articles ?? 0, seen: s?.seen ?? [], pending: [] };
  state.sources[source.name] = fresh;
  return fresh;
}

/** True when the source's own URL is due (its interval or backoff has passed). */
export function sourceDue(state: SourcesState, source: { name: string; url: string }, nowMs: number): boolean {
  const s = state.sources[source.name];
  return !s || s.url !== source.url || s.nextAttemptMs <= nowMs;
}

/** True when the source or one of its waiting items is due. */
export function anythingDue(state: SourcesState, source: { name: string; url: string }, nowMs: number): boolean {
  if (sourceDue(state, source, nowMs)) return true;
  return (state.sources[source.name]?.pending ?? []).some((p) => p.nextAttemptMs <= nowMs);
}

const DAY_MS = 24 * 3600 * 1000;

/** Wait after the `failures`-th failure in a row: base, 2 x base, 4 x base ... at most a day. */
export function backoffMs(failures: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(failures - 1, 0), Math.max(DAY_MS, baseMs));
}
