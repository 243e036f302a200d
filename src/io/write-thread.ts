/**
 * Worker threads that write AtomicWriter's temp files, so that a big batch (a tick archiving a
 * thousand articles, a publish writing two thousand pages) creates its files beside the main
 * thread, which goes on cleaning and rendering. Creating a file costs the kernel from ~10 µs
 * (tmpfs) to several hundred µs of CPU (this project's ext4 test disk, depending on the moment),
 * all of it the main thread's before. Only the temp files are written here: durability and the
 * renames stay with drain().
 *
 * Two threads by default: on that disk, 2,000 folders with a file each took 2.29 s from one
 * thread, all of it kernel time, and 0.67 s from four (1.34 s of kernel time in all; a C
 * program, same folder tree); `kliping run` on
 * 1,000 text files (6 runs each, alternated) took 1.2-3.1 s with two against 1.2-4.0 s with
 * one, and ~3% longer with two on tmpfs. Each thread serves every writer of the process, in the
 * order the writes were sent. They never keep the process alive on their own (referenced only
 * while a writer waits on them).
 */
import type { Worker } from 'node:worker_threads';
import { writeTempFile, type TempWrite } from './temp-file.js';

/** What became of one write, in the order sent. */
export type ThreadResult = { readonly parents: readonly string[] | null } | { readonly error: { message: string; code?: string } };

// Evaluated in the worker as CommonJS (no file to find next to the bundle): the same
// writeTempFile() the main thread runs, from its source text. Built when a thread starts, not
// when the module loads (the quiet tick bundles this file).
const source = (): string => `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const done = new Int32Array(workerData.done);
const writeTemp = (${writeTempFile.toString()});
const results = new Map();
function writeOne(w) {
  try {
    return { parents: writeTemp(fs, path, w) };
  } catch (e) {
    return { error: { message: String(e && e.message), code: e && e.code } };
  }
}
parentPort.on('message', (m) => {
  if (m.op === 'write') {
    let list = results.get(m.writer);
    if (!list) results.set(m.writer, (list = []));
    for (const w of m.items) {
      list.push(writeOne(w));
      Atomics.add(done, 0, 1);
      Atomics.add(done, 1, w.kib);
    }
  } else if (m.op === 'remove') {
    for (const file of m.items) {
      try {
        fs.unlinkSync(file);
      } catch (e) {
        /* gone already, or left: the caller treats it as still there */
      }
    }
    parentPort.postMessage({ token: m.token, results: [] });
  } else if (m.op === 'flush') {
    const list = results.get(m.writer) || [];
    results.delete(m.writer);
    parentPort.postMessage({ token: m.token, results: list });
  }
});
`;

/** Writes sent in one message: fewer messages, and the thread starts while more are coming. */
const SEND_EVERY = 16;
/**
 * Writes (or KiB) a thread may have waiting before it is busy() and the writer writes the next
 * one itself: without a bound, pages were queued faster than they were created, and a full
 * republish of 100,000 articles peaked ~140 MB higher with the threads than without.
 */
const MAX_WAITING_WRITES = 256;
const MAX_WAITING_KIB = 8192;

interface Waiting {
  resolve(results: ThreadResult[]): void;
  reject(e: Error): void;
}

export class WriteThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private readonly outbox = new Map<number, (TempWrite & { readonly kib: number })[]>();
  private nextToken = 1;
  private nextWriter = 1;
  private broken: Error | null = null;
  /** Writes and KiB the thread has done (it counts them), and those sent to it (KiB of UTF-16 units for text: a bound, not a measure). */
  private readonly done = new Int32Array(new SharedArrayBuffer(8));
  private sentWrites = 0;
  private sentKiB = 0;

  constructor(WorkerClass: typeof Worker) {
    this.worker = new WorkerClass(source(), { eval: true, workerData: { done: this.done.buffer } });
    this.worker.unref();
    this.worker.on('message', (m: { token: number; results?: ThreadResult[] }) => {
      const w = this.waiting.get(m.token);
      if (!w) return;
      this.waiting.delete(m.token);
      if (this.waiting.size === 0) this.worker.unref();
      w.resolve(m.results ?? []);
    });
    const fail = (e: Error): void => {
      this.broken ??= e;
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
      // Writes go back to the main thread for the rest of the process (a scheduler runs for
      // months: one broken thread must not fail every later tick).
      if (pool.includes(this)) {
        pool = [];
        unavailable = true;
      }
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the file-writing thread stopped (exit ${code})`)));
  }

  /** A number that keeps one writer's results apart from another's. */
  register(): number {
    return this.nextWriter++;
  }

  /** True while the thread has too much waiting: the caller should write this one itself. */
  busy(): boolean {
    return this.sentWrites - Atomics.load(this.done, 0) >= MAX_WAITING_WRITES || this.sentKiB - Atomics.load(this.done, 1) >= MAX_WAITING_KIB;
  }

  write(writer: number, item: TempWrite): void {
    const kib = Math.ceil((typeof item.data === 'string' ? item.data.length : item.data.byteLength) / 1024);
    this.sentWrites++;
    this.sentKiB += kib;
    let box = this.outbox.get(writer);
    if (!box) this.outbox.set(writer, (box = []));
    box.push({ ...item, kib });
    if (box.length >= SEND_EVERY) this.send(writer);
  }

  private send(writer: number): void {
    const items = this.outbox.get(writer);
    if (!items || items.length === 0) return;
    this.outbox.delete(writer);
    this.worker.postMessage({ op: 'write', writer, items });
  }

  private request(message: object): Promise<ThreadResult[]> {
    if (this.broken) return Promise.reject(this.broken);
    const token = this.nextToken++;
    return new Promise<ThreadResult[]>((resolve, reject) => {
      this.waiting.set(token, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...message, token });
    });
  }

  /** Remove `files` (errors ignored: a file already gone is fine); resolves when done. */
  async remove(files: readonly string[]): Promise<void> {
    await this.request({ op: 'remove', items: files });
  }

  /** The results of every write `writer` sent, in order, once all are done. */
  flush(writer: number): Promise<ThreadResult[]> {
    this.send(writer);
    return this.request({ op: 'flush', writer });
  }
}

/** Write threads of the process (see writeThreads()). */
let pool: WriteThread[] = [];
let unavailable = false;

/** How many write threads a process starts: KLIPING_WRITE_THREADS (0 to 16; 0: none), else this. */
export const WRITE_THREADS = 2;

function threadCount(): number {
  const n = Number(process.env.KLIPING_WRITE_THREADS ?? WRITE_THREADS);
  return Number.isInteger(n) && n >= 0 && n <= 16 ? n : WRITE_THREADS;
}

/**
 * The process's write threads, started on first use; null when they cannot be used (worker
 * threads missing, turned off, or one of them died): the caller then writes on its own thread.
 */
export function writeThreads(): readonly WriteThread[] | null {
  if (pool.length > 0) return pool;
  const n = threadCount();
  if (unavailable || n === 0) return null;
  try {
    const W = loadWorker();
    for (let i = 0; i < n; i++) pool.push(new WriteThread(W));
  } catch {
    unavailable = true;
    pool = [];
    return null;
  }
  return pool;
}

/** The write threads if this process has started them (none are started here). */
export function startedWriteThreads(): readonly WriteThread[] | null {
  return pool.length > 0 ? pool : null;
}

/**
 * worker_threads is loaded only when a batch is big enough to use the thread, and synchronously
 * (AtomicWriter.write() is). process.getBuiltinModule is Node 20.16+; before it, no thread.
 */
function loadWorker(): typeof Worker {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (!get) throw new Error('no process.getBuiltinModule');
  const threads = get('node:worker_threads') as typeof import('node:worker_threads');
  // Only the main thread starts them: a worker thread already runs beside it.
  if (!threads.isMainThread) throw new Error('not the main thread');
  return threads.Worker;
}
