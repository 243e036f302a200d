/** Run the CLI in-process on a temporary folder with a fixed clock. */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { main } from '../../src/cli/index.js';

export const FIXED_NOW = Date.parse('2026-01-15T03:00:00Z');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh temp folder with empty inbox/, archive/ and feeds/. */
export async function tempWorkspace(prefix = 'kliping-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  for (const d of ['inbox', 'archive', 'feeds']) await mkdir(path.join(dir, d));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A `workspace()` maker for one test file: each call gives a fresh folder, removed after the test. */
export function workspaces(): () => Promise<string> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  return async () => {
    const ws = await tempWorkspace();
    cleanups.push(ws.cleanup);
    return ws.dir;
  };
}

export async function runCli(
  argv: string[],
  options: { cwd: string; now?: () => number; stdin?: string },
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: options.cwd,
    now: options.now ?? (() => FIXED_NOW),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: options.stdin === undefined ? undefined : (async function* () { yield options.stdin!; })(),
  });
  return { code, stdout, stderr };
}
