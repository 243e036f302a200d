import path from 'node:path';
import { formatInZone } from '../../domain/time.js';
import { readSourcesState, sourcesStateFile } from '../../sources/http/state.js';
import { COMMON, type Command } from '../command.js';

export const sourcesCommand: Command = {
  usage: 'kliping sources [--json] [--config FILE]',
  options: { ...COMMON, json: { type: 'boolean' } },
  positionals: 'none',
  async run(ctx) {
    const { config } = await ctx.config();
    const state = await readSourcesState(sourcesStateFile(path.resolve(ctx.io.cwd, config.paths.archive)));
    const nowMs = ctx.io.now();
    const rows = config.sources.map((src) => {
      const s = state.sources[src.name];
      const fresh = !s || s.url !== src.url;
      const validators = state.http[src.url];
      const nextMs = fresh ? null : Math.min(s.nextAttemptMs, ...s.pending.map((p) => p.nextAttemptMs));
      return {
        name: src.name,
        url: src.url,
        kind: (fresh ? null : s.kind) ?? src.kind,
        lastFetch: fresh ? null : s.lastFetch,
        status: fresh ? 'never fetched' : (s.status ?? 'never fetched'),
        error: fresh ? null : s.error,
        etag: validators?.etag ?? null,
        lastModified: validators?.lastModified ?? null,
        nextAttempt: nextMs === null || nextMs <= nowMs ? 'now' : formatInZone(nextMs, config.timeZone),
        articles: s?.articles ?? 0,
        waiting: fresh ? [] : s.pending.map((p) => ({ link: p.link, failures: p.failures, error: p.error, nextAttempt: formatInZone(p.nextAttemptMs, config.timeZone) })),
      };
    });
    if (ctx.values.json) {
      ctx.io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      ctx.io.stdout.write('No sources configured: add a "sources" list to the config (see README, "Sources over HTTP").\n');
      return 0;
    }
    for (const r of rows) {
      ctx.io.stdout.write(`${r.name} (${r.kind}) ${r.url}\n`);
      ctx.io.stdout.write(`  last fetch:   ${r.lastFetch ?? '-'}  status: ${r.status}${r.error ? ` (${r.error})` : ''}\n`);
      ctx.io.stdout.write(`  etag:         ${r.etag ?? '-'}${r.lastModified ? `  last-modified: ${r.lastModified}` : ''}\n`);
      ctx.io.stdout.write(`  next attempt: ${r.nextAttempt}  articles: ${r.articles}  waiting items: ${r.waiting.length}\n`);
      for (const w of r.waiting) ctx.io.stdout.write(`    waiting ${w.link}: ${w.failures} failure${w.failures === 1 ? '' : 's'}, next ${w.nextAttempt} (${w.error})\n`);
    }
    return 0;
  },
};
