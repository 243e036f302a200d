import type { Config } from '../config/schema.js';
import { createCleaner, type Cleaner } from '../clean/index.js';

const cache = new WeakMap<Config, Map<string, Cleaner>>();

/**
 * The cleaner the config asks for: built-in packs, minus disabled rules, plus added ones; for
 * an article of a configured source (`sourceName` equal to a `sources[].name`, ignoring case),
 * also that source's own `rules.add` / `rules.disable`. Fetched articles and inbox files whose
 * front matter names the source (`source: ...`) get the same rules. Compiled once per config
 * and source.
 */
export function cleanerFor(config: Config, sourceName: string | null = null): Cleaner {
  const wanted = sourceName?.trim().toLowerCase();
  const source = wanted ? config.sources.find((s) => s.name.toLowerCase() === wanted) : undefined;
  const key = source?.name ?? '';
  let byName = cache.get(config);
  if (!byName) cache.set(config, (byName = new Map()));
  let cleaner = byName.get(key);
  if (!cleaner) {
    cleaner = createCleaner({
      add: [...config.rules.add, ...(source?.rules.add ?? [])],
      disable: [...config.rules.disable, ...(source?.rules.disable ?? [])],
    });
    byName.set(key, cleaner);
  }
  return cleaner;
}
