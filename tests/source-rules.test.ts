import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workspaces } from './support/cli.js';

const workspace = workspaces();

const CONFIG = {
  sources: [
    {
      name: 'Harian Contoh',
      url: 'https://contoh.example/feed.xml',
      rules: {
        add: [
          {
            id: 'contoh.promo',
            reason: 'The source’s own promo line',
            kind: 'line',
            pattern: '^promo harian contoh:',
            examples: { drop: ['Promo Harian Contoh: diskon'], keep: ['Promo besar digelar di pasar.'] },
          },
        ],
        disable: [],
      },
    },
  ],
};

const BODY = 'Harga beras naik pekan ini.\nPromo Harian Contoh: langganan setengah harga\nPedagang mengeluh.\n';

async function recordsOf(dir: string): Promise<{ source: string | null; paragraphs: string[]; dropped: { rule: string }[] }[]> {
  const out = [];
  for (const e of await readdir(path.join(dir, 'archive'), { recursive: true, withFileTypes: true })) {
    if (e.isFile() && /^[a-z0-9-]+\.json$/.test(e.name) && e.name !== 'index.json') out.push(JSON.parse(await readFile(path.join(e.parentPath, e.name), 'utf8')));
  }
  return out;
}

describe('per-source cleaning rules', () => {
  it('apply to an inbox file whose front matter names the source, and only to it', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify(CONFIG));
    await writeFile(path.join(dir, 'a.md'), `---\ntitle: Dari sumber\ndate: 2024-01-02\nsource: harian contoh\n---\n${BODY}`);
    await writeFile(path.join(dir, 'b.md'), `---\ntitle: Tanpa sumber\ndate: 2024-01-03\n---\n${BODY}`);
    const r = await runCli(['ingest', 'a.md', 'b.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    const byTitle = new Map((await recordsOf(dir)).map((x) => [x.source, x]));
    expect(byTitle.get('harian contoh')!.paragraphs).toEqual(['Harga beras naik pekan ini.', 'Pedagang mengeluh.']);
    expect(byTitle.get('harian contoh')!.dropped.map((d) => d.rule)).toEqual(['contoh.promo']);
    expect(byTitle.get(null)!.paragraphs).toHaveLength(3);
  });

  it('kliping clean --source picks them up', async () => {
    const dir = await workspace();
    await writeFile(path.join(dir, 'kliping.config.json'), JSON.stringify(CONFIG));
    await writeFile(path.join(dir, 'c.txt'), BODY);
    expect((await runCli(['clean', 'c.txt'], { cwd: dir })).stdout.split('\n').filter(Boolean)).toHaveLength(3);
    const r = await runCli(['clean', '--source', 'Harian Contoh', 'c.txt'], { cwd: dir });
    expect(r.stdout).toBe('Harga beras naik pekan ini.\nPedagang mengeluh.\n');
  });
});
