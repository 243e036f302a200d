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
