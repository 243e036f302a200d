import { verifyArchive, type Problem } from '../../pipeline/verify.js';
import { COMMON, type Command } from '../command.js';

function line(label: string, p: Problem): string {
  return `${label}: ${p.file}: ${p.message}\n  fix: ${p.fix}\n`;
}

export const verifyCommand: Command = {
  usage: 'kliping verify [--repair] [--config FILE] [--verbose] [--json]',
  options: { ...COMMON, repair: { type: 'boolean' }, verbose: { type: 'boolean', short: 'v' }, json: { type: 'boolean' } },
  positionals: 'none',
  async run(ctx) {
    const { config } = await ctx.config();
    const report = await verifyArchive({ config, cwd: ctx.io.cwd, now: ctx.io.now }, { repair: ctx.values.repair === true });
    const code = report.problems.length > 0 ? 1 : 0;
    if (ctx.values.json) {
      ctx.io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return code;
    }
    const out = ctx.io.stdout;
    if (report.recovered) out.write(`recovered: ${report.recovered}\n`);
    for (const p of report.repaired) out.write(`repaired: ${p.file}: ${p.message}\n`);
    for (const p of report.warnings) out.write(line('note', p));
    for (const p of report.problems) ctx.io.stderr.write(line('problem', p));
    const repairable = report.problems.filter((p) => p.repairable).length;
    const tail =
      report.problems.length === 0
        ? 'no problems'
        : `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}${repairable > 0 ? ` (${repairable} fixed by \`kliping verify --repair\`)` : ''}`;
    out.write(
      `kliping verify: ${report.records} record${report.records === 1 ? '' : 's'}, ${report.rawFiles} raw file${report.rawFiles === 1 ? '' : 's'}, ${report.feeds} feed file${report.feeds === 1 ? '' : 's'} checked; ${report.repaired.length > 0 ? `${report.repaired.length} repaired; ` : ''}${tail} in ${report.durationMs} ms\n`,
    );
    return code;
  },
};
