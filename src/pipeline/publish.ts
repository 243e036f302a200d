/**
 * Publish the feeds from the archive: render, check with a strict parser, write only the files
 * whose bytes changed, atomically, then ping the WebSub hub about the feeds that changed.
 *
 * Documents (names inside the feeds folder):
 *   rss.xml, atom.xml, feed.json                 subscription feeds: the newest `limit` due items
 *   archive/YYYY-MM.rss.xml, .atom.xml, .json    RFC 5005 archive documents: every due item of
 *                                                one month, chained with prev-/next-archive links
 *
 * Only month manifests are read on every run. A month's records are read and its documents
 * rendered only when its manifest entries or neighbours differ from the last publish (recorded
 * in archive/.kliping-state.json, a cache: when missing or unreadable everything is rendered
 * again, which gives the same bytes). Everything is read and checked before anything is
 * written: if the archive cannot be read, the published files stay as they were.
 */
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleRecord } from '../domain/types.js';
import { KlipingError } from '../domain/errors.js';
import { compareEntries, type ArchiveStore, type IndexEntry } from '../archive/store.js';
import {
  archiveFiles,
  archivePlace,
  feedLinks,
  FEED_XSL,
  FEED_XSL_FILE,
  jsonFeedErrors,
  renderDocuments,
  subscriptionPlace,
  SUBSCRIPTION_FILES,
  xmlError,
  type FeedDocument,
  type FeedSite,
} from '../feeds/index.js';
import { removeStaleTemps, writeFileAtomic } from '../io/atomic.js';

/** Bump when the rendered bytes of an unchanged archive month would differ (a renderer change). */
const RENDER_VERSION = 2;
const STATE_FILE = 'archive/.kliping-state.json';

export type FetchFn = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ status: number }>;

export interface PublishOptions {
  readonly feedsDir: string;
  readonly site: FeedSite;
  readonly limit: number;
  readonly nowMs: number;
  /** Publish monthly archive documents (RFC 5005). Default true. */
  readonly archives?: boolean;
  /** WebSub hub: announced in the subscription feeds and pinged when one changes. */
  readonly hub?: string | null;
  /** Render every archive month even when its manifest is unchanged (`kliping build`). */
  readonly force?: boolean;
  /** How the hub is pinged; the global fetch by default. Injected by tests. */
  readonly fetch?: FetchFn;
}

export interface PingResult {
  readonly feed: string;
  readonly ok: boolean;
  readonly error?: string;
}

export interface PublishResult {
  /** Files whose bytes changed and were rewritten, subscription feeds last. */
  readonly written: string[];
  /** Items in the subscription feeds. */
  readonly items: number;
  /** Months with an archive document. */
  readonly archiveMonths: number;
  readonly pings: PingResult[];
  /** Problems that did not stop the publish (a hub that refused a ping). */
  readonly warnings: string[];
}

/** `YYYY-MM` of a store month `YYYY/MM`. */
function monthKey(storeMonth: string): string {
  return storeMonth.replace('/', '-');
}

async function readRecords(store: ArchiveStore, entries: readonly IndexEntry[]): Promise<ArticleRecord[]> {
  const records: ArticleRecord[] = [];
  for (const e of entries) {
    const r = await store.read(e.path);
    if (!r) {
      throw new KlipingError('ARCHIVE', `Archive index lists ${JSON.stringify(e.path)} but its record is missing: run \`kliping verify --repair\``);
    }
    records.push(r);
  }
  return records;
}

async function readState(file: string): Promise<Record<string, string>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown; months?: unknown };
    if (parsed.version === RENDER_VERSION && typeof parsed.months === 'object' && parsed.months !== null) {
      return parsed.months as Record<string, string>;
    }
  } catch {
    /* a cache: missing or unreadable means render everything */
  }
  return {};
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function check(doc: FeedDocument): void {
  const problem = doc.kind === 'xml' ? xmlError(doc.text) : (jsonFeedErrors(doc.text)[0] ?? null);
  if (problem) {
    throw new KlipingError('PUBLISH', `Feed ${doc.name} failed its check (${problem}); nothing was published. This is a bug: please report it with the archive entry`);
  }
}

/** One WebSub publish ping (`hub.mode=publish`); never throws. */
export async function pingHub(fetchFn: FetchFn, hub: string, feedUrl: string): Promise<PingResult> {
  try {
    const res = await fetchFn(hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feedUrl }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status >= 200 && res.status < 300) return { feed: feedUrl, ok: true };
    return { feed: feedUrl, ok: false, error: `HTTP ${res.status}` };
  } catch (e) {
    const cause = (e as { cause?: { message?: string } }).cause?.message;
    return { feed: feedUrl, ok: false, error: `${(e as Error).message}${cause ? ` (${cause})` : ''}` };
  }
}

export async function publish(store: ArchiveStore, options: PublishOptions): Promise<PublishResult> {
  const archives = options.archives ?? true;
  const hub = options.hub ?? null;

  // Due entries by month, newest month first; only manifests are read here.
  const months: { key: string; entries: IndexEntry[] }[] = [];
  for (const m of await store.months()) {
    const entries = (await store.month(m)).filter((e) => Date.parse(e.published) <= options.nowMs).sort(compareEntries);
    if (entries.length > 0) months.push({ key: monthKey(m), entries });
  }
  const newest = months.flatMap((m) => m.entries).sort(compareEntries).slice(0, options.limit);

  // Read and render everything before writing anything.
  const archiveDocs: FeedDocument[] = [];
  const state = archives ? await readState(path.join(options.feedsDir, STATE_FILE)) : {};
  const nextState: Record<string, string> = {};
  if (archives) {
    for (let i = 0; i < months.length; i++) {
      const { key, entries } = months[i]!;
      const older = months[i + 1]?.key ?? null;
      const newer = months[i - 1]?.key ?? null;
      const fingerprint = createHash('sha256')
        .update(JSON.stringify({ v: RENDER_VERSION, site: options.site, key, older, newer, entries }))
        .digest('hex');
      nextState[key] = fingerprint;
      const files = archiveFiles(key);
      if (!options.force && state[key] === fingerprint) {
        const present = await Promise.all(Object.values(files).map((f) => exists(path.join(options.feedsDir, f))));
        if (present.every(Boolean)) continue;
      }
      const records = await readRecords(store, entries);
      archiveDocs.push(...renderDocuments(options.site, archivePlace(options.site.url, key, older, newer), files, records));
    }
  }
  const place = subscriptionPlace(options.site.url, archives ? (months[0]?.key ?? null) : null, hub);
  const subscription = renderDocuments(options.site, place, SUBSCRIPTION_FILES, await readRecords(store, newest));
  for (const doc of [...archiveDocs, ...subscription]) check(doc);

  // Archive documents first: a reader following the new subscription feed's links finds them.
  await removeStaleTemps(options.feedsDir);
  await removeStaleTemps(path.join(options.feedsDir, 'archive'));
  const written: string[] = [];
  for (const doc of archiveDocs) {
    const r = await writeFileAtomic(path.join(options.feedsDir, doc.name), doc.text, { ifChanged: true });
    if (r.written) written.push(doc.name);
  }
  if (archives && months.length > 0) {
    const sorted = Object.fromEntries(Object.entries(nextState).sort(([a], [b]) => (a < b ? 1 : -1)));
    await writeFileAtomic(path.join(options.feedsDir, STATE_FILE), `${JSON.stringify({ version: RENDER_VERSION, months: sorted }, null, 1)}\n`, {
      ifChanged: true,
    });
  }
  // The stylesheet the RSS and Atom documents reference, before the feeds that name it.
  // Not listed in `written`: it is not a feed, and changes only with kliping itself.
  await writeFileAtomic(path.join(options.feedsDir, FEED_XSL_FILE), FEED_XSL, { ifChanged: true });
  const changedFeeds: string[] = [];
  for (const doc of subscription) {
    const r = await writeFileAtomic(path.join(options.feedsDir, doc.name), doc.text, { ifChanged: true });
    if (r.written) {
      written.push(doc.name);
      changedFeeds.push(doc.name);
    }
  }

  const pings: PingResult[] = [];
  const warnings: string[] = [];
  if (hub && changedFeeds.length > 0) {
    const fetchFn = options.fetch ?? (globalThis.fetch as unknown as FetchFn);
    const urls = feedLinks(options.site.url);
    const urlOf: Record<string, string> = { [SUBSCRIPTION_FILES.rss]: urls.rss, [SUBSCRIPTION_FILES.atom]: urls.atom, [SUBSCRIPTION_FILES.json]: urls.json };
    for (const name of changedFeeds) {
      const result = await pingHub(fetchFn, hub, urlOf[name]!);
      pings.push(result);
      if (!result.ok) {
        warnings.push(
          `WebSub hub ${JSON.stringify(hub)} did not take the ping for ${result.feed} (${result.error}); the feed is published and subscribers get it on their next poll. Check feeds.websub.hub if this repeats`,
        );
      }
    }
  }
  return { written, items: newest.length, archiveMonths: archives ? months.length : 0, pings, warnings };
}
