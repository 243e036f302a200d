/**
 * `kliping schedule`: run the job at each cron slot until SIGTERM/SIGINT. Every tick is the
 * same runJob() as `kliping run`; the archive lock keeps it apart from other processes.
 *
 * node-cron alone would lose ticks silently: `noOverlap` skips a slot while a tick runs and a
 * timer more than 1 s late is dropped. Here a slot that comes while a tick runs, or that was
 * missed, is reported and coalesced into one catch-up tick right after the running one, so
 * inbox files never wait a whole extra interval without a word in the log.
 */
import { KlipingError, systemError, TICK_STOPPED } from '../domain/errors.js';
import type { JobReport } from '../pipeline/run.js';
import type { CronCallbacks, CronTimer } from './cron.js';

export type TickReason = 'run-now' | 'scheduled' | 'catch-up';

/** What the scheduler says; the command renders it as text lines or JSON lines. */
export type ScheduleEvent =
  | { readonly event: 'started'; readonly at: string; readonly schedule: string; readonly timeZone: string; readonly next: string | null }
  | { readonly event: 'tick-started'; readonly at: string; readonly reason: TickReason; readonly slot: string | null }
  | { readonly event: 'tick-finished'; readonly at: string; readonly reason: TickReason; readonly report: JobReport; readonly next: string | null }
  | { readonly event: 'tick-failed'; readonly at: string; readonly reason: TickReason; readonly error: string; readonly exitCode: number; readonly next: string | null }
  | { readonly event: 'overlap'; readonly at: string; readonly slot: string; readonly runningSince: string }
  | { readonly event: 'missed'; readonly at: string; readonly slot: string }
  | { readonly event: 'stopping'; readonly at: string; readonly signal: string; readonly tickRunning: boolean }
  | { readonly event: 'stopped'; readonly at: string };

export interface SchedulerDeps {
  readonly schedule: string;
  readonly timeZone: string;
  /** One tick: runJob() with the loaded config. */
  readonly tick: () => Promise<JobReport>;
  readonly startCron: (callbacks: CronCallbacks) => Promise<CronTimer>;
  readonly now: () => number;
  /** ISO 8601 in the configured zone. */
  readonly format: (ms: number) => string;
  readonly emit: (e: ScheduleEvent) => void;
  readonly warn: (message: string) => void;
  readonly signals: {
    on(handler: (signal: 'SIGTERM' | 'SIGINT') => void): () => void;
    exitNow(code: number): void;
  };
}

const SIGNAL_EXIT: Record<'SIGTERM' | 'SIGINT', number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Run until a stop signal. Resolves 0 after the running tick (if any) has finished; a second
 * signal leaves at once with 128 + the signal number.
 */
export async function runScheduler(deps: SchedulerDeps, options: { runNow: boolean }): Promise<number> {
  let running: { since: number; done: Promise<void> } | null = null;
  let pending: { reason: TickReason; slot: number | null } | null = null;
  let stopping = false;
  let timer: CronTimer | null = null;
  let resolveStopped: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((r) => (resolveStopped = r));

  const nextIso = (): string | null => {
    const n = timer?.nextRun() ?? null;
    return n === null ? null : deps.format(n);
  };

  const runOne = async (reason: TickReason, slot: number | null): Promise<void> => {
    deps.emit({ event: 'tick-started', at: deps.format(deps.now()), reason, slot: slot === null ? null : deps.format(slot) });
    try {
      const report = await deps.tick();
      deps.emit({ event: 'tick-finished', at: deps.format(deps.now()), reason, report, next: stopping ? null : nextIso() });
    } catch (e) {
      // A tick that fails (lock held, inbox folder gone, disk full) is logged; the next slot
      // tries again. A bug is logged with its stack and does not stop the service either.
      const known = e instanceof KlipingError ? e : systemError(e, TICK_STOPPED);
      const error = known ? known.message : `internal error (a bug; please report it): ${(e as Error)?.stack ?? String(e)}`;
      deps.emit({ event: 'tick-failed', at: deps.format(deps.now()), reason, error, exitCode: known ? known.exitCode : 70, next: stopping ? null : nextIso() });
    }
  };

  const trigger = (reason: TickReason, slot: number | null): void => {
    if (stopping) return;
    if (running) {
      if (slot !== null) deps.emit({ event: 'overlap', at: deps.format(deps.now()), slot: deps.format(slot), runningSince: deps.format(running.since) });
      pending ??= { reason: 'catch-up', slot };
      return;
    }
    const since = deps.now();
    const done = (async (): Promise<void> => {
      let next: { reason: TickReason; slot: number | null } | null = { reason, slot };
      while (next && !stopping) {
        await runOne(next.reason, next.slot);
        next = pending;
        pending = null;
      }
      running = null;
    })();
    running = { since, done };
  };

  const stop = async (signal: 'SIGTERM' | 'SIGINT'): Promise<void> => {
    stopping = true;
    timer?.stop();
    deps.emit({ event: 'stopping', at: deps.format(deps.now()), signal, tickRunning: running !== null });
    // `running` is reassigned by the tick loop; read it through a function so the narrowing
    // above does not hide that.
    const current = (): { done: Promise<void> } | null => running;
    while (current()) await current()!.done;
    deps.emit({ event: 'stopped', at: deps.format(deps.now()) });
    resolveStopped(0);
  };

  let signalled = false;
  const unsubscribe = deps.signals.on((signal) => {
    if (signalled) {
      deps.warn(`${signal} again: leaving now; the running tick is cut short (every file is written atomically, the next tick completes the work)`);
      deps.signals.exitNow(SIGNAL_EXIT[signal]);
      return;
    }
    signalled = true;
    void stop(signal);
  });

  try {
    timer = await deps.startCron({
      onTick: (slot) => trigger('scheduled', slot),
      onMissed: (slot) => {
        deps.emit({ event: 'missed', at: deps.format(deps.now()), slot: deps.format(slot) });
        trigger('catch-up', slot);
      },
      warn: deps.warn,
    });
  } catch (e) {
    unsubscribe();
    throw e;
  }
  if (stopping) timer.stop(); // a signal came while node-cron was loading
  deps.emit({ event: 'started', at: deps.format(deps.now()), schedule: deps.schedule, timeZone: deps.timeZone, next: nextIso() });
  if (options.runNow) trigger('run-now', null);
  const code = await stopped;
  unsubscribe();
  return code;
}
