import { runJob } from '../../pipeline/run.js';
import { REPORT_OPTIONS, printReport, type Command } from '../command.js';

export const ingestCommand: Command = {
  usage: 'kliping ingest FILE... [--no-publish] [--config FILE] [--verbose] [--json]',
  options: { ...REPORT_OPTIONS, 'no-publish': { type: 'boolean' } },
  positionals: 'many',
  afterSystemError: 'nothing is lost: the files given stay where they are',
  async run(ctx) {
    const { config } = await ctx.config();
    const report = await runJob(
      { config, cwd: ctx.io.cwd, now: ctx.io.now },
      { files: ctx.positionals, publishFeeds: !ctx.values['no-publish'] },
    );
    return printReport(ctx.io, report, ctx.values, 'ingest');
  },
};
