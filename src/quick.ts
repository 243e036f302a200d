#!/usr/bin/env node
/**
 * dist/main.js, the command cron starts. Most `kliping run` ticks have nothing to do; such a
 * tick is answered here from a small bundle (config, the quiet-tick check, the report), and
 * everything else loads the whole CLI (dist/cli.js, from src/main.ts). Measured on this
 * machine: a quiet tick from the whole bundle took ~40 ms, bare `node -e ''` ~22 ms.
 * Any doubt (other arguments, an error, work to do) goes to the whole CLI, which does and
 * reports everything itself.
 */
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from './config/load.js';
import { printReport, REPORT_OPTIONS } from './cli/command.js';
import { quietTick } from './pipeline/quiet.js';

/**
 * Writes to file descriptor `fd` without creating process.stdout / process.stderr: their stream
 * machinery costs ~3 ms to load, a tenth of a quiet tick. Anything a plain write cannot take
 * at once (a full non-blocking pipe, an error) goes to the stream, which handles it as usual.
 */
function fdWriter(fd: number, stream: () => NodeJS.WritableStream): { write(s: string): unknown } {
  let fallback: NodeJS.WritableStream | null = null;
  return {
    write(s: string) {
      if (fallback) return fallback.write(s);
      let bytes = Buffer.from(s, 'utf8');
      try {
        while (bytes.length > 0) bytes = bytes.subarray(writeSync(fd, bytes));
        return true;
      } catch {
        fallback = stream();
        return fallback.write(bytes);
      }
    },
  };
}

async function quiet(argv: readonly string[]): Promise<number | null> {
  if (argv[0] !== 'run') return null;
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(1), options: REPORT_OPTIONS, allowPositionals: true, strict: true });
  } catch {
    return null;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length > 0) return null;
  const cwd = process.cwd();
  try {
    const { config } = await loadConfig(cwd, values.config);
    const report = await quietTick({ config, cwd, now: () => Date.now() });
    if (!report) return null;
    const io = { stdout: fdWriter(1, () => process.stdout), stderr: fdWriter(2, () => process.stderr), cwd, now: () => Date.now() };
    return printReport(io, report, values, 'run');
  } catch {
    return null;
  }
}

quiet(process.argv.slice(2)).then(
  (code) => {
    // Not bundled on purpose: the whole CLI is loaded only when this tick needs it.
    if (code === null) require(`${__dirname}/cli.js`);
    else process.exitCode = code;
  },
  () => require(`${__dirname}/cli.js`),
);
