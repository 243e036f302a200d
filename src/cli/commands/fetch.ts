import { KlipingError } from '../../domain/errors.js';
import { cleanerFor } from '../../pipeline/cleaner.js';
import { readInput } from '../../pipeline/read-input.js';
import { cleanerForSource, MAX_REDIRECTS, pageInput, userAgentOf } from '../../pipeline/sources.js';
import { FetchError, httpGet } from '../../sources/http/client.js';
import { COMMON, type Command } from '../command.js';

export const fetchCommand: Command = {
  usage: 'kliping fetch URL [--explain] [--source NAME] [--config FILE]',
  options: { ...COMMON, explain: { type: 'boolean', short: 'e' }, source: { type: 'string' } },
  positionals: 'one',
  async run(ctx) {
    const { config } = await ctx.config();
    const url = ctx.positionals[0]!;
    const sourceName = ctx.values.source as string | undefined;
    const source = sourceName === undefined ? undefined : config.sources.find((s) => s.name === sourceName);
    const cleaner = source ? cleanerForSource({ config }, source) : cleanerFor(config);
    const f = config.fetch;
    let res;
    try {
      res = await httpGet(url, {
        userAgent: userAgentOf({ config }),
        accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
        connectTimeoutMs: f.connectTimeoutMs,
        timeoutMs: f.timeoutMs,
        maxBytes: f.maxBytes,
        maxRedirects: MAX_REDIRECTS,
        allowPrivateAddresses: f.allowPrivateAddresses,
        now: ctx.io.now,
      });
    } catch (e) {
      if (e instanceof FetchError) throw new KlipingError('INPUT', `Cannot fetch ${JSON.stringify(url)}: ${e.message}`);
      throw e;
    }
    const extracted = await readInput(
      pageInput(res),
      { timeZone: config.timeZone, packs: cleaner.packs, documentUrl: res.url, charset: res.charset, source: source ? null : sourceName },
    );
    const result = cleaner.clean(extracted.lines, { url: extracted.url ?? res.url, source: (source ? null : sourceName) ?? extracted.source });
    for (const p of result.paragraphs) ctx.io.stdout.write(`${p}\n`);
    if (ctx.values.explain) {
      for (const d of result.dropped) ctx.io.stderr.write(`dropped line ${d.line} [${d.rule}]: ${d.text}\n`);
      ctx.io.stderr.write(`${result.paragraphs.length} kept, ${result.dropped.length} dropped\n`);
    }
    return 0;
  },
};
