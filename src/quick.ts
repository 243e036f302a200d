#!/usr/bin/env node
/**
 * dist/main.js, the command cron starts. Most `kliping run` ticks have nothing to do; such a
 * tick is answered here from a small bundle (config, the quiet-tick check, the report), and
 * everything else loads the whole CLI (dist/cli.js, from src/main.ts). Measured on this
 * machine: a quiet tick from the whole bundle took ~40 ms, bare `node -e ''` ~22 ms.
 * Any doubt (other arguments, an error, work to do) goes to the whole CLI, which does and
 * reports everything itself.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config/load.js';
import { printReport, REPORT_OPTIONS } from './cli/command.js';
import { quietTick } from './pipeline/quiet.js';

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
    return printReport({ stdout: process.stdout, stderr: process.stderr, cwd, now: () => Date.now() }, report, values, 'run');
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
