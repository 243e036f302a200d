/**
 * The HTTP sources of one tick: fetch each due source (a feed, or an article page), fetch the
 * pages of feed items not archived yet, and archive them through the HTML extraction. Loaded
 * only when a source is due (see runJob), so a quiet tick pays nothing for it.
 *
 * Fetches run concurrently (bounded per host by HostGate); everything that touches the archive
 * runs one at a time (`serial`), and each article is committed on its own, so a kill loses at
 * most the page being archived and the next tick finds the rest by its keys.
 */
import type { ExtractedArticle } from '../domain/types.js';
import { InputError, KlipingError } from '../domain/errors.js';
import { formatInZone } from '../domain/time.js';
import type { SourceConfig } from '../config/schema.js';
import type { ArchiveStore } from '../archive/store.js';
import { guidKey, urlKey } from '../archive/keys.js';
import type { Cleaner } from '../clean/index.js';
import { FetchError, httpGet, type HttpResponse, type Resolver } from '../sources/http/client.js';
import { HostGate } from '../sources/http/hosts.js';
import { FeedParseError, looksLikeFeed, parseFeed, type FeedItem } from '../sources/http/parse-feed.js';
import {
  anythingDue,
  backoffMs,
  readSourcesState,
  sourceDue,
  sourcesStateFile,
  sourceState,
  writeSourcesState,
  type PendingItem,
  type SourceState,
  type SourcesState,
} from '../sources/http/state.js';
import { Batch, archiveArticle, type Outcome } from './archive-article.js';
import { cleanerFor } from './cleaner.js';
import { prepare, type RawInput } from './prepare.js';
import { mediaTypeOf, readInput } from './read-input.js';
import type { JobDeps, JobReport, SourceReport } from './run.js';

/** The world of HTTP, injectable for tests (DNS answers, the per-host delay's sleep). */
export interface HttpDeps {
  readonly resolve?: Resolver;
  readonly sleep?: (ms: number) => Promise<void>;
}

export const MAX_REDIRECTS = 5;
/** Feed items waiting for a retry, per source. */
const MAX_PENDING = 500;
/** Sources fetched at the same time (each host still gets at most fetch.perHostConcurrency). */
const SOURCES_AT_ONCE = 8;
const VERSION = '0.1.0';
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** The User-Agent: the config's, else one that names kliping and where to reach its operator. */
export function userAgentOf(deps: Pick<JobDeps, 'config'>): string {
  const f = deps.config.fetch;
  return f.userAgent ?? `kliping/${VERSION} (+${f.contact ?? deps.config.site.url})`;
}

/** Cleaner for one source: the config's rules plus the source's own. */
export function cleanerForSource(deps: Pick<JobDeps, 'config'>, source: SourceConfig): Cleaner {
  return cleanerFor(deps.config, source.name);
}

/** How many GUIDs a source remembers: enough for any feed to roll its items over several times. */
const seenLimit = (s: SourceConfig): number => Math.max(1000, s.limit * 10);

/** Fetch `url` with the config's limits, through the host gate. */
function fetcher(deps: JobDeps, http: HttpDeps, gate: HostGate) {
  const f = deps.config.fetch;
  return (url: string, accept: string, validators: { etag: string | null; lastModified: string | null } | null, count: () => void): Promise<HttpResponse> =>
    httpGet(url, {
      userAgent: userAgentOf(deps),
      accept,
      connectTimeoutMs: f.connectTimeoutMs,
      timeoutMs: f.timeoutMs,
      maxBytes: f.maxBytes,
      maxRedirects: MAX_REDIRECTS,
      allowPrivateAddresses: f.allowPrivateAddresses,
      resolve: http.resolve,
      etag: validators?.etag ?? null,
      lastModified: validators?.lastModified ?? null,
      now: deps.now,
      beforeRequest: async (u) => {
        const release = await gate.acquire(u);
        count();
        return release;
      },
    }).catch((e: unknown) => {
      if (e instanceof FetchError && e.retryAfterMs !== null) gate.block(new URL(e.url), e.retryAfterMs);
      throw e;
    });
}

function problemOf(e: unknown): string | null {
  if (e instanceof FetchError || e instanceof FeedParseError || e instanceof KlipingError) return e.message;
  return null;
}

/** Run every due source; counts go to `report` (totals and one SourceReport per source). */
export async function runSources(store: ArchiveStore, deps: JobDeps, archiveDir: string, report: JobReport, http: HttpDeps = {}): Promise<void> {
  const file = sourcesStateFile(archiveDir);
  const state = await readSourcesState(file);
  const nowMs = deps.now();
  const due = deps.config.sources.filter((s) => anythingDue(state, s, nowMs));
  if (due.length === 0) return;
  const gate = new HostGate({ concurrency: deps.config.fetch.perHostConcurrency, delayMs: deps.config.fetch.perHostDelayMs, sleep: http.sleep });
  const get = fetcher(deps, http, gate);
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.then(fn);
    chain = p.then(
      () => undefined,
      () => undefined,
    );
    return p;
  };
  // A few sources at a time: hundreds of sources must not mean hundreds of open sockets.
  const reports: SourceReport[] = new Array(due.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < due.length) {
      const i = next++;
      const source = due[i]!;
      reports[i] = await runSource(source, { store, deps, state, get, serial, cleaner: cleanerForSource(deps, source), report, nowMs });
    }
  };
  await Promise.all(Array.from({ length: Math.min(SOURCES_AT_ONCE, due.length) }, worker));
  // Drop state of sources no longer configured, keeping the validators of URLs still in use.
  for (const name of Object.keys(state.sources)) if (!deps.config.sources.some((s) => s.name === name)) delete state.sources[name];
  await writeSourcesState(file, state);
  for (const r of reports) {
    report.new += r.new;
    report.updated += r.updated;
    report.unchanged += r.unchanged;
    report.failed += r.failed;
  }
  (report.sources ??= []).push(...reports);
}

interface Ctx {
  readonly store: ArchiveStore;
  readonly deps: JobDeps;
  readonly state: SourcesState;
  readonly get: ReturnType<typeof fetcher>;
  readonly serial: <T>(fn: () => Promise<T>) => Promise<T>;
  readonly cleaner: Cleaner;
  readonly report: JobReport;
  readonly nowMs: number;
}

async function runSource(source: SourceConfig, ctx: Ctx): Promise<SourceReport> {
  const { deps, state, nowMs } = ctx;
  const s = sourceState(state, source);
  const rep: SourceReport = { name: source.name, url: source.url, kind: s.kind, status: 'waiting', new: 0, updated: 0, unchanged: 0, failed: 0, requests: 0, error: null };
  const count = (): void => {
    rep.requests++;
  };
  const intervalMs = source.intervalMinutes * 60000;
  const failItem = (input: string, error: string): void => {
    rep.failed++;
    ctx.report.items.push({ input, outcome: 'failed', error: `${source.name}: ${error}` });
  };
  let fresh: FeedItem[] = [];

  if (sourceDue(state, source, nowMs)) {
    const validators = state.http[source.url] ?? null;
    try {
      const res = await ctx.get(source.url, source.kind === 'page' ? PAGE_ACCEPT : FEED_ACCEPT, validators, count);
      s.lastFetch = formatInZone(nowMs, deps.config.timeZone);
      if (res.status === 304) {
        s.status = 'not-modified';
        rep.unchanged++;
      } else {
        const kind = source.kind === 'auto' ? (looksLikeFeed(res.body, res.contentType) ? 'feed' : 'page') : source.kind;
        s.kind = kind;
        rep.kind = kind;
        if (kind === 'page') {
          const outcome = await archivePage(source, ctx, res, null);
          rep[outcome]++;
        } else {
          const feed = parseFeed(res.body, { url: res.url, timeZone: deps.config.timeZone, nowMs, headerCharset: res.charset });
          for (const p of feed.problems) ctx.report.warnings.push(`${source.name}: ${p}`);
          const byGuid = new Map<string, FeedItem>();
          for (const it of feed.items) if (!byGuid.has(it.guid)) byGuid.set(it.guid, it);
          fresh = [...byGuid.values()].slice(0, source.limit);
        }
        s.status = 'ok';
      }
      // Validators only once the response was used: a page that failed is fetched in full next time.
      if (res.etag || res.lastModified || res.status !== 304) {
        state.http[source.url] = { etag: res.etag ?? validators?.etag ?? null, lastModified: res.lastModified ?? validators?.lastModified ?? null };
        if (!state.http[source.url]!.etag && !state.http[source.url]!.lastModified) delete state.http[source.url];
      }
      s.failures = 0;
      s.error = null;
      s.nextAttemptMs = nowMs + intervalMs;
      rep.status = s.status;
    } catch (e) {
      const why = problemOf(e);
      if (why === null) throw e;
      s.lastFetch = formatInZone(nowMs, deps.config.timeZone);
      s.status = 'failed';
      s.error = why;
      s.failures++;
      const retryAfter = e instanceof FetchError ? (e.retryAfterMs ?? 0) : 0;
      s.nextAttemptMs = nowMs + Math.max(backoffMs(s.failures, intervalMs), retryAfter);
      delete state.http[source.url];
      rep.status = 'failed';
      rep.error = why;
      failItem(source.url, why);
    }
  }

  // Feed items: the new ones of this fetch and the waiting ones whose retry has come.
  const seen = new Set(s.seen);
  const pendingGuids = new Set(s.pending.map((p) => p.guid));
  const work: { item: FeedItem; failures: number }[] = [];
  for (const item of fresh) {
    if (seen.has(item.guid) || pendingGuids.has(item.guid)) continue;
    const known = await ctx.serial(() => archivedAs(ctx.store, item));
    if (known) {
      remember(s, item.guid, source);
      continue;
    }
    work.push({ item, failures: 0 });
  }
  for (const p of s.pending) if (p.nextAttemptMs <= nowMs) work.push({ item: p, failures: p.failures });

  await Promise.all(
    work.map(async ({ item, failures }) => {
      try {
        const res = await ctx.get(item.link, PAGE_ACCEPT, null, count);
        const outcome = await archivePage(source, ctx, res, item);
        rep[outcome]++;
        s.pending = s.pending.filter((p) => p.guid !== item.guid);
        remember(s, item.guid, source);
      } catch (e) {
        const why = problemOf(e);
        if (why === null) throw e;
        const n = failures + 1;
        const retryAfter = e instanceof FetchError ? (e.retryAfterMs ?? 0) : 0;
        const pending: PendingItem = {
          guid: item.guid,
          link: item.link,
          title: item.title,
          published: item.published,
          authors: item.authors,
          failures: n,
          nextAttemptMs: nowMs + Math.max(backoffMs(n, intervalMs), retryAfter),
          error: why,
        };
        s.pending = [...s.pending.filter((p) => p.guid !== item.guid), pending];
        if (s.pending.length > MAX_PENDING) {
          // A feed full of dead links must not grow the state without end: the oldest give way.
          for (const dropped of s.pending.splice(0, s.pending.length - MAX_PENDING)) {
            ctx.report.warnings.push(`${source.name}: gave up on ${dropped.link} after ${dropped.failures} failures (${dropped.error})`);
          }
        }
        failItem(item.link, why);
      }
    }),
  );
  return rep;
}

function remember(s: SourceState, guid: string, source: SourceConfig): void {
  s.seen = [...s.seen.filter((g) => g !== guid), guid].slice(-seenLimit(source));
}

/** The record an item was archived as (by its GUID, else its link), or null. */
async function archivedAs(store: ArchiveStore, item: FeedItem): Promise<string | null> {
  return (await store.lookup(guidKey(item.guid))) ?? (await store.lookup(urlKey(item.link)));
}

/** A fetched response as an input; anything but an HTML page (a PDF, JSON, an image) is refused. */
export function pageInput(res: HttpResponse): RawInput {
  const sniffed = mediaTypeOf(res.url, res.body);
  const isHtml = res.contentType === null ? sniffed === 'text/html' : /html/.test(res.contentType) || (/^text\/plain$/.test(res.contentType) && sniffed === 'text/html');
  if (!isHtml) {
    throw new InputError(res.url, `the response is ${res.contentType ?? 'not HTML'}, not an HTML article page: point the source at the article page or its feed`);
  }
  return { name: res.url, bytes: res.body, mediaType: 'text/html', mtimeMs: null };
}

/** Extract, clean and archive one fetched page; the feed item fills in what the page lacks. */
async function archivePage(source: SourceConfig, ctx: Ctx, res: HttpResponse, item: FeedItem | null): Promise<Outcome> {
  const { deps, nowMs } = ctx;
  const input = pageInput(res);
  let draft;
  try {
    const read = await readInput(input, { timeZone: deps.config.timeZone, packs: ctx.cleaner.packs, documentUrl: res.url, charset: res.charset });
    const extracted: ExtractedArticle = {
      ...read,
      url: read.url ?? res.url,
      // The configured source's name, not the page's site name: it picks the source's own
      // rules again when the article is re-cleaned (pipeline/cleaner.ts).
      source: source.name,
      title: read.title ?? item?.title ?? null,
      published: read.published ?? item?.published ?? null,
      publishedSource: read.published ? read.publishedSource : item?.published ? 'feed' : null,
      authors: read.authors.length > 0 ? read.authors : (item?.authors ?? []),
    };
    ({ draft } = prepare(input, extracted, ctx.cleaner, { timeZone: deps.config.timeZone, language: deps.config.site.language, nowMs }));
  } catch (e) {
    // As for inbox files: a bug triggered by one page must not stop the other sources.
    if (e instanceof KlipingError) throw e;
    throw new InputError(res.url, `kliping failed on this page (internal error: ${(e as Error)?.message ?? String(e)}): this is a bug, please report it with the page`);
  }
  return ctx.serial(async () => {
    // Another source (or the same feed under two GUIDs) may have archived it since it was listed.
    if (item && (await ctx.store.lookup(guidKey(item.guid)))) return 'unchanged';
    const batch = new Batch();
    const { outcome, record } = await archiveArticle(ctx.store, batch, input, item ? { ...draft, guid: item.guid } : draft, formatInZone(nowMs, deps.config.timeZone));
    await batch.flush(ctx.store);
    await ctx.store.commit([...batch.records.values()], batch.keyList());
    if (outcome === 'new') ctx.state.sources[source.name]!.articles++;
    ctx.report.items.push({ input: `${source.name}: ${res.url}`, outcome, path: record.path, id: record.id });
    return outcome;
  });
}

