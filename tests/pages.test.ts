/**
 * The saved-page corpus, in the style of mozilla/readability's test pages: one folder per page
 * under tests/pages/<case>/ with source.html, expected-metadata.json and expected.txt (the
 * cleaned body, one block per line, as `kliping clean` prints it). `npm run pages` rewrites the
 * expected files from the current output: review the diff before committing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPage } from '../src/extract/html/index.js';
import { visibleText } from '../src/extract/html/body.js';
import { createCleaner, packApplies } from '../src/clean/index.js';
import { runCli, tempWorkspace } from './support/cli.js';
import { dangerousMarkup } from './support/dangerous.js';
import { ROOT } from './support/paths.js';

const UPDATE = process.env.UPDATE_PAGES === '1' || process.env.UPDATE_GOLDENS === '1';
const PAGES = path.join(ROOT, 'tests/pages');
const CASES = readdirSync(PAGES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const TIME_ZONE = 'Asia/Jakarta';

const cleaner = createCleaner();
const selectorsFor = (ctx: { url: string | null; source: string | null }): { remove: string[]; content: string[] } => {
  const packs = cleaner.packs.filter((p) => packApplies(p, ctx));
  return { remove: packs.flatMap((p) => p.removeSelectors ?? []), content: packs.flatMap((p) => p.contentSelectors ?? []) };
};

const ws = await tempWorkspace('kliping-pages-');
afterAll(() => ws.cleanup());

/** Text of content HTML as the block lines read it: a table row is its cells joined by " | ". */
function textOfHtml(html: string): string {
  const $ = load(html, null, false);
  $('tr').each((_, tr) => {
    $(tr).replaceWith(` ${visibleText(tr)} `);
  });
  $('p, li, h1, h2, h3, h4, h5, h6, figcaption, caption, blockquote, br').after(' ');
  return $.root().text().replace(/\s+/g, ' ');
}

describe('the saved-page corpus', () => {
  it('has at least 12 pages', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of CASES) {
    describe(name, () => {
      const dir = path.join(PAGES, name);
      const source = path.join(dir, 'source.html');

      it('metadata matches expected-metadata.json', async () => {
        const page = extractPage(await readFile(source), { timeZone: TIME_ZONE, selectorsFor });
        const { articleBody: _body, baseUrl: _base, ...meta } = page.meta;
        const actual = { ...meta, container: page.container, charset: page.charset };
        const file = path.join(dir, 'expected-metadata.json');
        if (UPDATE || !existsSync(file)) await writeFile(file, `${JSON.stringify(actual, null, 2)}\n`);
        expect(actual).toEqual(JSON.parse(await readFile(file, 'utf8')));
      });

      it('kliping clean prints expected.txt', async () => {
        const r = await runCli(['clean', source], { cwd: ws.dir });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const file = path.join(dir, 'expected.txt');
        if (UPDATE || !existsSync(file)) await writeFile(file, r.stdout);
        expect(r.stdout).toBe(await readFile(file, 'utf8'));
      });

      it('the cleaned content HTML is safe and holds exactly the kept blocks', async () => {
        const page = extractPage(await readFile(source), { timeZone: TIME_ZONE, selectorsFor });
        const result = cleaner.clean(page.article.lines, { url: page.article.url, source: page.article.source });
        const html = page.article.contentHtmlWithout!(new Set(result.dropped.map((d) => d.line)));
        expect(dangerousMarkup(html)).toEqual([]);
        expect(dangerousMarkup(page.article.contentHtml ?? '')).toEqual([]);
        expect(html).not.toContain('data-kliping-line');
        const text = textOfHtml(html);
        for (const p of result.paragraphs) expect(text).toContain(p.replace(/\s+/g, ' '));
        for (const d of result.dropped) expect(text).not.toContain(d.text.replace(/\s+/g, ' '));
      });
    });
  }
});
