import type { RulePack } from '../../domain/types.js';

/**
 * Furniture common to Indonesian news portals. Every pattern keys on the marker's shape (a colon,
 * a known phrase, the whole line), never on a first word alone: "Baca" or "Cek" may start a
 * sentence of the story.
 */
export const idGeneric: RulePack = {
  id: 'id-generic',
  description: 'Indonesian portals: related links, Google News footers, sponsored lines',
  sites: [],
  rules: [
    {
      id: 'id.related.baca',
      reason: 'A "Baca:" / "Baca juga:" line links to another article',
      kind: 'line',
      pattern: String.raw`^[»›>•*\-–\s]*baca(?:\s+(?:juga|pula))?\s*:\s*\S`,
      examples: {
        drop: [
          'Baca: Usai Bertemu Presiden Prancis, Putin Siap Kompromi dengan Barat.',
          'Baca juga: Harga BBM Naik Lagi',
          'BACA JUGA : Jokowi Resmikan Tol',
          '» Baca Juga: Timnas Menang',
        ],
        keep: [
          'Bacaan doa ini dibaca setiap pagi.',
          'Baca buku adalah kegiatan yang ia sukai sejak kecil.',
          'Ia berkata: baca juga aturan sebelum mendaftar.',
        ],
      },
    },
    {
      id: 'id.related.baca-split',
      reason: 'A lone "Baca juga:" marker puts the linked headline on the next line',
      kind: 'pair',
      pattern: String.raw`^[»›>•*\-–\s]*baca(?:\s+(?:juga|pula))?\s*:?$`,
      next: String.raw`^.{1,200}$`,
      examples: {
        drop: ['Baca Juga:\nPemerintah Umumkan Libur Nasional'],
        keep: ['Baca juga aturannya sebelum mendaftar.'],
      },
    },
    {
      id: 'id.footer.google-news',
      reason: 'Call to follow the portal on Google News, on one line',
      kind: 'line',
      pattern: String.raw`^(?:cek|simak|ikuti|baca)\s+(?:berita|update|informasi)(?:\s+(?:dan|&)\s+artikel)?(?:\s+(?:yang\s+)?lain(?:nya)?)?\s+di\s+google\s+news\.?$`,
      examples: {
        drop: ['Cek Berita dan Artikel yang lain di Google News', 'Simak berita lainnya di Google News.'],
        keep: ['Google News kini menampilkan berita lokal lebih banyak.', 'Cek kesehatan gratis digelar di Google News Initiative.'],
      },
    },
    {
      id: 'id.footer.google-news-split',
      reason: 'Google News call to action split over two lines ("... di" then "Google News")',
      kind: 'pair',
      pattern: String.raw`^(?:cek|simak|ikuti|baca)\s+(?:berita|update|informasi)(?:\s+(?:dan|&)\s+artikel)?(?:\s+(?:yang\s+)?lain(?:nya)?)?\s+di\s*:?$`,
      next: String.raw`^google\s+news\.?$`,
      examples: {
        drop: ['Cek Berita dan Artikel yang lain di\nGoogle News'],
        keep: ['Cek kesehatan gratis digelar di puskesmas.\nGoogle News', 'Cek Berita dan Artikel yang lain di\nSitus resmi pemerintah daerah'],
      },
    },
    {
      id: 'id.ads.viral-klik',
      reason: 'Sponsored "Viral! ... klik : <link>" line',
      kind: 'line',
      pattern: String.raw`^viral\s*!.*\bklik\s*:\s*\S+$`,
      examples: {
        drop: [
          'Viral! 18 Kampus ternama memberikan beasiswa full sampai lulus untuk S1 dan S2 di Beasiswa OSC. Info lebih lengkap klik : osc.medcom.id',
        ],
        keep: [
          'Video viral itu memperlihatkan warga klik tautan palsu.',
          'Viral! Warga berbondong-bondong datang ke lokasi.',
        ],
      },
    },
  ],
};
