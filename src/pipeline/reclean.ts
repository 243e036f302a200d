/**
 * `kliping reclean`: re-apply the current rules to the raw original of every archived article.
 * A record keeps its id, path, published and updated times: only what cleaning decides (the
 * paragraphs, the dropped lines, and the summary and title when they came from the text: the
 * page's headline or the lede) is rewritten. Then the feeds are republished.
 */
import type { ArticleRecord, DroppedLine } from '../domain/types.js';
import { KlipingError } from '../domain/errors.js';
import { FsArchiveStore } from '../archive/fs-store.js';
import { prepare, type RawInput } from './prepare.js';
import { readInput } from './read-input.js';
import { cleanerFor } from './cleaner.js';
import { publishIfStale, resolvePaths, withLock, type JobDeps } from './run.js';

/** Changed records written per commit: bounds memory on a large archive. */
const COMMIT_EVERY = 500;

export interface RecleanChange {
  readonly path: string;
  readonly id: string;
  /** Lines the current rules drop that the record kept. */
  readonly newlyDropped: readonly { readonly line: number; readonly text: string; readonly rule: string }[];
  /** Lines the record had dropped that the current rules keep. */
  readonly restored: readonly { readonly line: number; readonly text: string; readonly rule: string }[];
  /** Lines still dropped, now by another rule. */
  readonly ruleChanged: number;
}

export interface RecleanReport {
  readonly dryRun: boolean;
  articles: number;
  changed: number;
  unchanged: number;
  failed: number;
  newlyDropped: number;
  restored: number;
  changes: RecleanChange[];
  failures: { path: string; error: string }[];
  published: string[];
  feedItems: number;
  durationMs: number;
}

export interface RecleanOptions {
  /** Report what would change; write nothing. */
  readonly dryRun?: boolean;
  /** Called after each article with the count done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

function key(d: DroppedLine): string {
  return `${d.line}\u0000${d.text}`;
}

/** What changed between the dropped lists of the archived record and a fresh clean. */
export function diffDropped(before: readonly DroppedLine[], after: readonly DroppedLine[]): Omit<RecleanChange, 'path' | 'id'> {
  const old = new Map(before.map((d) => [key(d), d]));
  const now = new Map(after.map((d) => [key(d), d]));
  const pick = (d: DroppedLine): { line: number; text: string; rule: string } => ({ line: d.line, text: d.text, rule: d.rule });
  return {
    newlyDropped: after.filter((d) => !old.has(key(d))).map(pick),
    restored: before.filter((d) => !now.has(key(d))).map(pick),
    ruleChanged: after.filter((d) => old.has(key(d)) && old.get(key(d))!.rule !== d.rule).length,
  };
}

/** Re-clean every archived article from its raw original; see the module comment. */
export async function reclean(deps: JobDeps, options: RecleanOptions = {}): Promise<RecleanReport> {
  const started = deps.now();
  const dryRun = options.dryRun === true;
  const paths = resolvePaths(deps);
  const report: RecleanReport = {
    dryRun,
    articles: 0,
    changed: 0,
    unchanged: 0,
    failed: 0,
    newlyDropped: 0,
    restored: 0,
    changes: [],
    failures: [],
    published: [],
    feedItems: 0,
    durationMs: 0,
  };

  const work = async (): Promise<void> => {
    const store = new FsArchiveStore(paths.archive);
    const recordPaths: string[] = [];
    for (const month of await store.months()) for (const e of await store.month(month)) recordPaths.push(e.path);
    recordPaths.sort();
    const total = recordPaths.length;
    let pending: ArticleRecord[] = [];
    // commit() makes the rewritten records durable (their folders fsynced) and bumps the
    // archive's generation, so the next tick knows the feeds are stale.
    const commit = async (): Promise<void> => {
      if (pending.length > 0) await store.commit(pending, []);
      pending = [];
    };

    for (const [i, recordPath] of recordPaths.entries()) {
      report.articles++;
      try {
        const record = await store.read(recordPath);
        if (!record) throw new KlipingError('ARCHIVE', `the archive index lists ${JSON.stringify(recordPath)} but its record is missing: run \`kliping verify --repair\``);
        const updated = await recleanRecord(store, record, cleanerFor(deps.config, record.source), deps);
        if (!updated) {
          report.unchanged++;
        } else {
          const change = { path: recordPath, id: record.id, ...diffDropped(record.dropped, updated.dropped) };
          report.changed++;
          report.newlyDropped += change.newlyDropped.length;
          report.restored += change.restored.length;
          report.changes.push(change);
          if (!dryRun) {
            await store.writeRecord(updated);
            pending.push(updated);
          }
        }
      } catch (e) {
        if (!(e instanceof KlipingError)) {
          await store.discard(); // no temp files of uncommitted records left behind
          throw e;
        }
        report.failed++;
        report.failures.push({ path: recordPath, error: e.message });
      }
      // Outside the record's try: a commit that fails (a disk error) stops the reclean; it is
      // not one record's failure, and its batch must not be committed later as if written.
      if (pending.length >= COMMIT_EVERY) await commit();
      options.onProgress?.(i + 1, total);
    }

    if (!dryRun) {
      await commit();
      // Forced: records changed while their month manifests may not have, and the feeds'
      // archive months are re-rendered only when forced or when a manifest changed.
      const result = await publishIfStale(store, deps, paths, true);
      report.published = result.written;
      report.feedItems = result.items;
    }
  };

  if (dryRun) {
    // Reading needs no lock: every archive file is replaced atomically.
    await work();
  } else {
    await withLock(deps, work);
  }
  report.durationMs = deps.now() - started;
  return report;
}

/** The record as the current rules clean it, or null when nothing changes. */
async function recleanRecord(
  store: FsArchiveStore,
  record: ArticleRecord,
  cleaner: ReturnType<typeof cleanerFor>,
  deps: JobDeps,
): Promise<ArticleRecord | null> {
  let bytes: Uint8Array;
  try {
    bytes = await store.readRaw(record.path, record.raw.file);
  } catch (e) {
    throw new KlipingError(
      'ARCHIVE',
      `cannot read the raw original ${JSON.stringify(record.raw.file)} of ${JSON.stringify(record.path)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): restore it from a backup; the record was left as it is`,
    );
  }
  const input: RawInput = { name: record.raw.original, bytes, mediaType: record.raw.mediaType as RawInput['mediaType'], mtimeMs: null };
  const extracted = await readInput(input, { timeZone: deps.config.timeZone, packs: cleaner.packs });
  const { draft } = prepare(input, extracted, cleaner, { timeZone: deps.config.timeZone, language: deps.config.site.language, nowMs: deps.now() });
  const next: ArticleRecord = {
    ...record,
    paragraphs: draft.paragraphs,
    dropped: draft.dropped,
    summary: draft.summary,
    // An HTML page's content HTML loses the blocks of newly dropped lines too.
    contentHtml: draft.contentHtml,
    // A title found in the text (the page's headline, the lede) is found again.
    ...(record.titleSource !== 'input' ? { title: draft.title, titleSource: draft.titleSource } : {}),
  };
  const same =
    JSON.stringify([record.paragraphs, record.dropped, record.summary, record.title, record.titleSource, record.contentHtml]) ===
    JSON.stringify([next.paragraphs, next.dropped, next.summary, next.title, next.titleSource, next.contentHtml]);
  return same ? null : next;
}
