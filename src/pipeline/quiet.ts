/**
 * The quiet tick: what cron starts every few minutes and what, most of the time, has nothing
 * to do. Apart from run.ts and its imports so that dist/main.js can answer such a tick without
 * loading the rest of kliping (see src/quick.ts). Only types come from run.ts.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Config } from '../config/schema.js';
import { FsArchiveStore } from '../archive/fs-store.js';
import { listInbox } from '../sources/inbox.js';
import { anythingDue, readSourcesState, sourcesStateFile } from '../sources/http/state.js';
import { isFresh, publishStateFile, readPublishState } from './publish-state.js';
import type { JobDeps, JobReport } from './run.js';

/** The configured folders, absolute. */
export function resolvePaths(deps: JobDeps): { inbox: string; archive: string; feeds: string; pages: string } {
  const p = deps.config.paths;
  return {
    inbox: path.resolve(deps.cwd, p.inbox),
    archive: path.resolve(deps.cwd, p.archive),
    feeds: path.resolve(deps.cwd, p.feeds),
    pages: path.resolve(deps.cwd, p.pages),
  };
}

/** The archive's lock file. */
export function lockFile(archiveDir: string): string {
  return path.join(archiveDir, '.kliping', 'lock');
}

export function emptyReport(): JobReport {
  return { new: 0, updated: 0, unchanged: 0, failed: 0, items: [], skipped: [], published: [], pagesWritten: 0, feedItems: 0, warnings: [], durationMs: 0, recovered: null, sources: [] };
}

/** The config that shapes the feeds and pages: a change to it republishes them. */
export function feedConfigKey(config: Config): string {
  return JSON.stringify({ site: config.site, feeds: config.feeds, pages: config.pages });
}

/** The pages folder when pages are published (the "nothing changed" check looks at it too). */
export function pagesDirOf(deps: JobDeps, paths: ReturnType<typeof resolvePaths>): string | undefined {
  return deps.config.pages.enabled ? paths.pages : undefined;
}

/**
 * The inbox's listing; a setup that only fetches HTTP sources needs no inbox folder.
 * `firstReady`: the listing stops at the first file ready to take (all a quiet tick asks; an
 * inbox of 1,000 files was stat'ed three times in one tick before).
 */
export async function listInboxFor(deps: JobDeps, inboxDir: string, options: { firstReady?: boolean } = {}): ReturnType<typeof listInbox> {
  if (deps.config.sources.length > 0 && !existsSync(inboxDir)) return { ready: [], skipped: [] };
  return listInbox(inboxDir, deps.now(), deps.config.inbox.settleSeconds, options);
}

/** True when a configured HTTP source (or an item waiting for a retry) is due: reads one small file. */
export async function sourcesDue(deps: JobDeps, archiveDir: string): Promise<boolean> {
  if (deps.config.sources.length === 0) return false;
  const state = await readSourcesState(sourcesStateFile(archiveDir));
  const nowMs = deps.now();
  return deps.config.sources.some((s) => anythingDue(state, s, nowMs));
}

/**
 * The report of a tick with nothing to do, or null when there is work: an input in the inbox,
 * a source due, a lock file (held: the long way exits 75; left by a dead run: it cleans up),
 * or feeds and pages that are not what the archive and config would publish now. Reads a few
 * small files and stats; takes no lock and writes nothing. Every call is synchronous: a tick
 * that touches no asynchronous fs call never starts libuv's thread pool (~1 ms of a ~31 ms
 * tick here).
 */
export async function quietTick(deps: JobDeps): Promise<JobReport | null> {
  const started = deps.now();
  const paths = resolvePaths(deps);
  const listing = await listInboxFor(deps, paths.inbox, { firstReady: true });
  if (listing.ready.length > 0) return null;
  if (existsSync(lockFile(paths.archive))) return null;
  if (await sourcesDue(deps, paths.archive)) return null;
  const state = await readPublishState(publishStateFile(paths.archive));
  const fresh = await isFresh(state, {
    generation: await new FsArchiveStore(paths.archive).generation(),
    configKey: feedConfigKey(deps.config),
    nowMs: deps.now(),
    feedsDir: paths.feeds,
    pagesDir: pagesDirOf(deps, paths),
  });
  if (!fresh || !state) return null;
  const report = emptyReport();
  report.skipped.push(...listing.skipped);
  report.feedItems = state.items;
  report.durationMs = deps.now() - started;
  return report;
}
