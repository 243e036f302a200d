import { formatInZone } from '../../domain/time.js';
import { KlipingError } from '../../domain/errors.js';
import { runJob } from '../../pipeline/run.js';
import { runScheduler, type ScheduleEvent } from '../../schedule/scheduler.js';
import { REPORT_OPTIONS, detailLines, errorLines, sourceLines, summaryLine, type CliIO, type Command } from '../command.js';

function render(io: CliIO, e: ScheduleEvent, values: Record<string, string | boolean | undefined>): void {
  if (values.json) {
    io.stdout.write(`${JSON.stringify(e)}\n`);
    if (e.event === 'tick-failed') io.stderr.write(`error: ${e.error}\n`);
    return;
  }
  const next = (n: string | null): string => (n ? `; next run at ${n}` : '');
  switch (e.event) {
    case 'started':
      io.stdout.write(`${e.at} kliping schedule: "${e.schedule}" in ${e.timeZone}${next(e.next)} (SIGTERM or Ctrl-C stops after the running tick)\n`);
      break;
    case 'tick-started':
      io.stdout.write(`${e.at} tick started (${e.reason === 'scheduled' && e.slot ? `slot ${e.slot}` : e.reason})\n`);
      break;
    case 'tick-finished':
      if (values.verbose) for (const l of detailLines(e.report)) io.stdout.write(`${e.at}   ${l}\n`);
      io.stdout.write(`${e.at} ${summaryLine(e.report, 'tick')}${next(e.next)}\n`);
      for (const l of sourceLines(e.report)) io.stdout.write(`${e.at}   ${l}\n`);
      for (const l of errorLines(e.report)) io.stderr.write(`${e.at} ${l}\n`);
      break;
    case 'tick-failed':
      io.stderr.write(`${e.at} tick failed (exit code ${e.exitCode} under \`kliping run\`): ${e.error}${next(e.next)}\n`);
      break;
    case 'overlap':
      io.stderr.write(`${e.at} warning: the tick running since ${e.runningSince} is still running at slot ${e.slot} (a tick takes longer than the interval): one catch-up tick runs when it ends; consider a longer schedule\n`);
      break;
    case 'missed':
      io.stderr.write(`${e.at} warning: slot ${e.slot} was missed (the process was busy or suspended): a catch-up tick runs now\n`);
      break;
    case 'stopping':
      io.stdout.write(`${e.at} ${e.signal}: ${e.tickRunning ? 'finishing the running tick, then stopping (send it again to stop at once)' : 'stopping'}\n`);
      break;
    case 'stopped':
      io.stdout.write(`${e.at} kliping schedule stopped\n`);
      break;
  }
}

export const scheduleCommand: Command = {
  usage: 'kliping schedule [--run-now] [--config FILE] [--verbose] [--json]',
  options: { ...REPORT_OPTIONS, 'run-now': { type: 'boolean' } },
  positionals: 'none',
  async run(ctx) {
    const { config, file } = await ctx.config();
    const { io } = ctx;
    if (!io.signals) throw new KlipingError('USAGE', '`kliping schedule` needs process signals to stop: run it from the command line');
    const { startCron } = await import('../../schedule/cron.js');
    const deps = { config, cwd: io.cwd, now: io.now };
    return runScheduler(
      {
        schedule: config.schedule,
        timeZone: config.timeZone,
        tick: () => runJob(deps),
        startCron: (callbacks) => startCron(config.schedule, config.timeZone, file, callbacks),
        now: io.now,
        format: (ms) => formatInZone(ms, config.timeZone),
        emit: (e) => render(io, e, ctx.values),
        warn: (m) => io.stderr.write(`${formatInZone(io.now(), config.timeZone)} warning: ${m}\n`),
        signals: io.signals,
      },
      { runNow: ctx.values['run-now'] === true },
    );
  },
};
