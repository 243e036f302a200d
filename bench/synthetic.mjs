// Deterministic synthetic articles for the benchmark: same seed, same bytes, on every machine.

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'pemerintah presiden menteri rakyat ekonomi harga pasar jakarta bandung surabaya warga polisi ' +
  'kebijakan anggaran daerah nasional pembangunan jalan tol banjir hujan musim kemarau petani ' +
  'nelayan sekolah guru siswa rumah sakit dokter pasien vaksin kesehatan pendidikan investasi ' +
  'bank rupiah dolar inflasi ekspor impor industri pabrik buruh upah minimum partai pemilu ' +
  'kampanye suara dewan perwakilan undang-undang hukum pengadilan hakim jaksa korupsi komisi ' +
  'olahraga sepak bola timnas pelatih pemain pertandingan stadion liga juara teknologi internet ' +
  'aplikasi digital startup data keamanan siber energi listrik minyak gas batu bara lingkungan ' +
  'hutan laut pantai pariwisata wisatawan budaya festival musik film transportasi kereta bandara'
).split(' ');
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

function sentence(rand, min, max) {
  const n = min + Math.floor(rand() * (max - min));
  const words = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rand() * WORDS.length)]);
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

function paragraph(rand) {
  const n = 2 + Math.floor(rand() * 3);
  return Array.from({ length: n }, () => sentence(rand, 8, 18)).join(' ');
}

/** The `i`-th synthetic article: ~3 KB of text with a dated lede and the usual promo lines. */
export function textArticle(i, options = {}) {
  const rand = prng(0x5eed + i);
  // Spread over ~3 years, ~90 a day at 100,000 articles.
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor((i * 86400000 * 1100) / (options.spread ?? 100000)));
  const dateText = `${DAYS[day.getUTCDay()]}, ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
  const lines = [`Jakarta - ${sentence(rand, 10, 16)} Hal itu disampaikan pada ${dateText}.`];
  let size = lines[0].length;
  while (size < 2900) {
    const p = paragraph(rand);
    lines.push(p);
    size += p.length;
    if (rand() < 0.12) lines.push(`Baca juga: ${sentence(rand, 5, 9)}`);
  }
  lines.push('Cek Berita dan Artikel yang lain di', 'Google News');
  const withUrl = i % 3 === 0;
  const front = withUrl ? `---\nurl: https://news.example.id/read/${i}/artikel-${i}\nsource: example\n---\n` : '';
  return `${front}${lines.join('\n')}\n`;
}

/**
 * The `i`-th synthetic HTML page (~6 KB) with metadata, an ad slot and a related box; with
 * `spread`, dated like textArticle(i, { spread }), else an hour apart from 2024.
 */
export function htmlArticle(i, options = {}) {
  const rand = prng(0xbeef + i);
  const title = sentence(rand, 6, 10).replace(/\.$/, '');
  const paras = [];
  let size = 0;
  while (size < 2900) {
    const p = paragraph(rand);
    paras.push(p);
    size += p.length;
  }
  const day = options.spread
    ? new Date(Date.UTC(2023, 0, 1) + Math.floor((i * 86400000 * 1100) / options.spread) + 36000000)
    : new Date(Date.UTC(2024, 0, 1) + i * 3600000);
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${title} - Contoh News</title>
<meta property="og:title" content="${title}"><meta property="article:published_time" content="${day.toISOString()}">
<link rel="canonical" href="https://html.example.id/berita/${i}">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"${title}","datePublished":"${day.toISOString()}"}</script>
</head><body><nav><a href="/">Beranda</a></nav><article><h1>${title}</h1>
${paras.map((p, k) => `<p>${p}</p>${k === 1 ? '<div class="ads">ADVERTISEMENT</div><p>Baca juga: <a href="/x">Berita lain</a></p>' : ''}`).join('\n')}
</article><aside class="related"><h3>Berita Terkait</h3><ul><li><a href="/a">A</a></li></ul></aside></body></html>
`;
}
