import type { Config } from '../config/schema.js';
import { createCleaner, type Cleaner } from '../clean/index.js';

/** The cleaner the config asks for: built-in packs, minus disabled rules, plus added ones. */
export function cleanerFor(config: Config): Cleaner {
  return createCleaner({ add: config.rules.add, disable: config.rules.disable });
}
