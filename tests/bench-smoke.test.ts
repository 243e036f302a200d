/** A small run of `npm run bench`: the benchmark works end to end. It asserts no timings. */
import { execFileSync } from 'node:child_process';
import { existsSync, statfsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './support/paths.js';

it('the benchmark smoke run measures every scenario and writes its results', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'kliping-bench-smoke-'));
  try {
    const out = path.join(dir, 'results.json');
    const stdout = execFileSync(process.execPath, ['bench/bench.mjs', '--smoke', '--out', out, '--cache', path.join(dir, 'cache')], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(stdout).toContain('tick, nothing new');
    const r = JSON.parse(await readFile(out, 'utf8'));
    expect(r.smoke).toBe(true);
    expect(r.bareNode.medianMs).toBeGreaterThan(0);
    expect(r.idleTick.map((x: { articles: number }) => x.articles)).toEqual([40, 80]);
    expect(r.oneNewTick).toHaveLength(2);
    expect(r.ingest.text.archived).toBe(20);
    expect(r.ingest['text, archive only'].archived).toBe(20);
    expect(r.ingest.html.archived).toBe(5);
    expect(r.ingest['text, over 11 days'].archived).toBe(20);
    // The same text ingest in memory, where the machine has a tmpfs at /dev/shm.
    const tmpfs = existsSync('/dev/shm') && statfsSync('/dev/shm').type === 0x01021994;
    expect(r.ingest['text, in memory (tmpfs)']?.archived).toBe(tmpfs ? 20 : undefined);
    expect(r.ingest['text, archive only, in memory (tmpfs)']?.archived).toBe(tmpfs ? 20 : undefined);
    expect(r.ingest['text, over 11 days, in memory (tmpfs)']?.archived).toBe(tmpfs ? 20 : undefined);
    expect(r.createCost.microsecondsPerFile).toBeGreaterThan(0);
    expect(r.createCost.microsecondsPerFolderWithFile).toBeGreaterThan(0);
    expect(r.republish.articles).toBe(80);
    for (const x of [...r.idleTick, ...r.oneNewTick]) expect(x.peakRssBytes).toBeGreaterThan(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
