import { packApplies } from '../../clean/index.js';
import { cleanerFor } from '../../pipeline/cleaner.js';
import { COMMON, type Command } from '../command.js';

export const rulesCommand: Command = {
  usage: 'kliping rules [--url URL] [--source NAME] [--json] [--config FILE]',
  options: { ...COMMON, json: { type: 'boolean' }, url: { type: 'string' }, source: { type: 'string' } },
  positionals: 'none',
  async run(ctx) {
    const { config } = await ctx.config();
    const cleaner = cleanerFor(config);
    const disabled = new Set(config.rules.disable);
    const filter = ctx.values.url !== undefined || ctx.values.source !== undefined;
    const pctx = { url: (ctx.values.url as string | undefined) ?? null, source: (ctx.values.source as string | undefined) ?? null };
    const rows = [
      ...cleaner.packs.flatMap((pack) =>
        filter && !packApplies(pack, pctx) ? [] : pack.rules.map((r) => ({ pack: pack.id, sites: pack.sites, ...r, enabled: !disabled.has(r.id) })),
      ),
      ...config.rules.add.map((r) => ({ pack: 'config', sites: [] as readonly string[], ...r, enabled: !disabled.has(r.id) })),
    ];
    if (ctx.values.json) ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else {
      for (const r of rows) {
        ctx.io.stdout.write(`${r.id}${r.enabled ? '' : ' (disabled)'}\t${r.kind}\t${r.pack}\t${r.reason}\n`);
      }
    }
    return 0;
  },
};
