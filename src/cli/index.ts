/**
 * argv -> command. Takes its argv and streams as parameters so tests call it directly; known
 * errors become a message and an exit code, anything else is a bug and prints its stack.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFile } from 'node:fs/promises';
import { KlipingError } from '../domain/errors.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { cleanerFor, runJob, buildFeeds, type JobReport } from '../pipeline/run.js';
import { mediaTypeOf, readInput } from '../pipeline/read-input.js';
import { packApplies } from '../clean/index.js';

export interface CliIO {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  readonly cwd: string;
  readonly now: () => number;
}

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly positionals: 'none' | 'one' | 'many';
  run(ctx: Context): Promise<number>;
}

interface Context {
  readonly io: CliIO;
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
  config(): Promise<{ config: Config; file: string | null }>;
}

const COMMON = {
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

const REPORT_OPTIONS = {
  ...COMMON,
  verbose: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
} as const;

function printReport(io: CliIO, report: JobReport, values: Context['values'], what: string): number {
  if (values.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    if (values.verbose) {
      for (const i of report.items) {
        io.stdout.write(`${i.outcome.padEnd(9)} ${i.input}${i.path ? ` -> ${i.path}` : ''}\n`);
      }
      for (const s of report.skipped) io.stdout.write(`skipped   ${s.name} (${s.why})\n`);
    }
    const feeds = report.published.length > 0 ? `${report.published.join(', ')} written` : 'feeds unchanged';
    io.stdout.write(
      `kliping ${what}: ${report.new} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} failed; ${feeds} (${report.feedItems} feed item${report.feedItems === 1 ? "" : "s"}) in ${report.durationMs} ms\n`,
    );
  }
  for (const i of report.items) {
    if (i.outcome === 'failed') io.stderr.write(`error: ${i.error}${i.movedTo ? `\n  moved to ${i.movedTo}` : ''}\n`);
  }
  return report.failed > 0 ? 1 : 0;
}

async function readStdin(io: CliIO): Promise<Uint8Array> {
  if (!io.stdin) throw new KlipingError('USAGE', 'No standard input to read: pass a file name instead of "-"');
  const chunks: Buffer[] = [];
  for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
  return Buffer.concat(chunks);
}

const COMMANDS: Record<string, Command> = {
  run: {
    summary: 'One tick of the job: take the inbox, clean, archive, publish the feeds',
    usage: 'kliping run [--config FILE] [--verbose] [--json]',
    options: REPORT_OPTIONS,
    positionals: 'none',
    async run(ctx) {
      const { config } = await ctx.config();
      const report = await runJob({ config, cwd: ctx.io.cwd, now: ctx.io.now });
      return printReport(ctx.io, report, ctx.values, 'run');
    },
  },
  ingest: {
    summary: 'Clean and archive the given files (they stay where they are), then publish',
    usage: 'kliping ingest FILE... [--no-publish] [--config FILE] [--verbose] [--json]',
    options: { ...REPORT_OPTIONS, 'no-publish': { type: 'boolean' } },
    positionals: 'many',
    async run(ctx) {
      const { config } = await ctx.config();
      const report = await runJob(
        { config, cwd: ctx.io.cwd, now: ctx.io.now },
        { files: ctx.positionals, publishFeeds: !ctx.values['no-publish'] },
      );
      return printReport(ctx.io, report, ctx.values, 'ingest');
    },
  },
  build: {
    summary: 'Republish the feeds from the archive alone',
    usage: 'kliping build [--config FILE] [--json]',
    options: REPORT_OPTIONS,
    positionals: 'none',
    async run(ctx) {
      const { config } = await ctx.config();
      const report = await buildFeeds({ config, cwd: ctx.io.cwd, now: ctx.io.now });
      return printReport(ctx.io, report, ctx.values, 'build');
    },
  },
  clean: {
    summary: 'Print the cleaned body of FILE (or - for stdin), one paragraph per line',
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
          bytes = await readFile(file.startsWith('/') ? file : `${ctx.io.cwd}/${file}`);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          throw new KlipingError('INPUT', `Cannot read ${JSON.stringify(file)}: ${code === 'ENOENT' ? 'file does not exist: check the path' : (e as Error).message}`);
        }
      }
      const name = file === '-' ? '(stdin)' : file;
      const extracted = await readInput({ name, bytes, mediaType: mediaTypeOf(name, bytes), mtimeMs: null });
      const ctxUrl = (ctx.values.url as string | undefined) ?? extracted.url;
      const ctxSource = (ctx.values.source as string | undefined) ?? extracted.source;
      const result = cleanerFor(config).clean(extracted.lines, { url: ctxUrl, source: ctxSource });
      for (const p of result.paragraphs) ctx.io.stdout.write(`${p}\n`);
      if (ctx.values.explain) {
        for (const d of result.dropped) ctx.io.stderr.write(`dropped line ${d.line} [${d.rule}]: ${d.text}\n`);
        ctx.io.stderr.write(`${result.paragraphs.length} kept, ${result.dropped.length} dropped\n`);
      }
      return 0;
    },
  },
  rules: {
    summary: 'List the cleaning rules (built-in packs and the config), with ids and reasons',
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
  },
  config: {
    summary: 'Print the effective config (defaults overlaid with the config file) as JSON',
    usage: 'kliping config [--config FILE]',
    options: COMMON,
    positionals: 'none',
    async run(ctx) {
      const { config, file } = await ctx.config();
      ctx.io.stderr.write(file ? `# from ${file}\n` : '# defaults (no kliping.config.json here)\n');
      ctx.io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
      return 0;
    },
  },
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
