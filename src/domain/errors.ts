/**
 * Known errors carry a `code` and an exit status; the CLI prints their message (never a stack).
 * Anything else reaching the edge is a bug and is printed with its stack.
 */
export type ErrorCode =
  | 'USAGE'
  | 'CONFIG'
  | 'INPUT'
  | 'LOCKED'
  | 'ARCHIVE'
  | 'PUBLISH';

const EXIT_CODES: Record<ErrorCode, number> = {
  USAGE: 2,
  CONFIG: 2,
  INPUT: 1,
  LOCKED: 75,
  ARCHIVE: 1,
  PUBLISH: 1,
};

/** An error the user can act on; `message` says what failed, why, and what to do. */
export class KlipingError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KlipingError';
    this.code = code;
    this.exitCode = EXIT_CODES[code];
  }
}

/** One problem in the configuration, named by its key path (`site.url`, `rules.add[0].pattern`). */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

/** Every problem found in a config file at once, so the user fixes them in one go. */
export class ConfigError extends KlipingError {
  readonly issues: readonly ConfigIssue[];
  constructor(file: string, issues: readonly ConfigIssue[]) {
    const lines = issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n');
    super('CONFIG', `Invalid config ${JSON.stringify(file)}:\n${lines}`);
    this.issues = issues;
  }
}

/** A raw input that cannot become an article; names the file and says what to do. */
export class InputError extends KlipingError {
  readonly file: string;
  constructor(file: string, message: string) {
    super('INPUT', `${JSON.stringify(file)}: ${message}`);
    this.file = file;
  }
}

const LET_WRITE = 'Let the user running kliping read and write there, or point the paths in the config elsewhere';

/** What to do about a file system error the user's machine raised, by its code. */
const SYSTEM_FIXES: Record<string, (what: string) => string> = {
  EACCES: (what) => `${what}: permission denied. ${LET_WRITE}`,
  EPERM: (what) => `${what}: operation not permitted. ${LET_WRITE}`,
  EROFS: (what) => `${what}: the file system is read-only. Mount it writable, or point the paths in the config elsewhere`,
  ENOSPC: (what) => `${what}: no space left on the disk. Free some space and run again`,
  EDQUOT: (what) => `${what}: the disk quota is used up. Free some space or raise the quota, and run again`,
  ENOTDIR: (what) => `${what}: part of that path is a file, not a folder. Move the file away, or point the paths in the config elsewhere`,
  EISDIR: (what) => `${what}: that is a folder where kliping needs a file. Move it away`,
  EMFILE: (what) => `${what}: too many open files. Raise the limit (ulimit -n) for the user running kliping`,
  ENFILE: (what) => `${what}: the system has too many open files. Try again later, or raise fs.file-max`,
  EIO: (what) => `${what}: input/output error. Check the disk (dmesg) before running again`,
};

/**
 * A file system error of the machine (no permission, disk full, a file where a folder should
 * be) as an error the user can act on, naming the path; null for anything else (a bug).
 * `afterwards`, when given, ends the message: what the command that stopped left safe.
 */
export function systemError(e: unknown, afterwards?: string): KlipingError | null {
  const err = e as (NodeJS.ErrnoException & { dest?: string }) | null;
  if (!err || typeof err.code !== 'string' || !Object.hasOwn(SYSTEM_FIXES, err.code)) return null;
  const where = err.path ? ` ${JSON.stringify(err.path)}${err.dest ? ` -> ${JSON.stringify(err.dest)}` : ''}` : '';
  const what = `Cannot ${err.syscall ?? 'use'}${where} (${err.code})`;
  return new KlipingError('ARCHIVE', `${SYSTEM_FIXES[err.code]!(what)}${afterwards ? `; ${afterwards}` : ''}`, { cause: e });
}

/** What a tick that stopped on a file system error left safe (see systemError()). */
export const TICK_STOPPED = 'nothing is lost: inputs leave the inbox only once archived, and the next run archives the rest';
