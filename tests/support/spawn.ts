/** The built CLI as cron and systemd run it: plain node on dist/, spawned in a temp folder. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './paths.js';

export const BIN = path.join(ROOT, 'dist/main.js');

export interface Done {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI to its end. */
export function kliping(args: string[], cwd: string): Done {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

export interface Running {
  readonly child: ChildProcess;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Resolves when stdout has a line matching `re` (rejects when the process ends first). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<void>;
  readonly done: Promise<Done>;
}

/** Start the CLI in the background. */
export function start(args: string[], cwd: string): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    for (const w of waiters.splice(0)) (w.re.test(out) ? w.resolve : (): number => waiters.push(w))();
  });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  const done = new Promise<Done>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err })));
  return {
    child,
    stdout: () => out,
    done,
    waitFor: (re, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        if (re.test(out)) return resolve();
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re} in:\n${out}\n${err}`)), timeoutMs);
        waiters.push({ re, resolve: () => (clearTimeout(timer), resolve()) });
        void done.then((d) => reject(new Error(`process ended (${d.code ?? d.signal}) before ${re}:\n${d.stdout}\n${d.stderr}`)));
      }),
  };
}

/** Every file below `dir` with its size and mtime: equal snapshots mean nothing was written. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else {
        const s = await stat(p);
        out[path.relative(dir, p)] = `${s.size} ${s.mtimeMs} ${s.ino}`;
      }
    }
  };
  await walk(dir);
  return out;
}

/** All records of an archive, parsed. */
type RecordShape = { id: string; url: string | null; path: string; raw: { sha256: string }; previous: { sha256: string }[] };
export async function records(archive: string): Promise<RecordShape[]> {
  const out: RecordShape[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory() && /^\d+$/.test(e.name)) await walk(path.join(d, e.name), depth + 1);
      else if (depth === 3 && e.isFile() && /^[a-z0-9-]+\.json$/.test(e.name)) out.push(JSON.parse(await readFile(path.join(d, e.name), 'utf8')));
    }
  };
  await walk(archive, 0);
  return out;
}
