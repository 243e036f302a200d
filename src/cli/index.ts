/**
 * argv -> command. Takes its argv and streams as parameters so tests call it directly; known
 * errors become a message and an exit code, anything else is a bug and prints its stack.
 */
import { parseArgs } from 'node:util';
import { KlipingError, systemError } from '../domain/errors.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { CliIO, Command, Context } from './command.js';
import { runCommand } from './commands/run.js';

/** A command's one-line summary, and its module, loaded only when that command runs. */
interface Entry {
  readonly summary: string;
  load(): Promise<Command>;
}

export type { CliIO } from './command.js';

const COMMANDS: Record<string, Entry> = {
  // `run` is what cron starts every few minutes: imported statically so the bundle puts it and
  // what a quiet tick needs in dist/main.js itself, with no further files to load.
  run: { summary: 'One tick of the job: take the inbox, clean, archive, publish the feeds', load: async () => runCommand },
  ingest: { summary: 'Clean and archive the given files (they stay where they are), then publish', load: async () => (await import('./commands/ingest.js')).ingestCommand },
  build: { summary: 'Republish the feeds from the archive alone', load: async () => (await import('./commands/build.js')).buildCommand },
  clean: { summary: 'Print the cleaned body of FILE (or - for stdin), one paragraph per line', load: async () => (await import('./commands/clean.js')).cleanCommand },
  rules: { summary: 'List the cleaning rules (built-in packs and the config), with ids and reasons', load: async () => (await import('./commands/rules.js')).rulesCommand },
  reclean: { summary: 'Re-apply the current rules to every raw original in the archive, then republish (--dry-run: only show what would change)', load: async () => (await import('./commands/reclean.js')).recleanCommand },
  reindex: { summary: 'Rebuild the archive index (month manifests, dedup keys) from the records alone', load: async () => (await import('./commands/reindex.js')).reindexCommand },
  schedule: { summary: 'Run the job on the configured cron `schedule` until SIGTERM or Ctrl-C', load: async () => (await import('./commands/schedule.js')).scheduleCommand },
  verify: { summary: 'Check the archive and feeds (records vs raw originals, ids, indexes, temp files); --repair fixes what it can', load: async () => (await import('./commands/verify.js')).verifyCommand },
  serve: { summary: 'Preview the pages and feeds on http://127.0.0.1 (--port N, default 8080)', load: async () => (await import('./commands/serve.js')).serveCommand },
  sources: { summary: 'List the HTTP sources with their last fetch, status, ETag, next attempt and article count', load: async () => (await import('./commands/sources.js')).sourcesCommand },
  fetch: { summary: 'Fetch one article page, extract and clean it, print it like `kliping clean` (nothing is archived)', load: async () => (await import('./commands/fetch.js')).fetchCommand },
  config: { summary: 'Print the effective config (defaults overlaid with the config file) as JSON', load: async () => (await import('./commands/config.js')).configCommand },
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
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`error: unknown command ${JSON.stringify(name)}: run \`kliping --help\` for the list\n`);
    return 2;
  }
  const command = await entry.load();
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new KlipingError('USAGE', `${(e as Error).message}\nUsage: ${command.usage}`);
    }
    if (parsed.values.help) {
      io.stdout.write(`${entry.summary}\n\nUsage: ${command.usage}\n`);
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
    const known = e instanceof KlipingError ? e : systemError(e, command.afterSystemError);
    if (known) {
      io.stderr.write(`error: ${known.message}\n`);
      return known.exitCode;
    }
    throw e;
  }
}
