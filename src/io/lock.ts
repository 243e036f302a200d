/**
 * A lock file held across a whole tick, so two `kliping run` (or `run` and `schedule`) on the
 * same archive never interleave. The file is created with O_EXCL and holds the owner's pid and
 * host; a lock whose process is gone (kill -9, reboot) is taken over at once. This is a pid lock
 * rather than proper-lockfile's mtime lock, which only recovers after its stale timeout.
 */
import { open, readFile, unlink, mkdir, rename, link } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { KlipingError } from '../domain/errors.js';

export interface Lock {
  readonly file: string;
  release(): Promise<void>;
}

interface Owner {
  pid: number;
  host: string;
  started: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<Owner | null> {
  try {
    const o = JSON.parse(await readFile(file, 'utf8')) as Owner;
    return typeof o.pid === 'number' ? o : null;
  } catch {
    return null;
  }
}

/**
 * Take the lock at `file` or throw KlipingError LOCKED (exit 75). `startedAt` is only written
 * into the lock for humans who look at it.
 */
export async function acquireLock(file: string, startedAt: string): Promise<Lock> {
  await mkdir(path.dirname(file), { recursive: true });
  const me: Owner = { pid: process.pid, host: hostname(), started: startedAt };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(file, 'wx', 0o644);
      try {
        await fh.writeFile(`${JSON.stringify(me)}\n`);
        await fh.sync();
      } finally {
        await fh.close();
      }
      let released = false;
      return {
        file,
        release: async () => {
          if (released) return;
          released = true;
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = await readOwner(file);
    if (owner && (owner.host !== me.host || alive(owner.pid))) {
      throw new KlipingError(
        'LOCKED',
        `Another kliping run holds the lock ${JSON.stringify(file)} (pid ${owner.pid} on ${owner.host}, started ${owner.started}): nothing was written; try again when it ends`,
      );
    }
    if (!owner) {
      // An empty or unreadable lock: its writer died between create and write, or is writing
      // right now. Give a live writer a moment before treating it as stale.
      await new Promise((r) => setTimeout(r, 200));
      const again = await readOwner(file);
      if (again) continue;
    }
    // Stale: move it aside atomically, then check that what was moved is the stale lock we
    // judged, not a fresh one another recoverer created in between; put a fresh one back.
    const aside = `${file}.stale.${process.pid}`;
    try {
      await rename(file, aside);
    } catch {
      continue; // someone else recovered it first
    }
    const moved = await readOwner(aside);
    if (moved && owner && (moved.pid !== owner.pid || moved.started !== owner.started) && alive(moved.pid)) {
      await link(aside, file).catch(() => undefined);
    }
    await unlink(aside).catch(() => undefined);
  }
  throw new KlipingError('LOCKED', `Could not take the lock ${JSON.stringify(file)}: another run keeps taking it; try again later`);
}
