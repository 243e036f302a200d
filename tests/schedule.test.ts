/** `kliping schedule`: the scheduler's rules with a fake cron, then the built CLI with real signals. */
import path from 'node:path';
import { readdir, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobReport } from '../src/pipeline/run.js';
import { runScheduler, type ScheduleEvent, type SchedulerDeps } from '../src/schedule/scheduler.js';
import type { CronCallbacks } from '../src/schedule/cron.js';
import { tempWorkspace } from './support/cli.js';
import { writeArticles } from './support/articles.js';
import { kliping, records, start } from './support/spawn.js';

function report(): JobReport {
  return { new: 1, updated: 0, unchanged: 0, failed: 0, items: [], skipped: [], published: [], feedItems: 1, warnings: [], durationMs: 5, recovered: null };
}

/** A scheduler on a fake cron whose ticks the test releases one by one. */
function harness(): {
  deps: SchedulerDeps;
  events: ScheduleEvent[];
  cron: () => CronCallbacks;
  finishTick: () => void;
  ticks: () => number;
  signal: (s: 'SIGTERM' | 'SIGINT') => void;
  exits: number[];
  settle: () => Promise<void>;
} {
  const events: ScheduleEvent[] = [];
  let callbacks: CronCallbacks | null = null;
  let ticks = 0;
  const waiting: (() => void)[] = [];
  let handler: ((s: 'SIGTERM' | 'SIGINT') => void) | null = null;
  const exits: number[] = [];
  let clock = 0;
  const deps: SchedulerDeps = {
    schedule: '* * * * *',
    timeZone: 'Asia/Jakarta',
    tick: async () => {
      ticks++;
      await new Promise<void>((r) => waiting.push(r));
      return report();
    },
    startCron: async (cb) => {
      callbacks = cb;
      return { nextRun: () => 60_000, stop: () => undefined };
    },
    now: () => (clock += 1000),
    format: (ms) => `t${ms / 1000}`,
    emit: (e) => events.push(e),
    warn: () => undefined,
    signals: {
      on: (h) => ((handler = h), () => (handler = null)),
      exitNow: (code) => void exits.push(code),
    },
  };
  return {
    deps,
    events,
    cron: () => callbacks!,
    finishTick: () => waiting.shift()!(),
    ticks: () => ticks,
    signal: (s) => handler!(s),
    exits,
    settle: () => new Promise((r) => setTimeout(r, 5)),
  };
}

describe('runScheduler()', () => {
  it('reports a slot that comes while a tick runs and runs one catch-up tick after it, not one per slot', async () => {
    const h = harness();
    const stopped = runScheduler(h.deps, { runNow: false });
    await h.settle();
    h.cron().onTick(60_000);
    await h.settle();
    expect(h.ticks()).toBe(1);
    h.cron().onTick(120_000);
    h.cron().onTick(180_000);
    expect(h.events.filter((e) => e.event === 'overlap').map((e) => (e as { slot: string }).slot)).toEqual(['t120', 't180']);
    h.finishTick();
    await h.settle();
    expect(h.ticks()).toBe(2);
    expect(h.events.filter((e) => e.event === 'tick-started').map((e) => (e as { reason: string }).reason)).toEqual(['scheduled', 'catch-up']);
    h.finishTick();
    await h.settle();
    expect(h.ticks()).toBe(2);
    h.signal('SIGTERM');
    expect(await stopped).toBe(0);
  });

  it('reports a missed slot and runs a catch-up tick for it', async () => {
    const h = harness();
    const stopped = runScheduler(h.deps, { runNow: false });
    await h.settle();
    h.cron().onMissed(60_000);
    await h.settle();
    expect(h.events.map((e) => e.event)).toEqual(['started', 'missed', 'tick-started']);
    h.finishTick();
    await h.settle();
    h.signal('SIGINT');
    expect(await stopped).toBe(0);
  });

  it('on SIGTERM finishes the running tick, starts no other, and resolves 0; a second signal exits at once', async () => {
    const h = harness();
    const stopped = runScheduler(h.deps, { runNow: true });
    await h.settle();
    expect(h.ticks()).toBe(1);
    h.signal('SIGTERM');
    h.cron().onTick(60_000);
    let resolved = false;
    void stopped.then(() => (resolved = true));
    await h.settle();
    expect(resolved).toBe(false);
    h.signal('SIGTERM');
    expect(h.exits).toEqual([143]);
    h.finishTick();
    expect(await stopped).toBe(0);
    expect(h.ticks()).toBe(1);
    expect(h.events.at(-1)?.event).toBe('stopped');
  });

  it('a failing tick is logged with its exit code and the scheduler keeps going', async () => {
    const h = harness();
    const { KlipingError } = await import('../src/domain/errors.js');
    const stopped = runScheduler({ ...h.deps, tick: async () => Promise.reject(new KlipingError('LOCKED', 'held')) }, { runNow: true });
    await h.settle();
    h.cron().onTick(60_000);
    await h.settle();
    expect(h.events.filter((e) => e.event === 'tick-failed').map((e) => (e as { exitCode: number }).exitCode)).toEqual([75, 75]);
    h.signal('SIGTERM');
    expect(await stopped).toBe(0);
  });

  it('a tick stopped by the machine (disk full) is logged with the path, the fix and what is safe, not as a bug', async () => {
    const h = harness();
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC', syscall: 'write', path: '/srv/k/archive/x.tmp' });
    const stopped = runScheduler({ ...h.deps, tick: async () => Promise.reject(full) }, { runNow: true });
    await h.settle();
    const failed = h.events.find((e) => e.event === 'tick-failed') as { error: string; exitCode: number };
    expect(failed.exitCode).toBe(1);
    expect(failed.error).toBe(
      'Cannot write "/srv/k/archive/x.tmp" (ENOSPC): no space left on the disk. Free some space and run again; nothing is lost: inputs leave the inbox only once archived, and the next run archives the rest',
    );
    h.signal('SIGTERM');
    expect(await stopped).toBe(0);
  });
});

describe('kliping schedule (built CLI)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  async function workspace(schedule: string): Promise<string> {
    const { dir, cleanup } = await tempWorkspace('kliping-schedule-');
    cleanups.push(cleanup);
    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify({ schedule, timeZone: 'Asia/Jakarta' }));
    return dir;
  }

  it('an invalid cron expression is a config error naming the schedule key, exit 2', async () => {
    for (const expr of ['61 * * * *', '* * * *', 'every hour']) {
      const dir = await workspace(expr);
      const r = kliping(['schedule'], dir);
      expect(r.code, expr).toBe(2);
      expect(r.stderr).toMatch(/^error: Invalid config ".*kliping.config.json":\n {2}- schedule: .*"\*\/15 \* \* \* \*"/);
    }
  });

  it('--run-now runs a tick at start, logs its result and the next run, and SIGTERM stops it with exit 0', async () => {
    const dir = await workspace('0 0 1 1 *');
    await writeArticles(path.join(dir, 'inbox'), 0, 2);
    const p = start(['schedule', '--run-now'], dir);
    await p.waitFor(/kliping tick: /);
    p.child.kill('SIGTERM');
    const done = await p.done;
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/kliping schedule: "0 0 1 1 \*" in Asia\/Jakarta; next run at \d{4}-01-01T00:00:00\+07:00/);
    expect(done.stdout).toMatch(/tick started \(run-now\)\n.*kliping tick: 2 new, 0 updated, 0 unchanged, 0 failed; .* in \d+ ms; next run at \d{4}-01-01T00:00:00\+07:00\n/);
    expect(done.stdout).toMatch(/SIGTERM: stopping\n.*kliping schedule stopped\n$/);
    expect(await readdir(path.join(dir, 'inbox'))).toEqual([]);
  });

  it('runs ticks on a seconds schedule and --json prints one event per line', async () => {
    const dir = await workspace('* * * * * *');
    const p = start(['schedule', '--json'], dir);
    await p.waitFor(/"event":"tick-finished"/);
    p.child.kill('SIGINT');
    const done = await p.done;
    expect(done.code).toBe(0);
    const events = done.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string; report?: JobReport; next?: string });
    expect(events[0]!.event).toBe('started');
    const tick = events.find((e) => e.event === 'tick-finished')!;
    expect(tick.report).toMatchObject({ new: 0, failed: 0 });
    expect(tick.next).toMatch(/\+07:00$/);
    expect(events.at(-1)!.event).toBe('stopped');
  });

  it('SIGTERM during a tick lets the tick finish, then exits 0', async () => {
    const dir = await workspace('0 0 1 1 *');
    await writeArticles(path.join(dir, 'inbox'), 0, 80);
    const p = start(['schedule', '--run-now'], dir);
    await p.waitFor(/tick started/);
    p.child.kill('SIGTERM');
    const done = await p.done;
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/SIGTERM: finishing the running tick, then stopping/);
    expect(done.stdout).toMatch(/kliping tick: 80 new, .*\n.*kliping schedule stopped\n$/);
    expect(await readdir(path.join(dir, 'inbox'))).toEqual([]);
    expect(kliping(['verify'], dir).code).toBe(0);
  });

  it('a second signal exits at once, and the next run completes the work', async () => {
    const dir = await workspace('0 0 1 1 *');
    await writeArticles(path.join(dir, 'inbox'), 0, 80);
    const p = start(['schedule', '--run-now'], dir);
    await p.waitFor(/tick started/);
    p.child.kill('SIGTERM');
    await p.waitFor(/finishing the running tick/);
    p.child.kill('SIGTERM');
    const done = await p.done;
    expect(done.code).toBe(143);
    expect(done.stderr).toContain('SIGTERM again: leaving now');
    const r = kliping(['run'], dir);
    expect(r.code).toBe(0);
    expect(await readdir(path.join(dir, 'inbox'))).toEqual([]);
    expect(kliping(['verify'], dir).code).toBe(0);
    expect(await records(path.join(dir, 'archive'))).toHaveLength(80);
  });
});
