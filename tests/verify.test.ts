/** `kliping verify` finds what is wrong with an archive, and `--repair` fixes what it can without losing data. */
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempWorkspace } from './support/cli.js';
import { writeArticles } from './support/articles.js';
import { records, snapshot } from './support/spawn.js';

let dir = '';
let cleanup = async (): Promise<void> => undefined;
const now = (): number => Date.parse('2026-01-15T03:00:00Z');

beforeEach(async () => {
  ({ dir, cleanup } = await tempWorkspace('kliping-verify-'));
  await writeArticles(path.join(dir, 'inbox'), 0, 3);
  expect((await runCli(['run'], { cwd: dir, now })).code).toBe(0);
});
afterEach(() => cleanup());

const verify = (...args: string[]): ReturnType<typeof runCli> => runCli(['verify', ...args], { cwd: dir, now });
const archivedFiles = async (): Promise<string[]> =>
  Object.keys(await snapshot(path.join(dir, 'archive'))).filter((f) => /\d{4}\/\d{2}\/\d{2}\/[^.].*\.(?:json|raw\.\w+)$/.test(f)).sort();

describe('kliping verify', () => {
  it('passes a fresh archive with exit 0', async () => {
    const r = await verify();
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^kliping verify: 3 records, 3 raw files, 6 feed files checked; no problems in \d+ ms\n$/);
    expect(r.code).toBe(0);
  });

  it('finds broken indexes, temp files and a broken feed, and --repair fixes them without touching records or raw files', async () => {
    const recs = await records(path.join(dir, 'archive'));
    const month = recs[0]!.path.slice(0, 7);
    await writeFile(path.join(dir, 'archive', month, 'index.json'), '[\n{"id":');
    const keys = path.join(dir, 'archive/.kliping/keys');
    await rm(path.join(keys, (await readdir(keys))[0]!));
    await writeFile(path.join(dir, 'archive', recs[0]!.path.slice(0, 10), `.x.json.4242.0badc0de.tmp`), '{');
    await writeFile(path.join(dir, 'feeds/atom.xml'), '<feed xmlns="http://www.w3.org/2005/Atom"><title>cut');
    const before = await archivedFiles();

    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`problem: archive/${month}/index.json: month manifest is not valid JSON`);
    expect(r.stderr).toMatch(/problem: archive\/\.kliping\/keys\/[0-9a-f]{2}\.json: key index shard: the shard file is missing/);
    expect(r.stderr).toContain('.x.json.4242.0badc0de.tmp: temp file left by a killed run');
    expect(r.stderr).toContain('problem: feeds/atom.xml: feed does not parse');
    expect(r.stderr).toContain('fix: run `kliping verify --repair`');
    expect(r.stdout).toContain('4 problems (4 fixed by `kliping verify --repair`)');

    const fixed = await verify('--repair');
    expect(fixed.stderr).toBe('');
    expect(fixed.code).toBe(0);
    expect(fixed.stdout.match(/^repaired: /gm)).toHaveLength(4);
    expect(fixed.stdout).toContain('4 repaired; no problems');
    expect(await archivedFiles()).toEqual(before);
    expect((await verify()).code).toBe(0);
    // The repaired index still knows every input: dropping them in again changes nothing.
    await writeArticles(path.join(dir, 'inbox'), 0, 3);
    expect((await runCli(['run'], { cwd: dir, now })).stdout).toContain('0 new, 0 updated, 3 unchanged');
  });

  it('reports what it must not repair: a raw original that does not match, a duplicate id, an unreadable record', async () => {
    const recs = await records(path.join(dir, 'archive'));
    const [a, b, c] = recs.map((r) => r.path);
    const rawA = path.join(dir, 'archive', path.dirname(a!), (await readdir(path.join(dir, 'archive', path.dirname(a!)))).find((f) => f.startsWith(path.basename(a!)) && f.includes('.raw.'))!);
    await writeFile(rawA, 'tampered');
    await copyFile(path.join(dir, 'archive', `${b}.json`), path.join(dir, 'archive', `${b}-copy.json`));
    const copy = JSON.parse(await readFile(path.join(dir, 'archive', `${b}-copy.json`), 'utf8'));
    await writeFile(path.join(dir, 'archive', `${b}-copy.json`), JSON.stringify({ ...copy, slug: `${copy.slug}-copy`, path: `${b}-copy`, url: null }));
    await writeFile(path.join(dir, 'archive', `${c}.json`), '{"schema": 1, "id": ');
    const before = await archivedFiles();

    const r = await verify('--repair');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('raw original does not match its record');
    expect(r.stderr).toContain(`is also the id of ${b}`);
    expect(r.stderr).toContain(`archive/${c}.json: the record is not valid JSON`);
    expect(r.stderr).toContain('restore it from a backup');
    expect(await archivedFiles()).toEqual(before);
    // The unreadable record's keys are kept: its input is not archived a second time.
    await writeArticles(path.join(dir, 'inbox'), 2, 3);
    const again = await runCli(['run'], { cwd: dir, now });
    expect(again.stdout).not.toContain('1 new');
  });
});
