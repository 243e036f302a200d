import { reclean, type RecleanReport } from '../../pipeline/reclean.js';
import { COMMON, feedsPhrase, type CliIO, type Command } from '../command.js';

const BAR_WIDTH = 30;

/** A progress bar on stderr, drawn only when stderr is a terminal (never into logs or pipes). */
function progressBar(io: CliIO): { update: (done: number, total: number) => void; end: () => void } {
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let last = -1;
  let drawn = false;
  return {
    update(done, total) {
      if (!tty || total === 0) return;
      const filled = Math.round((done / total) * BAR_WIDTH);
      if (filled === last && done !== total) return;
      last = filled;
      drawn = true;
      io.stderr.write(`\rreclean [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`);
    },
    end() {
      if (drawn) io.stderr.write('\r\u001b[K');
    },
  };
}

function printText(io: CliIO, r: RecleanReport, verbose: boolean): void {
  for (const c of r.changes) {
    const parts = [`${c.newlyDropped.length} newly dropped`, `${c.restored.length} restored`];
    if (c.ruleChanged > 0) parts.push(`${c.ruleChanged} by another rule`);
    io.stdout.write(`${r.dryRun ? 'would change' : 'changed'} ${c.path}: ${parts.join(', ')}\n`);
    if (verbose || r.dryRun) {
      for (const d of c.newlyDropped) io.stdout.write(`  - [${d.rule}] ${d.text}\n`);
      for (const d of c.restored) io.stdout.write(`  + (was ${d.rule}) ${d.text}\n`);
    }
  }
  const lines = `${r.newlyDropped} line${r.newlyDropped === 1 ? '' : 's'} newly dropped, ${r.restored} restored`;
  if (r.dryRun) {
    io.stdout.write(`kliping reclean --dry-run: ${r.changed} of ${r.articles} articles would change (${lines}), ${r.failed} failed; nothing was written\n`);
  } else {
    io.stdout.write(`kliping reclean: ${r.changed} of ${r.articles} articles changed (${lines}), ${r.failed} failed; ${feedsPhrase(r.published, r.feedItems)} in ${r.durationMs} ms\n`);
  }
}

export const recleanCommand: Command = {
  usage: 'kliping reclean [--dry-run] [--verbose] [--json] [--config FILE]',
  options: { ...COMMON, 'dry-run': { type: 'boolean', short: 'n' }, verbose: { type: 'boolean', short: 'v' }, json: { type: 'boolean' } },
  positionals: 'none',
  async run(ctx) {
    const { config } = await ctx.config();
    const bar = progressBar(ctx.io);
    let report: RecleanReport;
    try {
      report = await reclean({ config, cwd: ctx.io.cwd, now: ctx.io.now }, { dryRun: ctx.values['dry-run'] === true, onProgress: bar.update });
    } finally {
      bar.end();
    }
    if (ctx.values.json) ctx.io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printText(ctx.io, report, ctx.values.verbose === true);
    for (const f of report.failures) ctx.io.stderr.write(`error: ${f.path}: ${f.error}\n`);
    return report.failed > 0 ? 1 : 0;
  },
};
