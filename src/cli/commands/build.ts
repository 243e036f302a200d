import { buildFeeds } from '../../pipeline/run.js';
import { REPORT_OPTIONS, printReport, type Command } from '../command.js';

export const buildCommand: Command = {
  usage: 'kliping build [--config FILE] [--json]',
  options: REPORT_OPTIONS,
  positionals: 'none',
  async run(ctx) {
    const { config } = await ctx.config();
    const report = await buildFeeds({ config, cwd: ctx.io.cwd, now: ctx.io.now });
    return printReport(ctx.io, report, ctx.values, 'build');
  },
};
