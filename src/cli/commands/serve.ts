import path from 'node:path';
import { KlipingError } from '../../domain/errors.js';
import { startServer } from '../../serve/server.js';
import { COMMON, type Command } from '../command.js';

export const serveCommand: Command = {
  usage: 'kliping serve [--port N] [--config FILE]',
  options: { ...COMMON, port: { type: 'string', short: 'p' } },
  positionals: 'none',
  async run(ctx) {
    const { config } = await ctx.config();
    const { io } = ctx;
    const portText = (ctx.values.port as string | undefined) ?? '8080';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) {
      throw new KlipingError('USAGE', `--port must be a whole number from 0 to 65535 (got ${JSON.stringify(portText)}); 0 picks a free port`);
    }
    if (!io.signals) throw new KlipingError('USAGE', '`kliping serve` needs process signals to stop: run it from the command line');
    const feeds = path.resolve(io.cwd, config.paths.feeds);
    const pages = config.pages.enabled ? path.resolve(io.cwd, config.paths.pages) : null;
    let server;
    try {
      server = await startServer({ feeds, pages }, port);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new KlipingError('USAGE', `Port ${port} on 127.0.0.1 is in use: pick another with --port N (0 picks a free one)`);
      if (code === 'EACCES') throw new KlipingError('USAGE', `Not allowed to listen on port ${port}: use a port above 1023 with --port N`);
      throw e;
    }
    const base = `http://127.0.0.1:${server.port}/`;
    io.stdout.write(`kliping serve: listening on ${base} (pages: ${pages ? base : 'off'}, feeds: ${base}feeds/rss.xml); Ctrl-C stops\n`);
    await new Promise<void>((resolve) => {
      const off = io.signals!.on(() => {
        off();
        resolve();
      });
    });
    await server.close();
    io.stdout.write('kliping serve: stopped\n');
    return 0;
  },
};
