import { COMMON, type Command } from '../command.js';

export const configCommand: Command = {
  usage: 'kliping config [--config FILE]',
  options: COMMON,
  positionals: 'none',
  async run(ctx) {
    const { config, file } = await ctx.config();
    ctx.io.stderr.write(file ? `# from ${file}\n` : '# defaults (no kliping.config.json here)\n');
    ctx.io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return 0;
  },
};
