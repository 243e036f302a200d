import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from '../src/clean/index.js';
import { runCli, workspaces } from './support/cli.js';

const workspace = workspaces();

describe('kliping rules', () => {
  it('lists every built-in rule with its pack, and counts them', async () => {
    const dir = await workspace();
    const r = await runCli(['rules'], { cwd: dir });
    expect(r.code).toBe(0);
    const total = BUILTIN_PACKS.reduce((n, p) => n + p.rules.length, 0);
    for (const pack of BUILTIN_PACKS) for (const rule of pack.rules) expect(r.stdout).toContain(`${rule.id} `);
    // Packs that only carry HTML selectors list no rules.
    const withRules = BUILTIN_PACKS.filter((p) => p.rules.length > 0).length;
    expect(r.stdout).toContain(`${total} rules in ${withRules} packs\n`);
  });

  it('--url shows the generic packs and the site pack of that URL only', async () => {
    const dir = await workspace();
    const r = await runCli(['rules', '--json', '--url', 'https://news.detik.com/berita/x'], { cwd: dir });
    const packs = new Set((JSON.parse(r.stdout) as { pack: string }[]).map((x) => x.pack));
    expect([...packs]).toEqual(['detik', 'id-generic', 'en-generic', 'common', 'html-furniture']);
  });

  it('marks rules disabled in the config and lists config rules under "config"', async () => {
    const dir = await workspace();
    await writeFile(
      path.join(dir, 'kliping.config.json'),
      JSON.stringify({
        rules: {
          disable: ['id.related.baca'],
          add: [{ id: 'my.sponsor', reason: 'Sponsor line', kind: 'line', pattern: '^sponsored by:', examples: { drop: ['Sponsored by: A'], keep: ['B'] } }],
        },
      }),
    );
    const r = await runCli(['rules', '--pack', 'config'], { cwd: dir });
    expect(r.stdout).toContain('my.sponsor');
    expect(r.stdout).toContain('1 rule in 1 pack');
    const all = await runCli(['rules'], { cwd: dir });
    expect(all.stdout).toMatch(/^id\.related\.baca .*\[disabled\]$/m);
  });

  it('--pack with an unknown pack is a usage error naming the known packs', async () => {
    const dir = await workspace();
    const r = await runCli(['rules', '--pack', 'nope'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown rule pack "nope": use one of ');
    expect(r.stderr).toContain('id-generic');
  });
});
