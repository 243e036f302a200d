import { TICK_STOPPED } from '../../domain/errors.js';
import { runJob } from '../../pipeline/run.js';
import { REPORT_OPTIONS, printReport, type Command } from '../command.js';

export const runCommand: Command = {
  usage: 'kliping run [--config FILE] [--verbose] [--json]',
  options: REPORT_OPTIONS,
  positionals: 'none',
  afterSystemError: TICK_STOPPED,
  async run(ctx) {
    const { config } = await ctx.config();
    const report = await runJob({ config, cwd: ctx.io.cwd, now: ctx.io.now });
    return printReport(ctx.io, report, ctx.values, 'run');
  },
};
