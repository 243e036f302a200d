import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KlipingError } from '../../domain/errors.js';
import { cleanerFor } from '../../pipeline/cleaner.js';
import { mediaTypeOf, readInput } from '../../pipeline/read-input.js';
import { COMMON, readStdin, type Command } from '../command.js';

export const cleanCommand: Command = {
  usage: 'kliping clean FILE|- [--explain] [--url URL] [--source NAME] [--config FILE]',
  options: { ...COMMON, explain: { type: 'boolean', short: 'e' }, url: { type: 'string' }, source: { type: 'string' } },
  positionals: 'one',
  async run(ctx) {
    const { config } = await ctx.config();
    const file = ctx.positionals[0]!;
    let bytes: Uint8Array;
    if (file === '-') bytes = await readStdin(ctx.io);
    else {
      try {
        bytes = await readFile(path.resolve(ctx.io.cwd, file));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new KlipingError('INPUT', `Cannot read ${JSON.stringify(file)}: ${code === 'ENOENT' ? 'file does not exist: check the path' : (e as Error).message}`);
      }
    }
    const name = file === '-' ? '(stdin)' : file;
    const cleaner = cleanerFor(config);
    const extracted = await readInput(
      { name, bytes, mediaType: mediaTypeOf(name, bytes), mtimeMs: null },
      { timeZone: config.timeZone, packs: cleaner.packs, url: ctx.values.url as string | undefined, source: ctx.values.source as string | undefined },
    );
    const ctxUrl = (ctx.values.url as string | undefined) ?? extracted.url;
    const ctxSource = (ctx.values.source as string | undefined) ?? extracted.source;
    const result = cleanerFor(config, ctxSource).clean(extracted.lines, { url: ctxUrl, source: ctxSource });
    for (const p of result.paragraphs) ctx.io.stdout.write(`${p}\n`);
    if (ctx.values.explain) {
      for (const d of result.dropped) ctx.io.stderr.write(`dropped line ${d.line} [${d.rule}]: ${d.text}\n`);
      ctx.io.stderr.write(`${result.paragraphs.length} kept, ${result.dropped.length} dropped\n`);
    }
    return 0;
  },
};
