#!/usr/bin/env node
/** The only file that touches process.argv, the environment and exit codes. */
import { main } from './cli/index.js';

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // A getter: touching process.stdin sets up a stream (~0.5 ms) that only `clean -` reads.
  get stdin() {
    return process.stdin;
  },
  cwd: process.cwd(),
  now: () => Date.now(),
  signals: {
    on(handler) {
      const h = (signal: NodeJS.Signals): void => handler(signal as 'SIGTERM' | 'SIGINT');
      process.on('SIGTERM', h);
      process.on('SIGINT', h);
      return () => {
        process.off('SIGTERM', h);
        process.off('SIGINT', h);
      };
    },
    exitNow(code) {
      process.exit(code);
    },
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kliping: internal error (a bug; please report it):\n${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
