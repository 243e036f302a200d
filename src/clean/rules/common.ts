import type { RulePack } from '../../domain/types.js';
import { LEAD } from './shapes.js';

/**
 * Furniture that looks the same whatever the article's language: ad markers and leaked ad
 * scripts, embed placeholders, copyright lines, desk initials, share rows, tags, pagination.
 */
export const common: RulePack = {
  id: 'common',
  description: 'Any language: ad markers and scripts, embed placeholders, copyright, initials, share rows, tags, pagination',
  sites: [],
  rules: [
    {
      id: 'common.ads.marker',
      reason: 'An ad slot label ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT") alone on its line',
      kind: 'line',
      pattern: String.raw`^[\s\-–—*_=\[(|]*(?:advertisement|advertisment|advertising|advertorial|iklan|ads?|sponsored|sponsor(?:ed)?\s+content|konten\s+(?:bersponsor|sponsor)|scroll\s+(?:down\s+)?(?:to|untuk|ke\s+bawah\s+untuk)\s+(?:continue|resume|keep|melanjutkan|lanjut|read)(?:\s+\p{L}+){0,4}|gulir\s+(?:ke\s+bawah\s+)?untuk\s+(?:melanjutkan|lanjut|membaca)(?:\s+\p{L}+){0,3}|(?:story|article|content|text)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|continue\s+reading\s+(?:below|the\s+main\s+story)|skip\s+(?:advertisement|ad)|berita\s+berlanjut\s+di\s+bawah(?:\s+iklan)?|lanjutkan\s+membaca(?:\s+di\s+bawah)?|artikel\s+berlanjut\s+(?:di\s+bawah|setelah\s+iklan)(?:\s+iklan)?)(?:[\s·•|\-–—:.]+(?:advertisement|advertisment|advertising|advertorial|iklan|ads?|sponsored|sponsor(?:ed)?\s+content|konten\s+(?:bersponsor|sponsor)|scroll\s+(?:down\s+)?(?:to|untuk|ke\s+bawah\s+untuk)\s+(?:continue|resume|keep|melanjutkan|lanjut|read)(?:\s+\p{L}+){0,4}|gulir\s+(?:ke\s+bawah\s+)?untuk\s+(?:melanjutkan|lanjut|membaca)(?:\s+\p{L}+){0,3}|(?:story|article|content|text)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|continue\s+reading\s+(?:below|the\s+main\s+story)|skip\s+(?:advertisement|ad)|berita\s+berlanjut\s+di\s+bawah(?:\s+iklan)?|lanjutkan\s+membaca(?:\s+di\s+bawah)?|artikel\s+berlanjut\s+(?:di\s+bawah|setelah\s+iklan)(?:\s+iklan)?))*[\s\-–—*_=\])|.:]*$`,
      examples: {
        drop: ['ADVERTISEMENT', '- Advertisement -', 'Advertisement · Scroll to continue', 'SCROLL TO RESUME CONTENT', 'SCROLL TO CONTINUE WITH CONTENT', 'Story continues below advertisement', 'Iklan', 'Scroll untuk melanjutkan membaca'],
        keep: ['Advertisement revenue rose 12 percent in the quarter.', 'Iklan rokok dilarang di dekat sekolah.'],
      },
    },
    {
      id: 'common.ads.script',
      reason: 'Ad or tracking script leaked into the text (googletag, adsbygoogle, a bare brace line)',
      kind: 'line',
      pattern: String.raw`googletag\s*\.|adsbygoogle|div-gpt-ad|<\/?(?:script|ins|iframe|noscript)\b|\bdocument\.write\s*\(|\bwindow\.[\w$]+\s*(?:=|\.push|\()|\bpbjs\.|\bapstag\.|__tcfapi|\bfbq\s*\(|\bgtag\s*\(|\b_taboola\b|\bdataLayer\.push|\bfunction\s*\(\s*\)\s*\{|^\s*[{}()\[\];,]+\s*$|^\s*(?:var|let|const)\s+[\w$]+\s*=.*;\s*$|^\s*(?:if|for|while)\s*\(.*\)\s*\{\s*$|=>\s*\{|\btypeof\s+window\b`,
      examples: {
        drop: [
          "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1234-0'); });",
          '(adsbygoogle = window.adsbygoogle || []).push({});',
          '});',
          'var slot = "top";',
          "if (typeof window.ads !== 'undefined') {",
        ],
        keep: ['Google menolak berkomentar soal iklan politik.', 'Ia menulis kode (sederhana) di papan tulis.'],
      },
    },
    {
      id: 'common.video.embed',
      reason: 'Embed placeholder such as "[Gambas:Video 20detik]" or "[Video]"',
      kind: 'line',
      pattern: String.raw`^[\s(]*\[\s*(?:gambas\s*:[^\]]*|(?:embedded\s+)?(?:video|embed|instagram|twitter|youtube|tiktok|facebook|tweet|infografis|podcast)(?:\s*:[^\]]*)?)\s*\][\s)]*$`,
      examples: {
        drop: ['[Gambas:Video 20detik]', '[Gambas:Instagram]', '[Video]', '[Gambas:Video CNN]'],
        keep: ['[Jakarta] Warga memadati stasiun pagi ini.', 'Video [yang diunggah warga] itu viral.'],
      },
    },
    {
      id: 'common.video.label',
      reason: '"Video: <title>" / "VIDEO: <title>" caption of an embedded video',
      kind: 'line',
      maxLength: 200,
      pattern: String.raw`${LEAD}(?:video|vidio|\[video\])\s*[:：|]\s*\S.{0,180}$`,
      examples: {
        drop: ['Video: Detik-detik Tanggul Jebol di Bekasi', 'VIDEO: Macron meets Putin in Moscow'],
        keep: ['Video viral itu memperlihatkan warga mengejar maling.', 'Video itu: bukti yang dicari polisi.'],
      },
    },
    {
      id: 'common.footer.copyright',
      reason: 'Copyright line ("Copyright © 2024 ...", "© 2024 ...", "All rights reserved")',
      kind: 'line',
      maxLength: 300,
      pattern: String.raw`${LEAD}(?:copyright\s*(?:©|\(c\)|(?:19|20)\d{2}\b)|©|\(c\)\s*(?:19|20)\d{2}\b|hak\s+cipta\s*(?:©|\(c\)|(?:19|20)\d{2}\b|dilindungi)|all\s+rights\s+reserved)|\ball\s+rights\s+reserved\W*$|\bhak\s+cipta\s+dilindungi\s+undang-undang\W*$`,
      examples: {
        drop: ['Copyright © 2024 Kompas.com', 'COPYRIGHT © ANTARA 2024', '© 2024 The Associated Press. All rights reserved.', 'Hak Cipta Dilindungi Undang-Undang'],
        keep: ['Copyright law changed in 2024, the court said.', 'Hak cipta lagu itu masih dipersoalkan di pengadilan.'],
      },
    },
    {
      id: 'common.credit.initials',
      reason: 'Desk initials closing a story ("(nwy/nwy)", "(ant/rda)", "(*)", "[ank]")',
      kind: 'line',
      pattern: String.raw`^(?:\(\s*[\p{L}*]{1,8}(?:\s*[/,\-]\s*[\p{L}*]{1,8}){0,3}\s*\)|\[\s*[\p{L}*]{1,8}(?:\s*[/,\-]\s*[\p{L}*]{1,8}){0,3}\s*\])\s*\.?$`,
      examples: {
        drop: ['(nwy/nwy)', '(ant/rda)', '(*)', '( RDN )', '(ANTARA)', '[ank]'],
        keep: ['(Harga dalam rupiah per kilogram)', '(Berita ini diperbarui pukul 14.00 WIB.)'],
      },
    },
    {
      id: 'common.credit.agency-paren',
      reason: 'Photo or text credit in brackets ("(Tribunnews.com/Nama)", "(Sumber: Antara)")',
      kind: 'line',
      maxLength: 120,
      pattern: String.raw`^(?:\(\s*(?:(?:[\w\-]+\.(?:com|id|co\.id)|antara(?:\s+foto)?|tribun\p{L}*|kompas\p{L}*|reuters|afp|ap|anadolu|xinhua)\s*/\s*[^()]{2,60}|(?:sumber|source|foto|photo|kredit)\s*:\s*[^()]{2,60})\)|(?:[\w\-]+\.(?:com|id|co\.id)|antara(?:\s+foto)?|tribun\p{L}*|kompas\p{L}*)\s*/\s*\p{L}[\p{L}.'\-]*(?:\s+\p{L}[\p{L}.'\-]*){1,5})\s*\.?$`,
      examples: {
        drop: ['(Tribunnews.com/Igman Ibrahim)', '(Sumber: Antara)', '(ANTARA/Rivan Awal Lingga)', 'KOMPAS.com/KRISTIANTO PURNOMO'],
        keep: ['(Berita ini diperbarui pukul 14.00 WIB.)', 'detik.com/berita'],
      },
    },
    {
      id: 'common.page.share-row',
      reason: 'A row of share buttons ("Facebook Twitter WhatsApp Telegram Copy Link")',
      kind: 'line',
      pattern: String.raw`^(?:[\s|•·,/]*(?:share|bagikan|tweet|facebook|twitter|x|whatsapp|wa|telegram|line|linkedin|pinterest|reddit|email|e-mail|print|cetak|copy\s+link|copy\s+url|salin\s+(?:link|tautan)|messenger|instagram|tiktok|threads|link|comments?|komentar)[\s|•·,/:]*){2,}$`,
      examples: {
        drop: ['Facebook Twitter WhatsApp Telegram Copy Link', 'Share: Facebook | X | Email', 'Bagikan: WA Telegram'],
        keep: ['Facebook and Twitter were down for hours.', 'Twitter'],
      },
    },
    {
      id: 'common.page.tags',
      reason: 'Tag list ("Tag: a, b", "Topik: ...", "Keywords: ...")',
      kind: 'line',
      maxLength: 400,
      pattern: String.raw`${LEAD}(?:tags?|tagar|topik(?:\s+terkait)?|kata\s+kunci|keywords?|topics?)\s*[:：]\s*(?!.*\.\s)(?!.*[.!?]$)\S.*$`,
      examples: {
        drop: ['Tag: Jokowi, Pilpres 2024, KPU', 'TAGS: banjir jakarta, bmkg', 'Topik Terkait: Piala Dunia 2026'],
        keep: ['Topik: kesehatan mental remaja dibahas dalam seminar itu.', 'Tag itu dipasang di setiap koper.'],
      },
    },
    {
      id: 'common.page.tags-block',
      reason: 'A "Tags" heading near the end with the tags listed one per line under it',
      kind: 'block',
      lastLines: 30,
      maxNext: 15,
      pattern: String.raw`${LEAD}(?:tags?|tagar|topik(?:\s+terkait)?|kata\s+kunci|keywords?|topics?)\s*[:：]?\s*$`,
      next: String.raw`^#?[^.!?:]{1,50}$`,
      examples: {
        drop: ['Tag\nJokowi\nPilpres 2024'],
        keep: ['Tag itu dipasang di setiap koper.'],
      },
    },
    {
      id: 'common.page.hashtags',
      reason: 'A line of hashtags only',
      kind: 'line',
      pattern: String.raw`^(?:#[\p{L}\d_]+[\s,]*)+$`,
      examples: {
        drop: ['#Pemilu2024 #KPU #Jokowi', '#banjir'],
        keep: ['#Pemilu2024 jadi trending topic di X sejak pagi.'],
      },
    },
    {
      id: 'common.page.pagination',
      reason: 'Pagination ("Halaman 1 2 Selanjutnya", "Page 1 of 3", "Next page")',
      kind: 'line',
      // The first lookahead is the body's first token (implied by the body; it changes no
      // answer): story lines fail there instead of in the two scans of the whole line after it.
      pattern: String.raw`^(?:lanjut\s+ke\s+sebelah\W*|(?=[\s«»‹›<>|/\-–:.,()\[\]\d]|(?:halaman|hal|page|selanjutnya|berikutnya|sebelumnya|next|previous|prev|show\s+all|all|semua|tampilkan\s+semua|dari|of|ke|load\s+more|muat\s+lebih\s+banyak|lanjut(?:kan)?\s+(?:membaca|baca)|baca\s+(?:halaman|page)|bersambung|lanjut)\b)(?!.*[:：]\s*$)(?=.*\b(?:halaman|hal|page|selanjutnya|berikutnya|sebelumnya|next|previous|prev|show\s+all|tampilkan\s+semua|load\s+more|muat\s+lebih\s+banyak|lanjut(?:kan)?\s+(?:membaca|baca|ke\s+halaman)|bersambung)\b)(?:[\s«»‹›<>|/\-–:.,()\[\]]|\d{1,3}|\b(?:halaman|hal|page|selanjutnya|berikutnya|sebelumnya|next|previous|prev|show\s+all|all|semua|tampilkan\s+semua|dari|of|ke|load\s+more|muat\s+lebih\s+banyak|lanjut(?:kan)?\s+(?:membaca|baca)|baca\s+(?:halaman|page)|bersambung|lanjut)\b)+)$`,
      examples: {
        drop: ['Halaman 1 2 Selanjutnya', 'Lanjut ke sebelah...', 'BACA HALAMAN BERIKUTNYA', 'Page 1 of 3', 'Next page', '« Sebelumnya 1 2 3 Selanjutnya »', 'Halaman: 1 2 Show All', 'Bersambung ke halaman selanjutnya'],
        keep: ['Selanjutnya, polisi memeriksa 12 saksi.', 'Halaman 12 buku itu hilang.', 'Selanjutnya:', 'Berikutnya:'],
      },
    },
    {
      id: 'common.page.comments',
      reason: 'Comment-box furniture ("Tulis komentar", "12 Comments")',
      kind: 'line',
      pattern: String.raw`^(?:\d+\s+)?(?:komentar|tulis\s+komentar|beri(?:kan)?\s+komentar|lihat\s+(?:semua\s+)?komentar|comments?|leave\s+a\s+comment|view\s+comments|show\s+comments)\W*$`,
      examples: {
        drop: ['Tulis komentar', '12 Comments', 'Komentar'],
        keep: ['Komentar itu memicu perdebatan di DPR.'],
      },
    },
  ],
};
