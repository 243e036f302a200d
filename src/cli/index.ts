/**
 * argv -> command. Takes its argv and streams as parameters so tests call it directly; known
 * errors become a message and an exit code, anything else is a bug and prints its stack.
 */
import { parseArgs } from 'node:util';
import { KlipingError } from '../domain/errors.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { CliIO, Command, Context } from './command.js';
import { runCommand } from './commands/run.js';
import { ingestCommand } from './commands/ingest.js';
import { buildCommand } from './commands/build.js';
import { cleanCommand } from './commands/clean.js';
import { rulesCommand } from './commands/rules.js';
import { configCommand } from './commands/config.js';
import { recleanCommand } from './commands/reclean.js';

export type { CliIO } from './command.js';

const COMMANDS: Record<string, Command> = {
  run: runCommand,
  ingest: ingestCommand,
  build: buildCommand,
  clean: cleanCommand,
  rules: rulesCommand,
  reclean: recleanCommand,
  config: configCommand,
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    'kliping: clean news articles into a dated archive and always-valid feeds',
    '',
    'Usage: kliping <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command: --config FILE (default kliping.config.json), --help',
    'Exit codes: 0 ok, 1 some input failed, 2 usage or config error, 75 another run holds the lock',
    '',
  ].join('\n');
}

/** Run the CLI on `argv` (without node and script). Returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout.write('kliping 0.1.0\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`error: unknown command ${JSON.stringify(name)}: run \`kliping --help\` for the list\n`);
    return 2;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new KlipingError('USAGE', `${(e as Error).message}\nUsage: ${command.usage}`);
    }
    if (parsed.values.help) {
      io.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
      return 0;
    }
    const n = parsed.positionals.length;
    if ((command.positionals === 'none' && n > 0) || (command.positionals === 'one' && n !== 1) || (command.positionals === 'many' && n === 0)) {
      throw new KlipingError('USAGE', `Wrong arguments for \`kliping ${name}\`.\nUsage: ${command.usage}`);
    }
    let loaded: Promise<{ config: Config; file: string | null }> | null = null;
    const ctx: Context = {
      io,
      values: parsed.values as Context['values'],
      positionals: parsed.positionals,
      config: () => (loaded ??= loadConfig(io.cwd, parsed.values.config as string | undefined)),
    };
    return await command.run(ctx);
  } catch (e) {
    if (e instanceof KlipingError) {
      io.stderr.write(`error: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
