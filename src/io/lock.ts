/**
 * A lock file held across a whole tick, so two `kliping run` (or `run` and `schedule`) on the
 * same archive never interleave. The file is created with O_EXCL and holds the owner's pid and
 * host; a lock whose process is gone (kill -9, reboot) is taken over at once. This is a pid lock
 * rather than proper-lockfile's mtime lock, which only recovers after its stale timeout.
 *
 * A pid alone is not an identity: after a reboot, or months of uptime, another process may have
 * the dead owner's pid, and the archive would stay locked for good. On Linux the lock also holds
 * the boot id and the owner's start time (from /proc), so a reused pid is recognised as stale.
 */
import { open, readFile, unlink, mkdir, rename, link } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { KlipingError } from '../domain/errors.js';
import { writeFileAtomic } from './atomic.js';

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  /** Linux boot id; absent elsewhere. */
  readonly boot?: string;
  /** The owner's start time in clock ticks since boot (/proc/<pid>/stat field 22); Linux only. */
  readonly since?: string;
}

export interface Lock {
  readonly file: string;
  /**
   * The owner of a stale lock this one replaced (its process died in the middle of a tick), or
   * null when the lock was free. A holder that writes should then clean up after the dead one.
   */
  readonly recovered: LockOwner | null;
  /**
   * Give the lock up. `restoreStale`: put the dead owner's lock back instead of removing it, so
   * the next writer still sees that a tick died and cleans up (for read-only holders).
   */
  release(options?: { restoreStale?: boolean }): Promise<void>;
}

function procStartTime(pid: number | 'self'): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the owner of a lock on this host is still the process that took it. */
function ownerAlive(owner: LockOwner, myBoot: string | undefined): boolean {
  if (owner.boot !== undefined && myBoot !== undefined && owner.boot !== myBoot) return false;
  if (!alive(owner.pid)) return false;
  if (owner.since !== undefined) {
    const since = procStartTime(owner.pid);
    if (since !== undefined && since !== owner.since) return false;
  }
  return true;
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const o = JSON.parse(await readFile(file, 'utf8')) as LockOwner;
    return typeof o.pid === 'number' ? o : null;
  } catch {
    return null;
  }
}

/** The owner of the lock at `file`, whether it is held by a live process, or null when free. */
export async function lockStatus(file: string): Promise<{ owner: LockOwner; live: boolean } | null> {
  const owner = await readOwner(file);
  if (!owner) return null;
  return { owner, live: owner.host !== hostname() || ownerAlive(owner, bootId()) };
}

/**
 * Take the lock at `file` or throw KlipingError LOCKED (exit 75). `startedAt` is only written
 * into the lock for humans who look at it.
 */
export async function acquireLock(file: string, startedAt: string): Promise<Lock> {
  await mkdir(path.dirname(file), { recursive: true });
  const boot = bootId();
  const since = procStartTime('self');
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    started: startedAt,
    ...(boot !== undefined ? { boot } : {}),
    ...(since !== undefined ? { since } : {}),
  };
  let recovered: LockOwner | null = null;
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
      const stale = recovered;
      return {
        file,
        recovered: stale,
        release: async (options = {}) => {
          if (released) return;
          released = true;
          if (options.restoreStale && stale) {
            await writeFileAtomic(file, `${JSON.stringify(stale)}\n`).catch(() => undefined);
            return;
          }
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = await readOwner(file);
    if (owner && (owner.host !== me.host || ownerAlive(owner, boot))) {
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
    if (moved && owner && (moved.pid !== owner.pid || moved.started !== owner.started) && ownerAlive(moved, boot)) {
      await link(aside, file).catch(() => undefined);
    } else {
      recovered = owner ?? { pid: 0, host: me.host, started: 'unknown (empty lock file)' };
    }
    await unlink(aside).catch(() => undefined);
  }
  throw new KlipingError('LOCKED', `Could not take the lock ${JSON.stringify(file)}: another run keeps taking it; try again later`);
}
