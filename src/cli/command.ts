/** What every command is made of, and helpers they share. */
import type { ParseArgsConfig } from 'node:util';
import { KlipingError } from '../domain/errors.js';
import type { Config } from '../config/schema.js';
import type { JobReport } from '../pipeline/run.js';

export interface CliIO {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  readonly stdin?: AsyncIterable<Uint8Array | string>;
  readonly cwd: string;
  readonly now: () => number;
}

export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly positionals: 'none' | 'one' | 'many';
  run(ctx: Context): Promise<number>;
}

export interface Context {
  readonly io: CliIO;
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
  config(): Promise<{ config: Config; file: string | null }>;
}

export const COMMON = {
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const REPORT_OPTIONS = {
  ...COMMON,
  verbose: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
} as const;

export function printReport(io: CliIO, report: JobReport, values: Context['values'], what: string): number {
  if (values.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    if (values.verbose) {
      for (const i of report.items) {
        io.stdout.write(`${i.outcome.padEnd(9)} ${i.input}${i.path ? ` -> ${i.path}` : ''}\n`);
      }
      for (const s of report.skipped) io.stdout.write(`skipped   ${s.name} (${s.why})\n`);
    }
    const main = report.published.filter((n) => !n.startsWith('archive/'));
    const archived = report.published.length - main.length;
    const feeds = main.length > 0 ? `${main.join(', ')} written` : 'feeds unchanged';
    const archiveNote = archived > 0 ? `, ${archived} archive file${archived === 1 ? '' : 's'} written` : '';
    io.stdout.write(
      `kliping ${what}: ${report.new} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} failed; ${feeds} (${report.feedItems} feed item${report.feedItems === 1 ? "" : "s"})${archiveNote} in ${report.durationMs} ms\n`,
    );
  }
  for (const w of report.warnings) io.stderr.write(`warning: ${w}\n`);
  for (const i of report.items) {
    if (i.outcome === 'failed') io.stderr.write(`error: ${i.error}${i.movedTo ? `\n  moved to ${i.movedTo}` : ''}\n`);
  }
  return report.failed > 0 ? 1 : 0;
}

export async function readStdin(io: CliIO): Promise<Uint8Array> {
  if (!io.stdin) throw new KlipingError('USAGE', 'No standard input to read: pass a file name instead of "-"');
  const chunks: Buffer[] = [];
  for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
  return Buffer.concat(chunks);
}

