import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { parseSimpleFrontMatter } from '../src/extract/text.js';

describe('parseSimpleFrontMatter()', () => {
  it('reads `key: text` lines as the YAML parser does', () => {
    const text = 'title: Macron telepon Putin, bahas Ukraina\nurl: https://example.id/read/1?a=b#c\nsource: medcom.id\ndate: 2022-02-08 10:00\n\nauthor: A. Rahman';
    expect(parseSimpleFrontMatter(text)).toEqual(parse(text));
  });

  it('leaves everything else to the YAML parser', () => {
    for (const text of [
      'title: "quoted"',
      'tags: [a, b]',
      'tags:\n  - a',
      'count: 12',
      'draft: true',
      'empty:',
      'title: a: b',
      'title: a # comment',
      '# comment\ntitle: a',
      'title: a\ntitle: b',
      ' title: indented',
      'title: *alias',
      'title: x\r',
    ]) {
      expect(parseSimpleFrontMatter(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('whatever it accepts, the YAML parser reads the same (random documents)', () => {
    const keys = fc.constantFrom('title', 'url', 'date', 'source', 'x-y', 'a_b', 'Tags');
    const piece = fc.constantFrom('a', 'Z', ' ', ':', ': ', '#', ' #', '-', '"', "'", '[', '{', ',', '?', '!', '&', '*', '|', '>', '%', '@', '`', '1', '0x1F', '.5', 'e3', '~', 'null', 'true', 'NaN', '.inf', 'é', '🙂', '\t', '\u00a0', '\u2028', '\u0085', 'http://x.id/a?b=c', '2024-05-01');
    const value = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
    const doc = fc.array(fc.tuple(keys, value), { maxLength: 5 }).map((entries) => entries.map(([k, v]) => `${k}: ${v}`).join('\n'));
    let accepted = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const fast = parseSimpleFrontMatter(text);
        if (fast === null) return;
        accepted++;
        expect(fast).toEqual(parse(text) ?? {});
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
