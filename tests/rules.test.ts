import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS, checkExamples, compileRule, createCleaner, validateRule } from '../src/clean/index.js';

const allRules = BUILTIN_PACKS.flatMap((pack) => pack.rules.map((rule) => ({ pack, rule })));

describe('built-in rule packs', () => {
  it('every rule id is unique across packs', () => {
    const ids = allRules.map(({ rule }) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const { pack, rule } of allRules) {
    it(`${pack.id} / ${rule.id} is valid and its examples hold`, () => {
      expect(validateRule(rule, rule.id)).toEqual([]);
      expect(rule.examples.drop.length).toBeGreaterThan(0);
      expect(rule.examples.keep.length).toBeGreaterThan(0);
      expect(checkExamples(compileRule(rule))).toEqual([]);
    });
  }
});

describe('validateRule()', () => {
  it('reports every problem with its key path', () => {
    const issues = validateRule({ id: 'Bad Id', kind: 'zap', pattern: '(', examples: {} }, 'rules.add[0]');
    expect(issues.map((i) => i.path)).toEqual([
      'rules.add[0].id',
      'rules.add[0].reason',
      'rules.add[0].kind',
      'rules.add[0].pattern',
      'rules.add[0].examples.drop',
      'rules.add[0].examples.keep',
    ]);
  });

  it('rejects a rule whose own examples fail', () => {
    const issues = validateRule(
      { id: 'my.promo', reason: 'promo', kind: 'line', pattern: '^promo:', examples: { drop: ['Promo: x'], keep: ['promo: but kept?'] } },
      'rules.add[0]',
    );
    expect(issues).toEqual([{ path: 'rules.add[0].examples', message: 'keep example is dropped: "promo: but kept?"' }]);
  });

  it('requires `next` for pair and block rules', () => {
    const issues = validateRule(
      { id: 'my.pair', reason: 'split promo', kind: 'pair', pattern: '^a$', examples: { drop: ['a\nb'], keep: ['c'] } },
      'r',
    );
    expect(issues[0]).toEqual({ path: 'r.next', message: 'is required for kind "pair": the pattern of the line(s) after the marker' });
  });
});

describe('clean()', () => {
  const cleaner = createCleaner();
  const ctx = { url: null, source: null };

  it('keeps a body line that starts with "Cek" or "Baca"', () => {
    const lines = ['Cek kesehatan gratis digelar di balai desa.', 'Bacaan doa ini dibaca bersama.'];
    expect(cleaner.clean(lines, ctx)).toEqual({ paragraphs: lines, dropped: [] });
  });

  it('matches markers through NBSP and zero-width spaces but keeps kept lines verbatim', () => {
    const r = cleaner.clean(['Baca\u00a0juga\u200b: Berita lain', '  Harga\u00a0cabai turun.  '], ctx);
    expect(r.paragraphs).toEqual(['Harga\u00a0cabai turun.']);
    expect(r.dropped).toEqual([{ line: 1, text: 'Baca\u00a0juga\u200b: Berita lain', rule: 'id.related.baca' }]);
  });

  it('does not drop the first half of a split footer when the second half is missing', () => {
    const r = cleaner.clean(['Cek Berita dan Artikel yang lain di', 'Situs resmi pemerintah.'], ctx);
    expect(r.dropped).toEqual([]);
  });

  it('a disabled rule no longer drops its lines; a config rule does', () => {
    const custom = createCleaner({
      disable: ['id.related.baca'],
      add: [{ id: 'my.sponsor', reason: 'sponsor line', kind: 'line', pattern: '^sponsored:', examples: { drop: ['Sponsored: x'], keep: ['y'] } }],
    });
    const r = custom.clean(['Baca juga: X', 'Sponsored: Y', 'Story.'], ctx);
    expect(r.paragraphs).toEqual(['Baca juga: X', 'Story.']);
    expect(r.dropped.map((d) => d.rule)).toEqual(['my.sponsor']);
  });

  it('a block rule drops its headlines and stops at the story', () => {
    const block = createCleaner({
      packs: [],
      add: [
        {
          id: 'my.related-block',
          reason: 'related headlines',
          kind: 'block',
          pattern: '^berita terkait$',
          next: '^[^.]{1,90}$',
          maxNext: 3,
          examples: { drop: ['Berita Terkait\nA'], keep: ['Berita terkait banjir.'] },
        },
      ],
    });
    const r = block.clean(['Berita Terkait', 'Judul satu', 'Judul dua', 'Kalimat cerita berlanjut di sini.'], ctx);
    expect(r.paragraphs).toEqual(['Kalimat cerita berlanjut di sini.']);
  });
});
