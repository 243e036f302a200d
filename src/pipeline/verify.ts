/**
 * `kliping verify`: check that the archive is whole, and with `repair` fix what can be fixed
 * without losing data. What is checked, and what repair may do:
 *
 * - every record parses, sits where its path says, and its raw originals (current and
 *   previous) exist with the recorded size and sha256: reported only (restore from a backup);
 * - ids are unique and no URL belongs to two records: reported only (a person decides);
 * - no temp files of killed writers: repair removes them;
 * - month manifests and the key index match the records: repair rebuilds them from the
 *   records (a key pointing at an unreadable record is kept, so its input is not re-archived);
 * - the feeds parse: repair republishes them from the archive.
 *
 * Repair never deletes or rewrites a record, a raw original or an inbox file.
 */
import path from 'node:path';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import type { ArticleRecord, RawRef } from '../domain/types.js';
import { KlipingError } from '../domain/errors.js';
import { FsArchiveStore } from '../archive/fs-store.js';
import { keyShard, monthOf } from '../archive/layout.js';
import { recordKeys, sha256Hex } from '../archive/keys.js';
import { compareEntries, entryOf, type IndexEntry } from '../archive/store.js';
import { jsonFeedErrors, xmlError } from '../feeds/index.js';
import { findStaleTempsTree } from '../io/atomic.js';
import { FAILED_DIR } from '../sources/inbox.js';
import { publishIfStale, resolvePaths, withLock, type JobDeps, type JobReport } from './run.js';

export type ProblemKind = 'record' | 'raw' | 'duplicate' | 'temp' | 'manifest' | 'keys' | 'feed' | 'orphan-raw' | 'lock';

export interface Problem {
  readonly kind: ProblemKind;
  /** The file concerned, relative to the working directory. */
  readonly file: string;
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
  /** Whether `kliping verify --repair` fixes it. */
  readonly repairable: boolean;
}

export interface VerifyReport {
  records: number;
  rawFiles: number;
  feeds: number;
  /** Problems still there at the end (exit 1 when any). */
  problems: Problem[];
  /** Worth knowing, not wrong: an unreferenced raw file kept, a lock left by a dead run. */
  warnings: Problem[];
  /** Problems fixed by --repair. */
  repaired: Problem[];
  recovered: string | null;
  durationMs: number;
}

const RECORD_FILE = /^([a-z0-9][a-z0-9-]{0,90})\.json$/;
const RAW_FILE = /^([a-z0-9][a-z0-9-]{0,90})(?:\.v\d+)?\.raw\.[a-z]+$/;

interface Scan {
  /** Record path -> parsed record; unreadable ones are in `problems` and `unreadable`. */
  records: Map<string, ArticleRecord>;
  unreadable: Set<string>;
  /** Raw file paths relative to the archive. */
  raws: Set<string>;
  /** Months with a day folder or a manifest. */
  months: Set<string>;
  problems: Problem[];
  warnings: Problem[];
}

async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

function isRecordShape(r: unknown): r is ArticleRecord {
  const o = r as Record<string, unknown> | null;
  const raw = o?.raw as Record<string, unknown> | undefined;
  return (
    typeof o === 'object' && o !== null && o.schema === 1 && typeof o.id === 'string' && typeof o.path === 'string' &&
    typeof o.slug === 'string' && typeof o.published === 'string' && Array.isArray(o.previous) &&
    typeof raw === 'object' && raw !== null && typeof raw.file === 'string' && typeof raw.sha256 === 'string'
  );
}

/** Walk the archive's YYYY/MM/DD folders: parse records, check raw originals. */
async function scanArchive(root: string, rel: (p: string) => string): Promise<Scan> {
  const scan: Scan = { records: new Map(), unreadable: new Set(), raws: new Set(), months: new Set(), problems: [], warnings: [] };
  const restore = 'restore it from a backup (kliping cannot rebuild a record or a raw original)';
  for (const y of (await list(root)).filter((n) => /^\d{4}$/.test(n))) {
    for (const m of (await list(path.join(root, y))).filter((n) => /^\d{2}$/.test(n))) {
      scan.months.add(`${y}/${m}`);
      for (const d of (await list(path.join(root, y, m))).filter((n) => /^\d{2}$/.test(n))) {
        const dayDir = path.join(root, y, m, d);
        for (const name of await list(dayDir)) {
          if (RAW_FILE.test(name)) {
            scan.raws.add(`${y}/${m}/${d}/${name}`);
            continue;
          }
          const rm = RECORD_FILE.exec(name);
          if (!rm) continue;
          const recordPath = `${y}/${m}/${d}/${rm[1]}`;
          const file = path.join(dayDir, name);
          let record: unknown;
          try {
            record = JSON.parse(await readFile(file, 'utf8'));
          } catch (e) {
            scan.unreadable.add(recordPath);
            scan.problems.push({ kind: 'record', file: rel(file), message: `the record is not valid JSON (${(e as Error).message})`, fix: restore, repairable: false });
            continue;
          }
          if (!isRecordShape(record)) {
            scan.unreadable.add(recordPath);
            scan.problems.push({ kind: 'record', file: rel(file), message: 'the record lacks schema 1 fields (id, path, slug, published, raw, previous)', fix: restore, repairable: false });
            continue;
          }
          if (record.path !== recordPath || record.slug !== rm[1]) {
            scan.unreadable.add(recordPath);
            scan.problems.push({
              kind: 'record',
              file: rel(file),
              message: `the record says it lives at ${JSON.stringify(record.path)} (slug ${JSON.stringify(record.slug)})`,
              fix: 'move it back where its path says, or restore it from a backup',
              repairable: false,
            });
            continue;
          }
          scan.records.set(recordPath, record);
          for (const ref of [record.raw, ...record.previous] as RawRef[]) {
            const rawFile = path.join(dayDir, ref.file);
            let bytes: Buffer;
            try {
              bytes = await readFile(rawFile);
            } catch {
              scan.problems.push({ kind: 'raw', file: rel(rawFile), message: `raw original of ${recordPath} is missing`, fix: restore, repairable: false });
              continue;
            }
            const sha = sha256Hex(bytes);
            if (sha !== ref.sha256 || bytes.length !== ref.bytes) {
              scan.problems.push({
                kind: 'raw',
                file: rel(rawFile),
                message: `raw original does not match its record (sha256 ${sha.slice(0, 12)}..., ${bytes.length} bytes; the record says ${ref.sha256.slice(0, 12)}..., ${ref.bytes} bytes)`,
                fix: restore,
                repairable: false,
              });
            }
          }
        }
      }
    }
  }
  const referenced = new Set<string>();
  for (const r of scan.records.values()) for (const ref of [r.raw, ...r.previous]) referenced.add(path.posix.join(path.posix.dirname(r.path), ref.file));
  for (const raw of scan.raws) {
    const slug = RAW_FILE.exec(path.posix.basename(raw))?.[1] ?? '';
    const owner = path.posix.join(path.posix.dirname(raw), slug);
    if (!referenced.has(raw) && !scan.unreadable.has(owner)) {
      scan.warnings.push({
        kind: 'orphan-raw',
        file: rel(path.join(root, raw)),
        message: 'raw file no record refers to (a run was killed before writing its record); it is kept',
        fix: 'nothing if its input is still in the inbox (the next run archives it); otherwise copy it into the inbox to archive it',
        repairable: false,
      });
    }
  }
  return scan;
}

function expectedKeys(records: Iterable<ArticleRecord>, problems: Problem[], rel: (p: string) => string, root: string): Map<string, string> {
  const keys = new Map<string, string>();
  const claim = (key: string, p: string, what: string): void => {
    const other = keys.get(key);
    if (other !== undefined && other !== p) {
      problems.push({
        kind: 'duplicate',
        file: rel(path.join(root, `${p}.json`)),
        message: `${what} also belongs to ${other}: the same article is archived twice`,
        fix: 'keep one of the two records: move the other record and its raw files out of the archive, then run `kliping verify --repair`',
        repairable: false,
      });
      return;
    }
    keys.set(key, p);
  };
  for (const r of records) for (const { key, what } of recordKeys(r)) claim(key, r.path, what);
  return keys;
}

async function readJsonFile(file: string): Promise<{ value: unknown } | { error: string } | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** One pass over the archive and feeds; `fix` set: repair what is repairable as it is found. */
async function check(deps: JobDeps, fix: boolean): Promise<{ report: VerifyReport; fixed: Problem[] }> {
  const started = deps.now();
  const paths = resolvePaths(deps);
  const rel = (p: string): string => path.relative(deps.cwd, p) || '.';
  const store = new FsArchiveStore(paths.archive);
  const scan = await scanArchive(paths.archive, rel);
  const problems = scan.problems;
  const fixed: Problem[] = [];
  const found = (p: Problem): void => void problems.push(p);

  // Unique ids.
  const byId = new Map<string, string>();
  for (const r of scan.records.values()) {
    const other = byId.get(r.id);
    if (other) {
      found({
        kind: 'duplicate',
        file: rel(path.join(paths.archive, `${r.path}.json`)),
        message: `id ${r.id} is also the id of ${other}`,
        fix: 'keep one of the two records: move the other record and its raw files out of the archive, then run `kliping verify --repair`',
        repairable: false,
      });
    } else byId.set(r.id, r.path);
  }

  // Temp files of killed writers.
  for (const root of [paths.archive, paths.feeds, path.join(paths.inbox, FAILED_DIR)]) {
    for (const t of await findStaleTempsTree(root)) {
      found({ kind: 'temp', file: rel(t), message: 'temp file left by a killed run', fix: 'run `kliping verify --repair` (or the next `kliping run` after a crash) to remove it', repairable: true });
    }
  }

  // Month manifests.
  const byMonth = new Map<string, IndexEntry[]>();
  for (const m of scan.months) byMonth.set(m, []);
  for (const r of scan.records.values()) {
    const m = monthOf(r.published);
    byMonth.set(m, [...(byMonth.get(m) ?? []), entryOf(r)]);
  }
  for (const [m, entries] of [...byMonth].sort()) {
    const file = path.join(paths.archive, m, 'index.json');
    const want = [...entries].sort(compareEntries);
    const got = await readJsonFile(file);
    let message: string | null = null;
    if (got === null) {
      if (want.length > 0) message = `month manifest is missing (${want.length} records in ${m})`;
    } else if ('error' in got) {
      message = `month manifest is not valid JSON (${got.error})`;
    } else if (!Array.isArray(got.value)) {
      message = 'month manifest is not a list';
    } else {
      const have = new Map((got.value as IndexEntry[]).map((e) => [e?.id, e]));
      const missing = want.filter((e) => JSON.stringify(have.get(e.id)) !== JSON.stringify(e));
      const wantIds = new Set(want.map((e) => e.id));
      const extra = (got.value as IndexEntry[]).filter((e) => !wantIds.has(e?.id) && !scan.unreadable.has(e?.path));
      if (missing.length > 0 || extra.length > 0) {
        message = `month manifest disagrees with the records: ${missing.length} record${missing.length === 1 ? '' : 's'} missing or out of date${missing[0] ? ` (${missing[0].path}${missing.length > 1 ? ', ...' : ''})` : ''}, ${extra.length} entr${extra.length === 1 ? 'y' : 'ies'} without a record`;
      }
    }
    if (message) {
      const p: Problem = { kind: 'manifest', file: rel(file), message, fix: 'run `kliping verify --repair` to rebuild it from the records', repairable: true };
      if (fix) {
        // Entries of records that exist but cannot be read are kept: the record is not lost.
        const keep = got && 'value' in got && Array.isArray(got.value) ? (got.value as IndexEntry[]).filter((e) => scan.unreadable.has(e?.path)) : [];
        await store.writeMonth(m, [...want, ...keep]);
        fixed.push(p);
      } else found(p);
    }
  }

  // Key index.
  const keysDir = path.join(paths.archive, '.kliping', 'keys');
  const want = expectedKeys(scan.records.values(), problems, rel, paths.archive);
  const shards = new Map<string, Record<string, string>>();
  for (const [key, p] of want) {
    const name = keyShard(key);
    shards.set(name, { ...(shards.get(name) ?? {}), [key]: p });
  }
  const shardNames = new Set([...shards.keys(), ...(await list(keysDir)).filter((n) => /^[0-9a-f]{2}\.json$/.test(n)).map((n) => n.slice(0, 2))]);
  for (const name of [...shardNames].sort()) {
    const file = path.join(keysDir, `${name}.json`);
    const wantShard = shards.get(name) ?? {};
    const got = await readJsonFile(file);
    const issues: string[] = [];
    let have: Record<string, string> = {};
    if (got === null) issues.push("the shard file is missing");
    else if ('error' in got) issues.push(`not valid JSON (${got.error})`);
    else if (typeof got.value !== 'object' || got.value === null || Array.isArray(got.value)) issues.push('not a key -> path object');
    else have = got.value as Record<string, string>;
    // Keys of unreadable records stay: dropping them would let their input be archived again.
    const kept = Object.fromEntries(Object.entries(have).filter(([, p]) => scan.unreadable.has(p)));
    const missing = Object.entries(wantShard).filter(([k, p]) => have[k] !== p).length;
    const dangling = Object.entries(have).filter(([k, p]) => wantShard[k] === undefined && !scan.unreadable.has(p)).length;
    if (missing > 0) issues.push(`${missing} key${missing === 1 ? '' : 's'} missing or pointing at the wrong record`);
    if (dangling > 0) issues.push(`${dangling} key${dangling === 1 ? '' : 's'} pointing at no record`);
    if (issues.length > 0) {
      const p: Problem = { kind: 'keys', file: rel(file), message: `key index shard: ${issues.join('; ')}`, fix: 'run `kliping verify --repair` to rebuild it from the records', repairable: true };
      if (fix) {
        await store.writeKeyShard(name, { ...kept, ...wantShard });
        fixed.push(p);
      } else found(p);
    }
  }

  // Feeds.
  const feedFiles: string[] = [];
  const walkFeeds = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walkFeeds(p);
      else if (/\.(?:xml|json)$/.test(e.name)) feedFiles.push(p);
    }
  };
  await walkFeeds(paths.feeds);
  const feedProblems: Problem[] = [];
  for (const f of feedFiles.sort()) {
    const text = await readFile(f, 'utf8');
    const error = f.endsWith('.json') ? (jsonFeedErrors(text)[0] ?? null) : xmlError(text);
    if (error) feedProblems.push({ kind: 'feed', file: rel(f), message: `feed does not parse (${error})`, fix: 'run `kliping build` (or `kliping verify --repair`) to republish it', repairable: true });
  }
  if (feedFiles.length === 0 && scan.records.size > 0) {
    feedProblems.push({ kind: 'feed', file: rel(paths.feeds), message: 'no feeds published, but the archive has records', fix: 'run `kliping build` (or `kliping verify --repair`)', repairable: true });
  }
  if (fix) {
    // Republished even without a feed problem: a repaired index may change what the feeds show.
    await mkdir(paths.feeds, { recursive: true });
    try {
      await publishIfStale(store, deps, paths, true);
      fixed.push(...feedProblems);
    } catch (e) {
      // An unreadable record among the newest: the feeds stay as they were (publish reads
      // everything before writing) and the record problem above says what to do.
      if (!(e instanceof KlipingError)) throw e;
      problems.push(...feedProblems);
      found({ kind: 'feed', file: rel(paths.feeds), message: `feeds not republished: ${e.message}`, fix: 'fix the record problems above, then run `kliping build`', repairable: false });
    }
  } else problems.push(...feedProblems);

  const warnings = scan.warnings;

  return {
    report: {
      records: scan.records.size,
      rawFiles: scan.raws.size,
      feeds: feedFiles.length,
      problems,
      warnings,
      repaired: [],
      recovered: null,
      durationMs: deps.now() - started,
    },
    fixed,
  };
}

/**
 * Check the archive under its lock (exit 75 when a run holds it). With `repair`, fix what can
 * be fixed, then check again: the report's problems are what is still wrong.
 */
export async function verifyArchive(deps: JobDeps, options: { repair?: boolean } = {}): Promise<VerifyReport> {
  const started = deps.now();
  const holder: JobReport = { new: 0, updated: 0, unchanged: 0, failed: 0, items: [], skipped: [], published: [], feedItems: 0, warnings: [], durationMs: 0, recovered: null };
  return withLock(
    deps,
    async (lock) => {
      if (!options.repair) {
        const { report } = await check(deps, false);
        if (lock.recovered) {
          report.warnings.push({
            kind: 'lock',
            file: path.relative(deps.cwd, lock.file),
            message: `left by a run that died (pid ${lock.recovered.pid}, started ${lock.recovered.started})`,
            fix: 'nothing: the next `kliping run` takes it over and removes what the dead run left half-done',
            repairable: true,
          });
        }
        return report;
      }
      const paths = resolvePaths(deps);
      const rel = (p: string): string => path.relative(deps.cwd, p) || '.';
      const temps: Problem[] = [];
      for (const root of [paths.archive, paths.feeds, path.join(paths.inbox, FAILED_DIR)]) {
        for (const t of await findStaleTempsTree(root, { remove: true })) {
          temps.push({ kind: 'temp', file: rel(t), message: 'temp file left by a killed run', fix: 'removed', repairable: true });
        }
      }
      const { fixed } = await check(deps, true);
      const { report } = await check(deps, false);
      report.repaired = [...temps, ...fixed];
      report.recovered = holder.recovered;
      report.durationMs = deps.now() - started;
      return report;
    },
    { readOnly: !options.repair, report: holder },
  );
}
