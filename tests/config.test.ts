import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../src/config/schema.js';
import { loadConfig } from '../src/config/load.js';
import { ConfigError, KlipingError } from '../src/domain/errors.js';

describe('resolveConfig()', () => {
  it('returns the defaults for an empty object', () => {
    expect(resolveConfig({})).toEqual({ config: DEFAULT_CONFIG, issues: [] });
  });

  it('overlays given keys and normalizes the site URL to end in "/"', () => {
    const { config, issues } = resolveConfig({ site: { url: 'https://example.org/news' }, feeds: { limit: 10 } });
    expect(issues).toEqual([]);
    expect(config.site.url).toBe('https://example.org/news/');
    expect(config.site.title).toBe('kliping');
    expect(config.feeds.limit).toBe(10);
  });

  it('reports an invalid rule in the config with its path', () => {
    const { issues } = resolveConfig({ rules: { add: [{ id: 'x', reason: 'r', kind: 'line', pattern: '[', examples: { drop: ['a'], keep: ['b'] } }] } });
    expect(issues.map((i) => i.path)).toEqual(['rules.add[0].pattern']);
  });
});

describe('loadConfig()', () => {
  it('uses the defaults when there is no kliping.config.json', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kliping-cfg-'));
    expect(await loadConfig(dir, undefined)).toEqual({ config: DEFAULT_CONFIG, file: null });
    await rm(dir, { recursive: true });
  });

  it('a missing --config file is an error that says what to do', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kliping-cfg-'));
    await expect(loadConfig(dir, 'nope.json')).rejects.toThrow(/Cannot read config "nope.json": file does not exist: create it or pass another --config/);
    await rm(dir, { recursive: true });
  });

  it('invalid JSON is a ConfigError naming the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kliping-cfg-'));
    await writeFile(path.join(dir, 'kliping.config.json'), '{ "site": ');
    const err = await loadConfig(dir, undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as KlipingError).exitCode).toBe(2);
    expect((err as Error).message).toContain('kliping.config.json');
    await rm(dir, { recursive: true });
  });
});
