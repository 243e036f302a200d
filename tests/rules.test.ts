import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeLine, splitLines } from '../src/clean/normalize.js';
import { BUILTIN_PACKS, checkExamples, cleanLines, compileRule, createCleaner, validateRule } from '../src/clean/index.js';

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

describe('built-in rules together', () => {
  // Every pack applied at once, as if the article named every site: a keep example of one rule
  // must not be junk to another rule, and the hard negatives survive whatever the site.
  const everything = createCleaner({ packs: BUILTIN_PACKS.map((p) => ({ ...p, sites: [] })) });
  const ctx = { url: null, source: null };

  it('every pack has rules or page selectors, a description, and site packs name their sites', () => {
    for (const pack of BUILTIN_PACKS) {
      const selectors = (pack.contentSelectors?.length ?? 0) + (pack.removeSelectors?.length ?? 0);
      expect(pack.rules.length + selectors, pack.id).toBeGreaterThan(0);
      expect(pack.description.trim(), pack.id).not.toBe('');
    }
    const generic = BUILTIN_PACKS.filter((p) => p.sites.length === 0).map((p) => p.id);
    expect(generic).toEqual(['id-generic', 'en-generic', 'common', 'html-furniture']);
  });

  for (const { rule } of allRules) {
    it(`${rule.id}: its keep examples survive every built-in rule`, () => {
      for (const example of rule.examples.keep) {
        const lines = example.split('\n');
        expect(everything.clean(lines, ctx).dropped, example).toEqual([]);
      }
    });
    it(`${rule.id}: the first line of each drop example is dropped by the built-in rules`, () => {
      for (const example of rule.examples.drop) {
        const r = everything.clean(example.split('\n'), ctx);
        expect(r.dropped.some((d) => d.line === 1), example).toBe(true);
      }
    });
  }

  const hardNegatives = [
    'Cek kesehatan gratis digelar di balai desa pada Sabtu (11/5/2025).',
    'Bacaan doa ini dibaca setiap pagi oleh para santri.',
    'Baca juga aturannya sebelum mendaftar, kata petugas.',
    'Editor senior sebuah stasiun televisi ditangkap polisi.',
    'Video viral itu memperlihatkan seorang pria memukul petugas.',
    'Advertisement revenue rose 12 percent in the second quarter.',
    'Google News kini menampilkan lebih banyak berita lokal.',
    'Pengguna cukup klik tombol daftar di aplikasi untuk ikut undian.',
    'Jakarta -',
    'JAKARTA, KOMPAS.com -',
    'JAKARTA, KOMPAS.com - Harga beras naik lagi pekan ini.',
    'Jakarta (ANTARA) -',
    'Jakarta (ANTARA) - Presiden meresmikan bendungan baru.',
    'Jakarta, CNN Indonesia --',
    'TRIBUNNEWS.COM, JAKARTA - Polisi menangkap dua orang.',
    'Liputan6.com, Jakarta -',
    'jpnn.com, JAKARTA -',
    'WASHINGTON (Reuters) -',
    'Dampak ke Inflasi',
    'Berikut daftar lengkapnya:',
    'Ia menyebut tiga syarat:',
    '1. Baca buku setiap hari.',
    '- Cek tekanan darah secara rutin',
    '• Video pendek lebih disukai remaja',
    'Simak penjelasan lengkapnya berikut ini:',
    'Tonton',
    'Lihat',
    'Selanjutnya, polisi memeriksa saksi.',
    '"Klik saja tautannya, nanti uangnya masuk," kata pelaku menirukan.',
    'Download speeds doubled after the upgrade.',
    'By Tuesday the water had receded.',
  ];
  for (const line of hardNegatives) {
    it(`keeps the story line ${JSON.stringify(line)} under every pack`, () => {
      expect(everything.clean([line, 'Kalimat cerita berikutnya.'], ctx).dropped).toEqual([]);
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

describe('rule engine position and length limits', () => {
  const ctx = { url: null, source: null };
  const rule = (extra: Record<string, unknown>): Parameters<typeof createCleaner>[0] => ({
    packs: [],
    add: [{ id: 'my.credit', reason: 'credit', kind: 'line', pattern: '^credit$', examples: { drop: ['credit'], keep: ['x'] }, ...extra }],
  });

  it('a lastLines rule drops its marker only among the last N non-blank lines', () => {
    const c = createCleaner(rule({ lastLines: 2 }));
    expect(c.clean(['credit', 'a', 'b', 'c'], ctx).dropped).toEqual([]);
    expect(c.clean(['a', 'b', 'credit', '', 'c'], ctx).dropped.map((d) => d.line)).toEqual([3]);
  });

  it('a firstLines rule drops its marker only among the first N non-blank lines', () => {
    const c = createCleaner(rule({ firstLines: 1 }));
    expect(c.clean(['', 'credit', 'a'], ctx).dropped.map((d) => d.line)).toEqual([2]);
    expect(c.clean(['a', 'credit'], ctx).dropped).toEqual([]);
  });

  it('a maxLength rule leaves a longer line alone', () => {
    const c = createCleaner({ packs: [], add: [{ id: 'my.x', reason: 'x', kind: 'line', pattern: '^promo', maxLength: 10, examples: { drop: ['promo'], keep: ['x'] } }] });
    expect(c.clean(['promo 12345', 'promo 1'], ctx).dropped.map((d) => d.line)).toEqual([2]);
  });

  it('a block rule with minNext does not apply when too few lines follow', () => {
    const c = createCleaner({
      packs: [],
      add: [{ id: 'my.list', reason: 'x', kind: 'block', pattern: '^related$', next: '^\\* ', minNext: 1, examples: { drop: ['related\n* a'], keep: ['x'] } }],
    });
    expect(c.clean(['related', 'Story.'], ctx).dropped).toEqual([]);
    expect(c.clean(['related', '* a', '* b', 'Story.'], ctx).paragraphs).toEqual(['Story.']);
  });

  it('notAfter looks at the last line kept above the run, passing over dropped lines', () => {
    const c = createCleaner({
      packs: [],
      add: [
        { id: 'my.promo', reason: 'x', kind: 'line', pattern: '^promo', examples: { drop: ['promo'], keep: ['x'] } },
        { id: 'my.tags', reason: 'x', kind: 'block', pattern: '^[a-z]+$', next: '^[a-z]+$', minNext: 1, notAfter: ':$', examples: { drop: ['a\nb'], keep: ['List:\na\nb'] } },
      ],
    });
    // A dropped line between the lead-in and the list: still the list.
    expect(c.clean(['List:', 'promo today', 'alpha', 'beta'], ctx).paragraphs).toEqual(['List:', 'alpha', 'beta']);
    // A dropped line that would match notAfter is not a lead-in.
    expect(c.clean(['Story.', 'promo list:', 'alpha', 'beta'], ctx).paragraphs).toEqual(['Story.']);
  });

  it('validateRule() reports bad limits, limits on the wrong kind and unknown keys with their paths', () => {
    const issues = validateRule(
      { id: 'my.x', reason: 'x', kind: 'line', pattern: 'x', maxNext: 2, lastLines: 0, firstLines: 2, colour: 'red', examples: { drop: ['x'], keep: ['y'] } },
      'rules.add[1]',
    );
    expect(issues.map((i) => i.path)).toEqual(['rules.add[1].lastLines', 'rules.add[1].maxNext', 'rules.add[1].lastLines', 'rules.add[1].colour']);
  });
});

describe('patterns that read a line word by word', () => {
  // Each word has one way to be read: a line of many short capitalized words that fails at its
  // end made the headline and lead-in patterns try 2^n readings (18 words: ~30 ms; 60 would
  // never end). This test finishes only if they stay linear; it asserts no time.
  it('answer at once on a long line of short capitalized words that fails at its end', () => {
    const cleaner = createCleaner();
    const words = Array.from({ length: 60 }, () => 'AB').join(' ');
    for (const tail of [' zzzzzzz.', ' zzzzzzz', '']) {
      const lines = [`${words}${tail}`, 'Persib', 'Persija', 'Bali United', 'Kalimat cerita yang cukup panjang untuk menjadi paragraf pembuka berita ini.', `${words}${tail}`, 'Persib', 'Persija'];
      expect(cleaner.clean(lines, { url: null, source: null }).paragraphs.length).toBeGreaterThan(0);
    }
  });
});

describe('id.related.baca-box', () => {
  const cleaner = createCleaner();
  const ctx = { url: null, source: null };
  const story = 'Jembatan itu menjadi akses utama warga untuk ke pasar, sekolah, dan puskesmas.';
  const after = 'Akibatnya, warga harus memutar sejauh lima kilometer untuk menuju pusat kecamatan.';

  it('a story sub-heading right under a box of one headline is the story\'s, bold, plain or numbered', () => {
    for (const heading of ['**Warga Terpaksa Memutar 5 Kilometer**', 'Warga Terpaksa Memutar 5 Kilometer', '3. Jangan Tergiur Hasil Instan']) {
      const lines = [story, 'Baca Juga:', 'Hujan Deras, Tanggul Sungai di Sukoharjo Jebol dan Rendam Puluhan Hektare Sawah', heading, after];
      expect(cleaner.clean(lines, ctx).paragraphs, heading).toEqual([story, heading, after]);
    }
  });

  it('takes a box of two or more whole headlines', () => {
    const lines = [story, 'Baca Juga', 'Harga Emas Antam Naik Lagi Hari Ini, Cek Rinciannya di Sini', 'Rupiah Menguat di Awal Pekan Jelang Rilis Data Inflasi', after];
    expect(cleaner.clean(lines, ctx).paragraphs).toEqual([story, after]);
  });
});

describe('common.page.tags-trailing', () => {
  const cleaner = createCleaner();
  const ctx = { url: null, source: null };
  const story = 'Polisi masih menyelidiki kasus itu dan memeriksa empat saksi pada Senin malam.';

  it('drops short lines after the story\'s last sentence, also past a dropped credit', () => {
    expect(cleaner.clean([story, 'Pilkada 2024', 'KPU', 'Mahkamah Konstitusi'], ctx).paragraphs).toEqual([story]);
    expect(cleaner.clean([story, 'Editor: Budi Santoso', 'narkoba', 'sabu'], ctx).paragraphs).toEqual([story]);
  });

  it('keeps a closing list under a lead-in, with or without a colon, past a dropped line', () => {
    for (const lead of ['Tim yang lolos ke semifinal', 'Tim yang lolos ke semifinal:', 'Berikut tim yang lolos ke semifinal.']) {
      const lines = [story, lead, 'Persib', 'Persija', 'Bali United'];
      expect(cleaner.clean(lines, ctx).paragraphs, lead).toEqual(lines);
    }
    const withPromo = [story, 'Berikut daftarnya:', 'Baca juga: Harga Cabai Naik Lagi', 'Persib', 'Persija'];
    expect(cleaner.clean(withPromo, ctx).paragraphs).toEqual([story, 'Berikut daftarnya:', 'Persib', 'Persija']);
  });

  it('a Title Case headline or a hashtag line above the short lines is not a lead-in', () => {
    expect(cleaner.clean([story, 'Infografis Waspada DBD Saat Musim Hujan', 'DBD', 'Garut'], ctx).paragraphs).toEqual([story, 'Infografis Waspada DBD Saat Musim Hujan']);
    // A hashtag line no rule takes (tags with spaces in them): kept, and not a lead-in.
    expect(cleaner.clean([story, '#investasi bodong #Polda Jatim', 'Banjir', 'BMKG'], ctx).paragraphs).toEqual([story, '#investasi bodong #Polda Jatim']);
  });
});

describe('lower-cased matching', () => {
  // compileRule tests some case-insensitive `u` patterns without `i` on the lower-cased line
  // (V8 runs `iu` several times slower). Each such rule must decide every line as its plain
  // `iu` form does: every example of every rule, upper-cased, title-cased, and with the two
  // letters lower-casing gets wrong (İ, ſ) put in.
  const lines = allRules.flatMap(({ rule }) => [...rule.examples.drop, ...rule.examples.keep]);
  const variants = lines.flatMap((l) => [
    l,
    l.toUpperCase(),
    l.replace(/\b\w/g, (c) => c.toUpperCase()),
    l.replace(/i/g, 'İ'),
    l.replace(/s/g, 'ſ'),
    `#İstanbul #Türkiye`,
  ]);

  it('is used for some rules, and each drops exactly what its `iu` form drops', () => {
    const lowered = allRules.map(({ rule }) => ({ rule, compiled: compileRule(rule) })).filter((r) => r.compiled.lower);
    expect(lowered.length).toBeGreaterThan(5);
    for (const { rule, compiled } of lowered) {
      const reference = { ...compiled, re: new RegExp(rule.pattern, 'iu'), next: rule.next === undefined ? null : new RegExp(rule.next, 'iu'), lower: false, full: null };
      for (const text of variants) {
        const split = text.split('\n');
        expect(cleanLines(split, [compiled]).dropped, `${rule.id} on ${JSON.stringify(text)}`).toEqual(cleanLines(split, [reference]).dropped);
      }
    }
  });

  it('is not used where lower-casing changes what the pattern means', () => {
    const spec = (pattern: string) => compileRule({ id: 'x', reason: 'r', kind: 'line', pattern, examples: { drop: ['a'], keep: ['b'] } });
    expect(spec(String.raw`^\p{L}+ klik$`).lower).toBe(true);
    expect(spec(String.raw`^[a-z0-9-]+\p{L}$`).lower).toBe(true);
    // An upper-case letter, one written as an escape, a cased non-ASCII letter, a cased
    // property, ranges that hold upper-case letters.
    for (const pattern of [
      String.raw`^\p{L} Klik`,
      String.raw`\x41\p{L}`,
      String.raw`\u{C9}t\p{L}`,
      String.raw`é\p{L}`,
      String.raw`\p{Lu}x`,
      String.raw`^[!-~]+\p{L}$`,
      String.raw`^[\x00-\x60]+\p{L}$`,
      String.raw`^[a-\x7a]+\p{L}$`,
    ]) {
      const r = spec(pattern);
      expect(r.lower, pattern).toBe(false);
      expect(r.re.flags, pattern).toContain('i');
    }
    expect(spec(String.raw`\x41\p{L}`).re.test('ab')).toBe(true);
    expect(cleanLines(['ab'], [spec(String.raw`^[!-~]+\p{L}$`)]).dropped).toHaveLength(1);
  });

  it('a line with İ or ſ is matched by the rule\'s `iu` form', () => {
    const hashtags = compileRule(allRules.find(({ rule }) => rule.id === 'common.page.hashtags')!.rule);
    expect(hashtags.lower).toBe(true);
    // Lower-cased, "İ" is "i" and a combining dot, which \p{L} does not match.
    expect(cleanLines(['#İstanbul #Türkiye'], [hashtags]).dropped).toHaveLength(1);
  });
});

describe('normalizeLine()', () => {
  // The reference: what normalizeLine did before its shortcut for lines it leaves unchanged.
  const reference = (line: string): string =>
    line
      .replace(/[\u200c\u200d\u2060\ufeff\u00ad]/gu, '')
      .replace(/[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]+/gu, ' ')
      .trim();
  // Every character the shortcut looks for, and some it must not (NEL, the Mongolian vowel
  // separator and LRM are not white space to \s).
  const alphabet = ['a', 'B', ' ', '  ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202f', '\u205f', '\u3000', '\u2028', '\u2029', '\u0085', '\u180e', '\u200e', '.', 'é', '🙂'];

  it('gives what the full replacement gives, on any mix of letters, spaces and invisible characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        expect(normalizeLine(line)).toBe(reference(line));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('splitLines()', () => {
  const EDGES = /^[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+$/gu;
  const reference = (text: string): string[] =>
    text
      .split(/\r\n|\r|\n|\u2028|\u2029/u)
      .map((raw) => raw.replace(EDGES, ''))
      .filter((line) => normalizeLine(line) !== '');
  it('trims lines as the white-space pattern it replaced did', () => {
    const piece = fc.constantFrom('a', ' ', '\t', '\r\n', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\u2028', '\u0085', '\u180e', '\u200e', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(splitLines(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('common.page.pagination', () => {
  // The pattern before its first-token lookahead, which must change no answer.
  const before = String.raw`^(?:lanjut\s+ke\s+sebelah\W*|(?!.*[:：]\s*$)(?=.*\b(?:halaman|hal|page|selanjutnya|berikutnya|sebelumnya|next|previous|prev|show\s+all|tampilkan\s+semua|load\s+more|muat\s+lebih\s+banyak|lanjut(?:kan)?\s+(?:membaca|baca|ke\s+halaman)|bersambung)\b)(?:[\s«»‹›<>|/\-–:.,()\[\]]|\d{1,3}|\b(?:halaman|hal|page|selanjutnya|berikutnya|sebelumnya|next|previous|prev|show\s+all|all|semua|tampilkan\s+semua|dari|of|ke|load\s+more|muat\s+lebih\s+banyak|lanjut(?:kan)?\s+(?:membaca|baca)|baca\s+(?:halaman|page)|bersambung|lanjut)\b)+)$`;
  it('answers every line as it did before the first-token lookahead', () => {
    const rule = allRules.find(({ rule }) => rule.id === 'common.page.pagination')!.rule;
    const now = compileRule(rule);
    const was = compileRule({ ...rule, pattern: before });
    const token = fc.constantFrom('halaman', 'Hal', 'page', 'Selanjutnya', 'next', 'prev', 'show all', 'semua', 'dari', 'of', 'ke', 'lanjut', 'lanjutkan membaca', 'baca halaman', 'bersambung', 'load more', '1', '12', '1234', ' ', '  ', ':', '：', '»', '«', '|', '-', '–', '.', '(', ']', 'polisi', 'Jakarta', 'menteri', ',', 'lanjut ke sebelah', '...', 'é');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 10 }), (parts) => {
        const line = parts.join('');
        expect(cleanLines([line], [now]).dropped.length, line).toBe(cleanLines([line], [was]).dropped.length);
      }),
      { numRuns: 5000 },
    );
  });
});
