/**
 * The cleaning case corpus: one folder per case under tests/cases/ with the raw input
 * (input.txt, or input.md with front matter naming url/source) and the lines that must be kept
 * (expected.txt); expected-dropped.json pins the rule id of every dropped line.
 * `npm run cases` rewrites the expected files from the current rules, for review in the diff.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCleaner } from '../src/clean/index.js';
import { mediaTypeOf, readInput } from '../src/pipeline/read-input.js';
import { ROOT } from './support/paths.js';

const UPDATE = process.env.UPDATE_CASES === '1';
const CASES = path.join(ROOT, 'tests/cases');
const cleaner = createCleaner();

const names = readdirSync(CASES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

async function run(dir: string): Promise<{ kept: string[]; dropped: { text: string; rule: string }[] }> {
  const file = ['input.md', 'input.txt'].find((f) => existsSync(path.join(dir, f)));
  if (!file) throw new Error(`${dir} has no input.txt or input.md`);
  const bytes = await readFile(path.join(dir, file));
  const extracted = await readInput({ name: file, bytes, mediaType: mediaTypeOf(file, bytes), mtimeMs: null }, { timeZone: 'Asia/Jakarta', packs: cleaner.packs });
  const result = cleaner.clean(extracted.lines, { url: extracted.url, source: extracted.source });
  return { kept: [...result.paragraphs], dropped: result.dropped.map((d) => ({ text: d.text, rule: d.rule })) };
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

describe('the cleaning case corpus', () => {
  it('has at least 40 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of names) {
    it(`case ${name}: keeps exactly the expected lines and drops the rest with the expected rules`, async () => {
      const dir = path.join(CASES, name);
      const { kept, dropped } = await run(dir);
      const expectedFile = path.join(dir, 'expected.txt');
      const droppedFile = path.join(dir, 'expected-dropped.json');
      if (UPDATE) {
        await writeFile(expectedFile, kept.length > 0 ? `${kept.join('\n')}\n` : '');
        await writeFile(droppedFile, `${JSON.stringify(dropped, null, 2)}\n`);
      }
      expect(kept).toEqual(lines(await readFile(expectedFile, 'utf8')));
      if (existsSync(droppedFile)) {
        expect(dropped).toEqual(JSON.parse(await readFile(droppedFile, 'utf8')));
      }
    });
  }
});
