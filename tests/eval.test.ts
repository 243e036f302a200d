/** The cleaning evaluation's scoring (eval/clean-eval.mjs), on made-up labels and through the built CLI. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyLines, evaluate, score, summary } from '../eval/clean-eval.mjs';
import { ROOT } from './support/paths.js';

describe('score()', () => {
  it('counts story lines lost, junk lines kept and altered lines; ambiguous lines count neither way', () => {
    const input = ['Kalimat satu.', 'Baca juga: X', 'Kalimat dua.', 'Foto: Y', 'Kalimat tiga.', 'Editor: Z'];
    const s = score({
      input,
      expected: ['Kalimat satu.', 'Kalimat dua.', 'Kalimat tiga.'],
      ambiguous: ['Foto: Y'],
      output: ['Kalimat satu.', 'Foto: Y', 'Kalimat tiga.', 'Editor: Z', 'Kalimat tiga.', 'Kalimat dua diubah.'],
    });
    expect(s.story).toBe(3);
    expect(s.junk).toBe(2);
    expect(s.lost).toEqual(['Kalimat dua.']);
    expect(s.kept).toEqual(['Editor: Z']);
    // A story line printed twice, and a line that is in no label.
    expect(s.altered.sort()).toEqual(['Kalimat dua diubah.', 'Kalimat tiga.']);
    expect(summary([s, score({ input: ['a.'], expected: ['a.'], ambiguous: [], output: ['a.'] })])).toEqual({
      articles: 2,
      clean: 1,
      story: 4,
      lost: 1,
      junk: 2,
      kept: 1,
      altered: 2,
    });
  });

  it('reads the body of a Markdown input after its front matter, blank lines left out, spaces folded', () => {
    expect(bodyLines('input.md', '---\ntitle: T\nurl: https://x.test/a\n---\nSatu  dua.\n\n  Tiga.\n')).toEqual(['Satu dua.', 'Tiga.']);
    expect(bodyLines('input.txt', '---\nbukan front matter\n')).toEqual(['---', 'bukan front matter']);
  });
});

describe('evaluate() through the built CLI', () => {
  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist/cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  });

  it('scores what `kliping clean` keeps against the labels, and names an expected line that is not in the input', async () => {
    const set = await mkdtemp(path.join(tmpdir(), 'kliping-eval-'));
    try {
      const story = ['Jakarta - Pemerintah menaikkan harga beras di 12 provinsi mulai Senin.', 'Kenaikan itu berlaku hingga akhir tahun, kata juru bicara kementerian.'];
      await mkdir(path.join(set, '01-clean'));
      await writeFile(path.join(set, '01-clean', 'input.txt'), `${story[0]}\nBaca juga: Harga Cabai Turun\n${story[1]}\n`);
      await writeFile(path.join(set, '01-clean', 'expected.txt'), `${story.join('\n')}\n`);
      // Labelled as if the second story line were junk: the CLI keeps it, so it is junk kept.
      await mkdir(path.join(set, '02-mislabelled'));
      await writeFile(path.join(set, '02-mislabelled', 'input.txt'), `${story.join('\n')}\n`);
      await writeFile(path.join(set, '02-mislabelled', 'expected.txt'), `${story[0]}\n`);
      const articles = evaluate(set);
      expect(articles.map((a) => [a.name, a.lost.length, a.kept.length, a.altered.length])).toEqual([
        ['01-clean', 0, 0, 0],
        ['02-mislabelled', 0, 1, 0],
      ]);
      expect(summary(articles)).toMatchObject({ articles: 2, clean: 1, story: 3, junk: 2, kept: 1 });

      await writeFile(path.join(set, '02-mislabelled', 'expected.txt'), 'Tidak ada di input.\n');
      expect(() => evaluate(set)).toThrow(/02-mislabelled\/expected.txt: "Tidak ada di input." is not a line of input.txt/);
    } finally {
      await rm(set, { recursive: true, force: true });
    }
  });
});
