/** Config file I/O: read, parse, validate once. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, KlipingError } from '../domain/errors.js';
import { resolveConfig, type Config } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'kliping.config.json';

export interface LoadedConfig {
  readonly config: Config;
  /** The file read, or null when none exists and defaults apply. */
  readonly file: string | null;
}

/**
 * Load `explicit` (must exist) or `kliping.config.json` in `cwd` (optional).
 * Throws ConfigError listing every problem by key path.
 */
export async function loadConfig(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  const file = path.resolve(cwd, explicit ?? DEFAULT_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8'); // sync, like the whole quiet tick: see quiet.ts
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && explicit === undefined) return { config: resolveConfig({}).config, file: null };
    throw new KlipingError(
      'CONFIG',
      `Cannot read config ${JSON.stringify(explicit ?? DEFAULT_CONFIG_FILE)}: ${code === 'ENOENT' ? 'file does not exist' : (e as Error).message}: create it or pass another --config`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(file, [{ path: '(file)', message: `is not valid JSON: ${(e as Error).message}` }]);
  }
  const { config, issues } = resolveConfig(parsed);
  if (issues.length > 0) throw new ConfigError(file, issues);
  return { config, file };
}
