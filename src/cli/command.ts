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
  /** Termination signals, for long-running commands (`kliping schedule`); main.ts wires the process's. */
  readonly signals?: SignalSource;
}

export type StopSignal = 'SIGTERM' | 'SIGINT';

export interface SignalSource {
  /** Call `handler` on SIGTERM and SIGINT until the returned function is called. */
  on(handler: (signal: StopSignal) => void): () => void;
  /** Leave at once with `code` (a second signal): atomic writes keep every file whole. */
  exitNow(code: number): void;
}

export interface Command {
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly positionals: 'none' | 'one' | 'many';
  run(ctx: Context): Promise<number>;
  /** Ends the message of a file system error that stopped the command: what it left safe. */
  readonly afterSystemError?: string;
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
  quiet: { type: 'boolean', short: 'q' },
  json: { type: 'boolean' },
} as const;

/** The exit code a tick's report stands for: 1 when an input failed. */
export function reportExitCode(report: JobReport): number {
  return report.failed > 0 ? 1 : 0;
}

/** The one-line summary of a tick: counts, feeds, duration. */
export function summaryLine(report: JobReport, what: string): string {
  return `kliping ${what}: ${report.new} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} failed; ${feedsPhrase(report.published, report.feedItems, report.pagesWritten ?? 0)} in ${report.durationMs} ms`;
}

/** What a publish wrote: `rss.xml, atom.xml written (3 feed items), 2 archive files written, 4 pages written`. */
export function feedsPhrase(published: readonly string[], feedItems: number, pagesWritten = 0): string {
  const main = published.filter((n) => !n.startsWith('archive/'));
  const archived = published.length - main.length;
  const feeds = main.length > 0 ? `${main.join(', ')} written` : 'feeds unchanged';
  const archiveNote = archived > 0 ? `, ${archived} archive file${archived === 1 ? '' : 's'} written` : '';
  const pagesNote = pagesWritten > 0 ? `, ${pagesWritten} page${pagesWritten === 1 ? '' : 's'} written` : '';
  return `${feeds} (${feedItems} feed item${feedItems === 1 ? '' : 's'})${archiveNote}${pagesNote}`;
}

/** A line per input and per skipped file (`--verbose`). */
export function detailLines(report: JobReport): string[] {
  const lines: string[] = [];
  for (const i of report.items) lines.push(`${i.outcome.padEnd(9)} ${i.input}${i.path ? ` -> ${i.path}` : ''}`);
  for (const s of report.skipped) lines.push(`skipped   ${s.name} (${s.why})`);
  if (report.recovered) lines.push(`recovered ${report.recovered}`);
  return lines;
}

/** A line per HTTP source taken in the tick: `source antara: 2 new, 0 updated, 1 unchanged, 0 failed (3 requests; ok)`. */
export function sourceLines(report: JobReport): string[] {
  return (report.sources ?? []).map(
    (s) => `source ${s.name}: ${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed (${s.requests} request${s.requests === 1 ? '' : 's'}; ${s.status})`,
  );
}

/** Each failed input's error and where it was moved, for stderr. */
export function errorLines(report: JobReport): string[] {
  return report.items
    .filter((i) => i.outcome === 'failed')
    .map((i) => `error: ${i.error}${i.movedTo ? `\n  moved to ${i.movedTo}` : ''}`);
}

/**
 * Print a tick's report: a summary line (`--quiet`: nothing when every input was fine, so cron
 * mails only on trouble), a line per input with `--verbose`, the whole report with `--json`.
 * Errors always go to stderr. Returns the exit code.
 */
export function printReport(io: CliIO, report: JobReport, values: Context['values'], what: string): number {
  const code = reportExitCode(report);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (!(values.quiet && code === 0)) {
    if (values.verbose) for (const l of detailLines(report)) io.stdout.write(`${l}\n`);
    io.stdout.write(`${summaryLine(report, what)}\n`);
    for (const l of sourceLines(report)) io.stdout.write(`${l}\n`);
  }
  for (const w of report.warnings) io.stderr.write(`warning: ${w}\n`);
  for (const l of errorLines(report)) io.stderr.write(`${l}\n`);
  return code;
}

export async function readStdin(io: CliIO): Promise<Uint8Array> {
  if (!io.stdin) throw new KlipingError('USAGE', 'No standard input to read: pass a file name instead of "-"');
  const chunks: Buffer[] = [];
  for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
  return Buffer.concat(chunks);
}

