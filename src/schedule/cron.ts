/**
 * The only place that touches node-cron, imported lazily: `kliping run` under cron starts
 * every minute and must not pay for a scheduler it does not use.
 */
import { ConfigError } from '../domain/errors.js';

/** A started cron timer: calls `onTick` at each due slot, `onMissed` for each slot it could not run. */
export interface CronTimer {
  /** The next due time after now (ms), or null when the expression never fires again. */
  nextRun(): number | null;
  stop(): void;
}

export interface CronCallbacks {
  /** A due slot (ms). Returns at once; the caller decides about overlap. */
  onTick(slotMs: number): void;
  /** A slot that went by unrun (the process was busy or suspended for too long). */
  onMissed(slotMs: number): void;
  warn(message: string): void;
}

/**
 * How late a timer may fire and still run its slot. node-cron's default is 1 s, after which a
 * tick is dropped; a busy tick or a suspended VM easily exceeds that. Slots later than this
 * are reported through onMissed (and run as one catch-up tick by the scheduler).
 */
const LATE_TOLERANCE_MS = 60_000;

/**
 * Check `expression` with node-cron and start a timer in `timeZone`. An invalid expression is
 * a ConfigError naming the `schedule` key (exit 2).
 */
export async function startCron(
  expression: string,
  timeZone: string,
  configFile: string | null,
  callbacks: CronCallbacks,
): Promise<CronTimer> {
  const cron = await import('node-cron');
  const check = cron.validateDetailed(expression);
  if (!check.valid) {
    const why = check.errors.map((e) => e.message).join('; ') || 'not a cron expression';
    throw new ConfigError(configFile ?? '(defaults)', [
      {
        path: 'schedule',
        message: `${JSON.stringify(expression)} is not a valid cron expression (${why}): use 5 fields (minute hour day month weekday) or 6 (seconds first), such as "*/15 * * * *"`,
      },
    ]);
  }
  const task = cron.createTask(expression, (ctx) => callbacks.onTick(ctx.date.getTime()), {
    timezone: timeZone,
    name: 'kliping',
    // Overlap is the scheduler's business: it queues one catch-up tick instead of skipping.
    noOverlap: false,
    missedExecutionTolerance: LATE_TOLERANCE_MS,
    logger: {
      info: () => undefined,
      debug: () => undefined,
      warn: (m) => callbacks.warn(String(m)),
      error: (m) => callbacks.warn(m instanceof Error ? (m.stack ?? m.message) : String(m)),
    },
  });
  task.on('execution:missed', (ctx) => callbacks.onMissed(ctx.date.getTime()));
  task.start();
  return {
    nextRun: () => task.getNextRuns(1)[0]?.getTime() ?? null,
    stop: () => void task.destroy(),
  };
}
