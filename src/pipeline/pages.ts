/**
 * Publish the static pages (src/pages) from the archive: only what changed is read and
 * rendered, and a file is rewritten only when its bytes change (atomically).
 *
 * Like the feeds' archive documents, a month whose manifest is unchanged since the last publish
 * (its token in `.kliping/months-state.json`) is not even parsed. A month whose due entries or
 * neighbours differ gets its month and day pages rendered again; inside it, only the
 * articles whose manifest entry changed are read and their pages rendered: the title, time and
 * source the lists show are kept per month in `.kliping/months/YYYY-MM.json`. Both are caches
 * below the pages folder (hidden, never served): deleting them renders everything once more,
 * which gives the same bytes. A tick that adds one article reads that article's record and the
 * newest records for the index, and writes its page, its day, its month and the index.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { KlipingError } from '../domain/errors.js';
import { compareEntries, type ArchiveStore, type IndexEntry } from '../archive/store.js';
import {
  dayOf,
  isPagePath,
  monthPagePath,
  renderArticlePage,
  renderDayPage,
  renderIndexPage,
  renderMonthPage,
  STYLESHEET,
  type ListedArticle,
  type PageSite,
} from '../pages/render.js';
import { AtomicWriter, removeStaleTemps, writeFileAtomic } from '../io/atomic.js';
import { groupBy } from '../domain/group.js';

/** Bump when the pages of an unchanged archive would render differently. */
const RENDER_VERSION = 1;
// Renamed from state.json when months gained a manifest token: an old state is simply absent.
const STATE_FILE = '.kliping/months-state.json';

/** What the last publish knew of a month (see publishPages). */
interface MonthState {
  /** ArchiveStore.monthVersion of the manifest it was read from. */
  readonly token: string;
  readonly nextDueMs: number | null;
  readonly count: number;
  readonly fingerprint: string;
  readonly older: string | null;
  readonly newer: string | null;
}
const monthCacheFile = (month: string): string => `.kliping/months/${month}.json`;

export interface PagesOptions {
  readonly pagesDir: string;
  readonly site: PageSite;
  /** Newest articles on the index page. */
  readonly limit: number;
  readonly nowMs: number;
  /** Render every page even when its month is unchanged (`kliping build`). */
  readonly force?: boolean;
}

export interface PagesResult {
  /** Pages whose bytes changed and were rewritten (paths inside the pages folder). */
  readonly written: string[];
  /** Article pages rendered (read from the archive) in this publish. */
  readonly rendered: number;
}

type CacheEntry = ListedArticle & { readonly h: string };

function sha(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

// Sync reads and lookups: small files, and each awaited round trip through the thread pool cost
// more than the call (a publish of 37 new months made 74 of them).
async function readJson<T>(file: string, key: string): Promise<T | null> {
  try {
    if (!statSync(file, { throwIfNoEntry: false })) return null; // a new month: no thrown ENOENT
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; key?: unknown; data?: T };
    if (parsed.version === RENDER_VERSION && parsed.key === key && parsed.data && typeof parsed.data === 'object') return parsed.data;
  } catch {
    /* a cache: missing or unreadable means render again */
  }
  return null;
}

function cacheText(key: string, data: unknown): string {
  return `${JSON.stringify({ version: RENDER_VERSION, key, data })}\n`;
}

/** Files a publish leaves that the "nothing changed" check looks at: the index, the stylesheet, the month pages. */
export function pagesToWatch(monthKeys: readonly string[]): string[] {
  return ['index.html', 'style.css', ...monthKeys.map(monthPagePath)];
}

export async function publishPages(store: ArchiveStore, options: PagesOptions): Promise<PagesResult & { months: string[] }> {
  return (await stagePages(store, options)).finish();
}

/** Pages rendered and handed to their writer, not yet in place (see stagePages()). */
export interface StagedPages {
  /** Put them in place, durably, and record what was published. */
  finish(): Promise<PagesResult & { months: string[] }>;
  /** Drop them: nothing of this publish is left among the pages. */
  discard(): Promise<void>;
}

/**
 * publishPages() up to the last batch of writes: the pages are rendered and their temp files
 * are being created (by the write threads, for a big publish) when it returns. A tick renders
 * the feeds before it calls finish(), so on a disk where creating files is slow the threads
 * create the pages while the main thread renders the feeds.
 */
export async function stagePages(store: ArchiveStore, options: PagesOptions): Promise<StagedPages> {
  const { pagesDir, site } = options;
  const key = sha({ v: RENDER_VERSION, site });
  let rendered = 0;
  // Pages go to temp files as they are rendered and are put in place in batches (see
  // AtomicWriter), in the order written: a month's cache always lands after its pages.
  const writer = new AtomicWriter();
  /** `fresh`: the page's folder is known not to exist, so there are no old bytes to compare. */
  const write = (name: string, text: string, fresh = false): void => writer.write(path.join(pagesDir, name), text, name, { fresh });

  await removeStaleTemps(pagesDir);
  const state = (!options.force && (await readJson<Record<string, MonthState>>(path.join(pagesDir, STATE_FILE), key))) || {};
  const nextState: Record<string, MonthState> = {};

  // Months newest first. One whose manifest is unchanged since the last publish (and has no
  // article newly due) is taken from the state without parsing it.
  const dueEntries = (entries: IndexEntry[]): { entries: IndexEntry[]; nextDueMs: number | null } => {
    let nextDueMs: number | null = null;
    const due: IndexEntry[] = [];
    for (const e of entries) {
      const t = Date.parse(e.published);
      if (t > options.nowMs) nextDueMs = nextDueMs === null ? t : Math.min(nextDueMs, t);
      else if (isPagePath(e.path)) due.push(e);
    }
    return { entries: due.sort(compareEntries), nextDueMs };
  };
  const months: { key: string; store: string; token: string | null; nextDueMs: number | null; count: number; fingerprint: string; entries: IndexEntry[] | null }[] = [];
  for (const m of await store.months()) {
    const monthKey = m.replace('/', '-');
    const token = await store.monthVersion(m);
    const cached = state[monthKey];
    if (cached && token !== null && cached.token === token && (cached.nextDueMs === null || options.nowMs < cached.nextDueMs)) {
      if (cached.count > 0) months.push({ key: monthKey, store: m, token, nextDueMs: cached.nextDueMs, count: cached.count, fingerprint: cached.fingerprint, entries: null });
      else nextState[monthKey] = cached;
      continue;
    }
    const { entries, nextDueMs } = dueEntries(await store.month(m));
    const record = { key: monthKey, store: m, token, nextDueMs, count: entries.length, fingerprint: sha(entries), entries };
    if (entries.length > 0) months.push(record);
    else if (token !== null) nextState[monthKey] = { token, nextDueMs, count: 0, fingerprint: record.fingerprint, older: null, newer: null };
  }

  const caches = new Map<string, Record<string, CacheEntry>>();
  const loadCache = async (month: string): Promise<Record<string, CacheEntry>> => {
    let c = caches.get(month);
    if (!c) {
      c = (!options.force && (await readJson<Record<string, CacheEntry>>(path.join(pagesDir, monthCacheFile(month)), key))) || {};
      caches.set(month, c);
    }
    return c;
  };
  const readRecord = async (e: IndexEntry) => {
    const record = await store.read(e.path);
    if (!record) throw new KlipingError('ARCHIVE', `Archive index lists ${JSON.stringify(e.path)} but its record is missing: run \`kliping verify --repair\``);
    return record;
  };

  // A failure (a record missing, a render error) leaves no temp files among the pages.
  try {
    for (let i = 0; i < months.length; i++) {
      const info = months[i]!;
      const month = info.key;
      const older = months[i + 1]?.key ?? null;
      const newer = months[i - 1]?.key ?? null;
      const before = state[month];
      if (info.token !== null) nextState[month] = { token: info.token, nextDueMs: info.nextDueMs, count: info.count, fingerprint: info.fingerprint, older, newer };
      if (
        !options.force &&
        before &&
        before.fingerprint === info.fingerprint &&
        before.older === older &&
        before.newer === newer &&
        existsSync(path.join(pagesDir, monthPagePath(month)))
      ) {
        continue;
      }
      const entries = info.entries ?? dueEntries(await store.month(info.store)).entries;
      // A month never published has no folder yet: none of its pages is looked up before it
      // is written (2,039 lookups for 1,000 new articles over three years).
      const newMonth = !existsSync(path.join(pagesDir, path.dirname(monthPagePath(month))));

      const cache = await loadCache(month);
      const next: Record<string, CacheEntry> = {};
      const listed: ListedArticle[] = [];
      for (const e of entries) {
        const h = sha(e);
        let item = cache[e.id];
        if (!item || item.h !== h || item.path !== e.path) {
          const record = await readRecord(e);
          const page = renderArticlePage(site, record);
          write(page.path, page.html, newMonth);
          rendered++;
          item = { h, id: e.id, path: e.path, title: String(record.title ?? ''), published: e.published, source: record.source ?? null };
        }
        next[e.id] = item;
        listed.push(item);
      }
      // Grouped in one pass (listed is newest first; each day keeps that order).
      for (const [day, articles] of groupBy(listed, (a) => dayOf(a.path))) {
        const page = renderDayPage(site, day, articles);
        write(page.path, page.html, newMonth);
      }
      const monthPage = renderMonthPage(site, month, listed, older, newer);
      write(monthPage.path, monthPage.html, newMonth);
      caches.set(month, next);
      // After the pages it describes: a crash before this renders them again next time.
      writer.write(path.join(pagesDir, monthCacheFile(month)), cacheText(key, next), null);
      if (writer.size >= 5000) await writer.drain();
    }

    const newest: ListedArticle[] = [];
    for (const e of (await store.newest(options.limit, options.nowMs)).filter((x) => isPagePath(x.path))) {
      const cached = (await loadCache(e.path.slice(0, 7).replace('/', '-')))[e.id];
      if (cached && cached.h === sha(e)) newest.push(cached);
      else {
        const r = await readRecord(e);
        newest.push({ id: e.id, path: e.path, title: String(r.title ?? ''), published: e.published, source: r.source ?? null });
      }
    }
    const index = renderIndexPage(site, newest, months.map((m) => ({ key: m.key, count: m.count })));
    write(index.path, index.html);
    write('style.css', STYLESHEET);
  } catch (e) {
    await writer.discard();
    throw e;
  }
  // What finish() needs, and nothing more: a full publish at 100,000 articles holds every
  // month's entries and list, which would otherwise stay alive while the feeds are rendered
  // (~90 MB more at the peak of `kliping build`).
  caches.clear();
  const monthKeys = months.map((m) => m.key);
  return {
    finish: async () => {
      try {
        await writer.drain();
      } catch (e) {
        await writer.discard();
        throw e;
      }
      const sorted = Object.fromEntries(Object.entries(nextState).sort(([a], [b]) => (a < b ? 1 : -1)));
      await writeFileAtomic(path.join(pagesDir, STATE_FILE), cacheText(key, sorted), { ifChanged: true });
      return { written: [...writer.written].sort(), rendered, months: monthKeys };
    },
    discard: () => writer.discard(),
  };
}
