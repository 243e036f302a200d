/**
 * The pages of a full publish (`kliping build`, `reclean`, `verify --repair`) rendered on the
 * second core: a worker thread runs publishPages() (dist/worker.js) while the main thread renders
 * and checks the feeds. The two write different folders and only read the archive, which
 * nothing changes until both are done.
 *
 * Measured on the project's 2-core machine, full publish of the 10,000-article benchmark
 * archive: 2.2 s with the worker against 2.95 s without (~90 MB more RSS). Not used for a tick:
 * the worker reads every record again and starts in ~50 ms, and a run archiving 1,000 articles
 * (2,039 pages) was no faster with it; a worker that cleaned the inputs of a big inbox was
 * tried too and was no faster either (both cores are already busy: the main thread and the
 * write thread of io/write-thread.ts).
 *
 * Only the built CLI has the worker file: tests of the TypeScript sources publish the pages on
 * the main thread, and an e2e test compares both ways (KLIPING_WORKERS=0 turns the worker off).
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { KlipingError, type ErrorCode } from '../domain/errors.js';
import type { PagesOptions, publishPages } from './pages.js';

/** Replaced with true by scripts/build.mjs in the bundles. */
declare const __KLIPING_BUNDLE__: boolean | undefined;

type PagesOutcome = Awaited<ReturnType<typeof publishPages>>;

export interface PagesTask {
  readonly archive: string;
  readonly options: PagesOptions;
}

export type PagesReply =
  | { readonly ok: PagesOutcome }
  | { readonly error: { readonly message: string; readonly stack?: string; readonly code?: string; readonly kliping: boolean } };

/** The worker file beside the bundle, or null (sources under test, KLIPING_WORKERS=0, no file). */
function workerFile(): string | null {
  if (typeof __KLIPING_BUNDLE__ === 'undefined' || process.env.KLIPING_WORKERS === '0') return null;
  const file = path.join(__dirname, 'worker.js');
  return existsSync(file) ? file : null;
}

/**
 * Start publishing the pages in a worker; null when no worker can be used (the caller publishes
 * them itself). The function returned settles with publishPages()'s result or its error.
 */
export async function startPagesWorker(archive: string, options: PagesOptions): Promise<(() => Promise<PagesOutcome>) | null> {
  const file = workerFile();
  if (!file) return null;
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(file, { workerData: { archive, options } satisfies PagesTask });
  const done = new Promise<PagesOutcome>((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: PagesReply) => {
      settled = true;
      void worker.terminate();
      if ('ok' in reply) return resolve(reply.ok);
      const { message, code, kliping, stack } = reply.error;
      if (kliping) return reject(new KlipingError(code as ErrorCode, message));
      const e = Object.assign(new Error(message), { code });
      if (stack) e.stack = stack;
      reject(e);
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the pages worker stopped (exit ${code}) before it answered`));
    });
  });
  done.catch(() => undefined); // reported by the caller's await, not as an unhandled rejection
  return () => done;
}
