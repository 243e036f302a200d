import { packApplies } from '../../clean/index.js';
import { KlipingError } from '../../domain/errors.js';
import { cleanerFor } from '../../pipeline/cleaner.js';
import { COMMON, type Command } from '../command.js';

export const rulesCommand: Command = {
  usage: 'kliping rules [--url URL] [--source NAME] [--pack ID] [--json] [--config FILE]',
  options: { ...COMMON, json: { type: 'boolean' }, url: { type: 'string' }, source: { type: 'string' }, pack: { type: 'string' } },
  positionals: 'none',
  async run(ctx) {
    const { config } = await ctx.config();
    const cleaner = cleanerFor(config);
    const disabled = new Set(config.rules.disable);
    const filter = ctx.values.url !== undefined || ctx.values.source !== undefined;
    const pctx = { url: (ctx.values.url as string | undefined) ?? null, source: (ctx.values.source as string | undefined) ?? null };
    const packId = ctx.values.pack as string | undefined;
    const known = [...cleaner.packs.map((p) => p.id), 'config'];
    if (packId !== undefined && !known.includes(packId)) {
      throw new KlipingError('USAGE', `Unknown rule pack ${JSON.stringify(packId)}: use one of ${known.join(', ')}`);
    }
    const rows = [
      ...cleaner.packs.flatMap((pack) =>
        (filter && !packApplies(pack, pctx)) || (packId !== undefined && packId !== pack.id)
          ? []
          : pack.rules.map((r) => ({ pack: pack.id, sites: pack.sites, ...r, enabled: !disabled.has(r.id) })),
      ),
      ...(packId === undefined || packId === 'config'
        ? config.rules.add.map((r) => ({ pack: 'config', sites: [] as readonly string[], ...r, enabled: !disabled.has(r.id) }))
        : []),
    ];
    if (ctx.values.json) {
      ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    const width = Math.max(0, ...rows.map((r) => r.id.length));
    for (const r of rows) {
      const where = r.sites.length > 0 ? `${r.pack} (${r.sites.join(', ')})` : r.pack;
      ctx.io.stdout.write(`${r.id.padEnd(width)}  ${r.kind.padEnd(5)}  ${where}${r.enabled ? '' : '  [disabled]'}\n    ${r.reason}\n`);
    }
    const packs = new Set(rows.map((r) => r.pack)).size;
    const off = rows.filter((r) => !r.enabled).length;
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    ctx.io.stdout.write(`${plural(rows.length, 'rule')} in ${plural(packs, 'pack')}${off > 0 ? `, ${off} disabled` : ''}\n`);
    return 0;
  },
};
