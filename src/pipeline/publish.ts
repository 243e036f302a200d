/**
 * Publish the feeds from the archive: render, check with a strict parser, write only the files
 * whose bytes changed, atomically, then ping the WebSub hub about the feeds that changed.
 *
 * Documents (names inside the feeds folder):
 *   rss.xml, atom.xml, feed.json                 subscription feeds: the newest `limit` due items
 *   archive/YYYY-MM[-N].rss.xml, .atom.xml, .json RFC 5005 archive documents: the due items of
 *                                                one month, in pages of ARCHIVE_PAGE_SIZE (oldest
 *                                                first), chained with prev-/next-archive links
 *
 * A month's manifest is parsed only when it changed since the last publish (its token, the
 * pages and their neighbours are recorded in archive/.kliping-state.json, a cache: when missing
 * or unreadable everything is rendered again, which gives the same bytes). A page's records are
 * read and its documents rendered only when its entries or neighbours changed. The subscription
 * feeds are read and checked before anything is written, so if the archive cannot be read they
 * stay as they were; archive pages are then written one at a time, each atomically, which keeps
 * memory bounded by one page.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
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
import { AtomicWriter, removeStaleTemps, writeFileAtomic } from '../io/atomic.js';

/** Bump when the rendered bytes of an unchanged archive month would differ (a renderer change). */
const RENDER_VERSION = 3;

/**
 * Most items in one archive document. A busy month is split into pages (`2024-05`,
 * `2024-05-2`, ...), oldest first, so a new article rewrites one page of ~200 items rather
 * than a month of thousands: the cost of a tick stays flat as the archive grows.
 */
export const ARCHIVE_PAGE_SIZE = 200;
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

/** How one archive page was last rendered: its entries' hash and its neighbours. */
interface PageState {
  readonly key: string;
  readonly hash: string;
  readonly older: string | null;
  readonly newer: string | null;
}

/** What the last publish knew of a month, so an unchanged month's manifest is not even parsed. */
interface MonthState {
  /** ArchiveStore.monthVersion of the manifest it was read from. */
  readonly token: string;
  /** Earliest future-dated entry: the month's pages change when it is due. */
  readonly nextDueMs: number | null;
  readonly pages: readonly PageState[];
}

async function readState(file: string): Promise<Record<string, MonthState>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown; months?: unknown };
    if (parsed.version === RENDER_VERSION && typeof parsed.months === 'object' && parsed.months !== null) {
      return parsed.months as Record<string, MonthState>;
    }
  } catch {
    /* a cache: missing or unreadable means render everything */
  }
  return {};
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

/** A month's due entries split into pages of ARCHIVE_PAGE_SIZE, oldest first. */
function paginate(key: string, entries: readonly IndexEntry[], nowMs: number, site: FeedSite): { pages: { key: string; hash: string; entries: IndexEntry[] }[]; nextDueMs: number | null } {
  let nextDueMs: number | null = null;
  const due: IndexEntry[] = [];
  for (const e of entries) {
    const t = Date.parse(e.published);
    if (t <= nowMs) due.push(e);
    else if (nextDueMs === null || t < nextDueMs) nextDueMs = t;
  }
  due.sort((a, b) => compareEntries(b, a));
  const pages: { key: string; hash: string; entries: IndexEntry[] }[] = [];
  for (let i = 0; i * ARCHIVE_PAGE_SIZE < due.length; i++) {
    const slice = due.slice(i * ARCHIVE_PAGE_SIZE, (i + 1) * ARCHIVE_PAGE_SIZE);
    const pageKey = i === 0 ? key : `${key}-${i + 1}`;
    const hash = createHash('sha256').update(JSON.stringify({ v: RENDER_VERSION, site, key: pageKey, entries: slice })).digest('hex');
    pages.push({ key: pageKey, hash, entries: slice });
  }
  return { pages, nextDueMs };
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
  const { site, nowMs, feedsDir } = options;
  const written: string[] = [];
  await removeStaleTemps(feedsDir);
  await removeStaleTemps(path.join(feedsDir, 'archive'));

  // The archive chain, oldest page first. A month whose manifest is unchanged since the last
  // publish (and has no article newly due) is taken from the state without parsing it.
  const stateFile = path.join(feedsDir, STATE_FILE);
  const state = archives ? await readState(stateFile) : {};
  type MonthInfo = { month: string; key: string; token: string | null; nextDueMs: number | null; pages: { key: string; hash: string; entries: IndexEntry[] | null }[] };
  const infos: MonthInfo[] = [];
  if (archives) {
    for (const month of (await store.months()).reverse()) {
      const key = monthKey(month);
      const token = await store.monthVersion(month);
      const cached = state[key];
      if (!options.force && cached && token !== null && cached.token === token && (cached.nextDueMs === null || nowMs < cached.nextDueMs)) {
        infos.push({ month, key, token, nextDueMs: cached.nextDueMs, pages: cached.pages.map((p) => ({ key: p.key, hash: p.hash, entries: null })) });
      } else {
        const { pages, nextDueMs } = paginate(key, await store.month(month), nowMs, site);
        infos.push({ month, key, token, nextDueMs, pages });
      }
    }
  }
  const chain = infos.flatMap((info) => info.pages.map((page) => ({ info, page })));
  const newestPage = chain.at(-1)?.page.key ?? null;

  // The subscription feeds are read, rendered and checked before anything is written: if the
  // archive cannot be read, they stay as they were.
  const newest = await store.newest(options.limit, nowMs);
  const subscription = renderDocuments(site, subscriptionPlace(site.url, newestPage, hub), SUBSCRIPTION_FILES, await readRecords(store, newest));
  for (const doc of subscription) check(doc);

  // Archive pages, one at a time (memory stays bounded by one page's records): rendered only
  // when their entries or neighbours changed, or a file is missing, or `force`.
  const nextState: Record<string, MonthState> = {};
  const writer = new AtomicWriter();
  // A failure (a record missing, a document that fails its check) leaves no temp files.
  try {
    for (let i = 0; i < chain.length; i++) {
      const { info, page } = chain[i]!;
      const older = chain[i - 1]?.page.key ?? null;
      const newer = chain[i + 1]?.page.key ?? null;
      const before = state[info.key]?.pages.find((p) => p.key === page.key);
      const files = archiveFiles(page.key);
      const stale =
        options.force ||
        !before ||
        before.hash !== page.hash ||
        before.older !== older ||
        before.newer !== newer ||
        !Object.values(files).every((f) => exists(path.join(feedsDir, f)));
      if (stale) {
        if (page.entries === null) {
          // A neighbour changed in a month taken from the state: its entries are needed now.
          const { pages } = paginate(info.key, await store.month(info.month), nowMs, site);
          info.pages.forEach((p, k) => (p.entries = pages[k]?.entries ?? []));
        }
        const entries = [...page.entries!].sort(compareEntries);
        const docs = renderDocuments(site, archivePlace(site.url, page.key, older, newer), files, await readRecords(store, entries));
        for (const doc of docs) check(doc);
        // Written to temp files at once (memory stays bounded by one page's documents); put in
        // place a few hundred files at a time.
        for (const doc of docs) writer.write(path.join(feedsDir, doc.name), doc.text, doc.name);
        if (writer.size >= 300) await writer.drain();
      }
      const pages = [...(nextState[info.key]?.pages ?? []), { key: page.key, hash: page.hash, older, newer }];
      if (info.token !== null) nextState[info.key] = { token: info.token, nextDueMs: info.nextDueMs, pages };
    }
    await writer.drain();
  } catch (e) {
    await writer.discard();
    throw e;
  }
  written.push(...[...writer.written].sort());
  // Pages that are no longer in the chain (a month that lost articles) are removed.
  const live = new Set(chain.map((c) => c.page.key));
  for (const month of Object.values(state)) {
    for (const page of month.pages) {
      if (live.has(page.key)) continue;
      for (const f of Object.values(archiveFiles(page.key))) {
        await rm(path.join(feedsDir, f), { force: true });
        written.push(f);
      }
    }
  }
  if (archives && (chain.length > 0 || Object.keys(state).length > 0)) {
    const sorted = Object.fromEntries(Object.entries(nextState).sort(([a], [b]) => (a < b ? 1 : -1)));
    await writeFileAtomic(stateFile, `${JSON.stringify({ version: RENDER_VERSION, months: sorted })}\n`, { ifChanged: true });
  }

  // The stylesheet the RSS and Atom documents reference, before the feeds that name it.
  // Not listed in `written`: it is not a feed, and changes only with kliping itself.
  await writeFileAtomic(path.join(feedsDir, FEED_XSL_FILE), FEED_XSL, { ifChanged: true });
  const changedFeeds: string[] = [];
  for (const doc of subscription) {
    const r = await writeFileAtomic(path.join(feedsDir, doc.name), doc.text, { ifChanged: true });
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
  return { written, items: newest.length, archiveMonths: infos.filter((i) => i.pages.length > 0).length, pings, warnings };
}
