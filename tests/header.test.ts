/**
 * What copied and scraped pages bring with the story: a header (byline, date) whose lines are
 * dropped while its date stays the published time, only above the story; a dateline whose
 * portal picks its pack; Markdown links and bold read as their text; a bold line under a
 * bulleted list.
 */
import { describe, expect, it } from 'vitest';
import { createCleaner, siteNamedIn } from '../src/clean/index.js';
import { prepare } from '../src/pipeline/prepare.js';
import { readInput } from '../src/pipeline/read-input.js';

const cleaner = createCleaner();
const NOW = Date.parse('2026-01-15T03:00:00Z');

async function draftOf(text: string): Promise<ReturnType<typeof prepare>> {
  const input = { name: 'copied.txt', bytes: new TextEncoder().encode(text), mediaType: 'text/plain' as const, mtimeMs: null };
  const extracted = await readInput(input, { timeZone: 'Asia/Jakarta', packs: cleaner.packs });
  return prepare(input, extracted, cleaner, { timeZone: 'Asia/Jakarta', language: 'id', nowMs: NOW });
}

describe('a page header copied with the story', () => {
  it('drops the byline and the date line, and the header date is the published time, not a date in the story', async () => {
    const { draft, clean } = await draftOf(
      [
        'Nama Penulis - detikNews',
        'Senin, 03 Mar 2025 09:12 WIB',
        'Jakarta - Banjir merendam 12 kelurahan di Bekasi sejak Minggu (2/3/2025) pukul 22.00 WIB.',
        'Warga mengungsi ke masjid dan sekolah terdekat.',
      ].join('\n'),
    );
    expect(clean.paragraphs).toEqual(['Jakarta - Banjir merendam 12 kelurahan di Bekasi sejak Minggu (2/3/2025) pukul 22.00 WIB.', 'Warga mengungsi ke masjid dan sekolah terdekat.']);
    expect(clean.dropped.map((d) => d.rule)).toEqual(['common.credit.byline-header', 'common.page.date-header']);
    expect(draft.published).toBe('2025-03-03T09:12:00+07:00');
    expect(draft.publishedSource).toBe('text');
  });

  it('a whole page copied: section, breadcrumb, headline, byline, date and reading time go; the headline is the title', async () => {
    const { draft, clean } = await draftOf(
      [
        'detikSport',
        'Home › Sepakbola',
        'Daftar Tim Lolos Semifinal Piala AFF U-23 2025, Indonesia Juara Grup A',
        'Nanda Pramudya - detikSport',
        'Rabu, 23 Jul 2025 06:30 WIB · 3 menit baca',
        'Jakarta - Timnas Indonesia U-23 memastikan tiket semifinal usai menang 2-0 atas Malaysia.',
        'Pelatih menyebut timnya masih bisa bermain lebih baik di semifinal.',
      ].join('\n'),
    );
    expect(clean.paragraphs).toEqual(['Jakarta - Timnas Indonesia U-23 memastikan tiket semifinal usai menang 2-0 atas Malaysia.', 'Pelatih menyebut timnya masih bisa bermain lebih baik di semifinal.']);
    expect(clean.dropped.map((d) => d.rule)).toEqual(['common.credit.byline-header', 'common.page.breadcrumb', 'common.page.headline', 'common.credit.byline-header', 'common.page.reading-time']);
    expect(draft.title).toBe('Daftar Tim Lolos Semifinal Piala AFF U-23 2025, Indonesia Juara Grup A');
    expect(draft.titleSource).toBe('headline');
    expect(draft.published).toBe('2025-07-23T06:30:00+07:00');
  });

  it('a Title Case line under the first paragraph is the story\'s, and a page without a headline takes its title from the lede', async () => {
    const { draft, clean } = await draftOf(
      ['Jakarta - Harga cabai rawit naik menjadi Rp80.000 per kilogram di Pasar Induk.', 'Pedagang Mengeluh Pembeli Berkurang Sejak Awal Pekan', 'Pembeli memilih cabai kering.'].join('\n'),
    );
    expect(clean.dropped).toEqual([]);
    expect(draft.title).toBe('Jakarta - Harga cabai rawit naik menjadi Rp80.000 per kilogram di Pasar Induk');
    expect(draft.titleSource).toBe('lede');
  });

  it('a navigation menu under the site\'s name goes; a story that opens with its list under a lead-in keeps it', async () => {
    const story = 'Jakarta - Delapan tim memastikan tempat di babak semifinal turnamen tahun ini.';
    const menu = await draftOf(['TribunKaltim.co', 'Home', 'Samarinda', 'Balikpapan', 'Bisnis', story, 'Laga digelar pekan depan.'].join('\n'));
    expect(menu.clean.dropped.map((d) => [d.text, d.rule]).filter(([, r]) => r === 'common.page.nav-menu').map(([t]) => t)).toEqual(['Home', 'Samarinda', 'Balikpapan', 'Bisnis']);
    const list = await draftOf(['Tim yang lolos ke semifinal', 'Persib', 'Persija', 'Bali United', story, 'Laga digelar pekan depan.'].join('\n'));
    expect(list.clean.dropped).toEqual([]);
  });

  it('without a header, a date in the story is still found', async () => {
    const { draft } = await draftOf('Jakarta - Banjir merendam 12 kelurahan di Bekasi sejak Minggu (2/3/2025) pukul 22.00 WIB.\nWarga mengungsi.');
    expect(draft.published).toBe('2025-03-02T00:00:00+07:00');
  });

  it('a date in a line dropped for another reason is not the published time', async () => {
    const { draft } = await draftOf('Baca juga: Banjir Senin, 10 Maret 2025 Rendam Bekasi\nJakarta - Warga mengungsi sejak Minggu (2/3/2025).\nHujan belum reda.');
    expect(draft.published).toBe('2025-03-02T00:00:00+07:00');
  });
});

describe('siteNamedIn()', () => {
  it('reads the portal from a dateline or detik\'s byline in the first lines', () => {
    expect(siteNamedIn(['Liputan6.com, Jakarta - Kementerian Kesehatan mencatat ...'])).toBe('liputan6.com');
    expect(siteNamedIn(['JAKARTA, KOMPAS.com - Harga beras naik.'])).toBe('kompas.com');
    expect(siteNamedIn(['REPUBLIKA.CO.ID, JAKARTA -- Pemerintah ...'])).toBe('republika.co.id');
    expect(siteNamedIn(['**TEMPO.CO, Jakarta** - Polisi ...'])).toBe('tempo.co');
    expect(siteNamedIn(['Jakarta (ANTARA) - Presiden ...'])).toBe('antara');
    expect(siteNamedIn(['Jakarta, CNN Indonesia -- Badan Meteorologi ...'])).toBe('cnnindonesia');
    expect(siteNamedIn(['', 'Nama Penulis - detikFinance', 'Senin, 03 Mar 2025 09:12 WIB', 'Jakarta - Harga beras ...'])).toBe('detik');
  });

  it('names nothing for a story that only mentions a portal, or a dateline below the first lines', () => {
    expect(siteNamedIn(['Menurut laporan Kompas.com, harga beras naik - kata pedagang.'])).toBeNull();
    expect(siteNamedIn(['Jakarta - Presiden meresmikan bendungan.'])).toBeNull();
    expect(siteNamedIn([...Array.from({ length: 8 }, (_, i) => `Kalimat ${i + 1}.`), 'Liputan6.com, Jakarta - Terlambat.'])).toBeNull();
  });

  it('picks the site pack of a text input that has no url or source', () => {
    const lines = ['Liputan6.com, Jakarta - Harga BBM naik mulai hari ini.', 'Infografis Harga BBM Naik Mulai Hari Ini'];
    expect(cleaner.clean(lines, { url: null, source: null }).dropped.map((d) => d.rule)).toEqual(['liputan6.page.infografis']);
    const unnamed = ['Jakarta - Harga BBM naik mulai hari ini.', 'Infografis Harga BBM Naik Mulai Hari Ini'];
    expect(cleaner.clean(unnamed, { url: null, source: null }).dropped).toEqual([]);
    // A source given by the input wins over the dateline.
    expect(cleaner.clean(lines, { url: null, source: 'Kompas.com' }).dropped).toEqual([]);
  });
});

describe('Markdown a scraper left in a line', () => {
  it('is read as its text for a second try of the rules: links as their words, bold gone', async () => {
    const { markdownText } = await import('../src/clean/normalize.js');
    expect(markdownText('**Editor:** [Nama Editor](https://example.id/editor/nama)')).toBe('Editor: Nama Editor');
    expect(markdownText('Selanjutnya: [Harga Emas Naik (Lagi)](https://example.id/a_(b))')).toBe('Selanjutnya: Harga Emas Naik (Lagi)');
    expect(markdownText('Kalimat biasa tanpa Markdown.')).toBeNull();
    expect(markdownText('![Foto](https://example.id/a.jpg)')).toBeNull();
  });

  it('drops credits and labels whose names or headlines are links, and keeps a story sentence with a link', () => {
    const lines = [
      'Jakarta - Pemerintah membuka pendaftaran di [situs resmi](https://example.go.id) mulai Senin.',
      'Pendaftar diminta **membaca** syaratnya lebih dulu.',
      'Selanjutnya: [Harga Emas Antam Hari Ini Naik Lagi](https://example.id/emas)',
      '**Editor:** [Nama Editor](https://example.id/editor/nama)',
    ];
    const r = cleaner.clean(lines, { url: null, source: null });
    expect(r.paragraphs).toEqual(lines.slice(0, 2));
    expect(r.dropped.map((d) => [d.text, d.rule])).toEqual([
      [lines[2], 'id.related.label-headline'],
      [lines[3], 'id.credit.byline'],
    ]);
  });
});

describe('header rules apply above the story only (aboveStory)', () => {
  it('drops a date line at the top, keeps the same line under a paragraph, and a kicker above it does not count', () => {
    const top = cleaner.clean(['Bola', 'Senin, 03 Mar 2025 09:12 WIB', 'Jakarta - Persib menang 2-1 atas Persija, Minggu malam.'], { url: null, source: null });
    expect(top.dropped.map((d) => d.rule)).toContain('common.page.date-header');
    const timeline = ['Pemerintah memberi waktu transisi bagi rumah sakit. Berikut tahapannya:', '30 Juni 2025', 'Batas akhir penerapan kelas rawat inap standar.'];
    expect(cleaner.clean(timeline, { url: null, source: null }).paragraphs).toEqual(timeline);
  });

  it('is a boolean rule key', async () => {
    const { validateRule } = await import('../src/clean/index.js');
    const rule = { id: 'my.header', reason: 'x', kind: 'line', pattern: '^kepala$', aboveStory: true, examples: { drop: ['kepala'], keep: ['Cerita.\nkepala'] } };
    expect(validateRule(rule, 'rules.add[0]')).toEqual([]);
    expect(validateRule({ ...rule, aboveStory: 'yes' }, 'rules.add[0]').map((i) => i.path)).toEqual(['rules.add[0].aboveStory']);
  });
});

describe('a related list followed by a bold sub-heading', () => {
  it('ends at the bold line: "**2 Mei 2025**" is the timeline going on, not one more bulleted headline', () => {
    const lines = [
      'Peneliti mencocokkan contoh data itu dengan nomor telepon responden.',
      'Baca juga:',
      '- [Komdigi Siapkan Sanksi Denda](https://example.id/a)',
      '* Serangan Ransomware Naik 38% pada 2024',
      '**2 Mei 2025**',
      'Perusahaan menyatakan sedang menyelidiki klaim tersebut.',
    ];
    const r = cleaner.clean(lines, { url: null, source: null });
    expect(r.paragraphs).toEqual([lines[0], lines[4], lines[5]]);
    expect(r.dropped.map((d) => d.rule)).toEqual(['id.related.baca-list', 'id.related.baca-list', 'id.related.baca-list']);
  });
});
