import { reindex } from '../../pipeline/reindex.js';
import { COMMON, type Command } from '../command.js';

export const reindexCommand: Command = {
  usage: 'kliping reindex [--json] [--config FILE]',
  options: { ...COMMON, json: { type: 'boolean' } },
  positionals: 'none',
  async run(ctx) {
    const { config } = await ctx.config();
    const tty = Boolean((ctx.io.stderr as { isTTY?: boolean }).isTTY);
    const report = await reindex({ config, cwd: ctx.io.cwd, now: ctx.io.now }, (n) => {
      if (tty && n % 1000 === 0) ctx.io.stderr.write(`\rreindexing: ${n} records`);
    });
    if (tty) ctx.io.stderr.write('\r');
    if (ctx.values.json) ctx.io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else ctx.io.stdout.write(`kliping reindex: ${report.records} records, ${report.months} months, ${report.keys} keys\n`);
    for (const u of report.unreadable) ctx.io.stderr.write(`error: record ${JSON.stringify(u.path)} is unreadable (${u.error}): restore it from a backup or move it out of the archive\n`);
    for (const d of report.duplicateIds) ctx.io.stderr.write(`error: id ${d.id} is in ${d.paths.length} records (${d.paths.join(', ')}): keep one and move the others out of the archive\n`);
    return report.unreadable.length > 0 || report.duplicateIds.length > 0 ? 1 : 0;
  },
};
