/**
 * Entry of dist/worker.js: the worker thread that publishes the pages of a full publish while
 * the main thread publishes the feeds (pipeline/parallel.ts). It reads the archive through its
 * own store: the main thread holds the archive lock and changes nothing in it until both are done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FsArchiveStore } from './archive/fs-store.js';
import { publishPages } from './pipeline/pages.js';
import { KlipingError } from './domain/errors.js';
import type { PagesTask, PagesReply } from './pipeline/parallel.js';

const task = workerData as PagesTask;
publishPages(new FsArchiveStore(task.archive), task.options).then(
  (ok) => parentPort!.postMessage({ ok } satisfies PagesReply),
  (e: unknown) => {
    const err = e instanceof Error ? e : new Error(String(e));
    const error = { message: err.message, stack: err.stack, code: (err as { code?: string }).code, kliping: err instanceof KlipingError };
    parentPort!.postMessage({ error } satisfies PagesReply);
  },
);
