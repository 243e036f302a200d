import type { RulePack } from '../../domain/types.js';
import { DATE_TIME, LEAD, NAME_SEGMENT, NAME_WORD, anyCase } from './shapes.js';

/** Photo agencies and stock libraries that captions credit. */
const PHOTO_SOURCE = String.raw`(?:freepik|shutterstock|istock(?:photo)?|unsplash|pexels|pixabay|getty\s+images|istimewa|antara\s+foto|dok\.?\s+pribadi|(?:ap|afp|epa)\s+photo)`;
/** A portal or desk that a byline names after the writer ("- detikNews", "| CNN Indonesia"). */
const DESK = String.raw`(?:detik\p{L}*|[\p{L}\d\-]+\.(?:com|co\.id|id|tv|net)|CNN\s+Indonesia|CNBC\s+Indonesia|ANTARA|Antara|Tim\s+Redaksi|Redaksi|Jurnalis|Reporter|Kontributor|Wartawan|Koresponden)`;
/**
 * Writers' names: name words joined by spaces, commas, "&", "dan" or "and". One repeated group,
 * not copies of a segment: the name pattern is long, and its copies made up most of the byline
 * rule's regex compiling on first use.
 */
const WRITERS = String.raw`${NAME_WORD}(?:(?:\s*(?:[,&]|dan|and)\s*|\s+)${NAME_WORD}){0,11}`;
/** A byline's role label alone. */
const ROLE = String.raw`(?:${anyCase('reporter')}|${anyCase('editor')}|${anyCase('penulis')}|${anyCase('pewarta')}|${anyCase('kontributor')}|${anyCase('jurnalis')}|${anyCase('fotografer')}|${anyCase('penyunting')}|${anyCase('redaktur')}|${anyCase('writer')}|${anyCase('author')})`;
/** A label a byline starts with ("Oleh Rina Ayu", "Penulis Rina Ayu"). */
const BYLINE_LABEL = String.raw`(?:Oleh|OLEH|By|BY|Penulis|PENULIS|Reporter|REPORTER|Pewarta|Kontributor|Jurnalis|Wartawan)`;
/** What separates a byline's parts. */
const BYLINE_SEP = String.raw`\s*[-–—|•·,]\s*`;

/**
 * A list's lead-in, for rules that take short lines as page furniture (flags "u"): a line ending
 * with a colon, a list item, a line announcing a list ("Berikut nama-nama pemenangnya."), or a
 * sentence-case line with no closing punctuation ("Tim yang lolos ke semifinal"); not a Title
 * Case line (a headline, a site name) or a hashtag line.
 */
const LEAD_IN = String.raw`[:：]\s*$|^(?:[•*\-–·▪►»]|\d{1,2}[.)])\s|^(?![\p{Lu}\d]\S*(?:\s+(?:[\p{Lu}\d]\S*|[^\s\p{Lu}\d]\S{0,2}(?!\S)))*\s*$)[^#].*[\p{L}\d]\s*$|\b(?:[Bb]erikut(?:nya)?|[Aa]ntara\s+lain|[Dd]i\s+antaranya|[Yy]akni|[Yy]aitu|[Tt]he\s+following|[Aa]s\s+follows|[Bb]elow)\b[^.!?]{0,80}\.?\s*$`;

/**
 * A word of a headline in Title Case: capitalized, a short word, one with a digit ("ke-4"), or
 * one of the function words headlines keep in lower case (Indonesian and English). Each branch
 * takes a whole word; the pattern that uses it takes each word atomically, `(?=(W))\N`, so a
 * long line of short capitalized words cannot make it try every way of reading them (which
 * alternatives that overlap would: 2^n).
 */
const HEADLINE_WORD = String.raw`[\p{Lu}\d"“'‘(\[#]\S*|\S{1,3}(?!\S)|\S*\d\S*|(?:dari|yang|untuk|dalam|pada|dengan|atau|oleh|bagi|soal|usai|jelang|saat|hingga|sampai|tidak|akan|bisa|jadi|agar|karena|lagi|juga|antara|tentang|terhadap|sebagai|kepada|sejak|demi|lewat|buat|serta|meski|namun|with|from|into|over|after|about|than|that|this|their|amid|says|said)[,:]?(?!\S)`;

/** The id of the rule that drops a page's own headline: prepare takes the line as the title. */
export const HEADLINE_RULE = 'common.page.headline';

/**
 * Furniture that looks the same whatever the article's language: ad markers and leaked ad
 * scripts, embed placeholders, social embeds, copyright lines, a page header (headline, byline,
 * date, breadcrumb, menu, reading time), photo captions and credits, desk initials, share rows
 * and buttons, tags, pagination.
 */
export const common: RulePack = {
  id: 'common',
  description: 'Any language: ad markers and scripts, embed placeholders, copyright, initials, page headers, share rows, tags, pagination',
  sites: [],
  rules: [
    {
      id: 'common.ads.marker',
      reason: 'An ad slot label ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT") alone on its line',
      kind: 'line',
      maxLength: 150,
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
      maxLength: 150,
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
      id: 'common.page.image',
      reason: 'A Markdown image alone on its line (the text of an article has no place for it)',
      kind: 'line',
      maxLength: 600,
      pattern: String.raw`^\s*(?:\[\s*)?!\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*\S*(?:\s+"[^"]*")?\s*\)(?:\s*\]\(\s*\S*\s*\))?\s*$`,
      examples: {
        drop: ['![Ilustrasi kemacetan](https://cdn.example.id/2025/03/macet.jpg?w=700)', '[![Foto](https://cdn.example.id/a.jpg)](https://example.id/galeri)', '![](https://cdn.example.com/x.png "Banjir")', '![Ilustrasi nyamuk. [Freepik]](https://cdn.example.id/nyamuk.jpg)'],
        keep: ['Lihat grafik ![ikon](https://example.id/i.png) di atas, kata dia.', 'Gambar ![itu] beredar sejak Senin.'],
      },
    },
    {
      id: 'common.related.link-alone',
      reason: 'A Markdown link alone on its line: a related-article card or a button, not text',
      kind: 'line',
      maxLength: 600,
      pattern: String.raw`^\s*\[[^\]]{3,200}\]\(\s*https?:\/\/[^)\s]+\s*\)\s*$`,
      examples: {
        drop: ['[Banjir Rendam Tiga Kecamatan, Ribuan Warga Mengungsi](https://www.example.com/nasional/2025-banjir)'],
        keep: ['Pendaftaran dibuka di [situs resmi](https://spmb.example.go.id) hingga Jumat.', '- [Situs KPU](https://kpu.example.go.id)'],
      },
    },
    {
      id: 'common.page.date-header',
      reason: 'The publication date or time alone on a line near the top ("Senin, 03 Mar 2025 09:12 WIB", "3 hours ago")',
      kind: 'line',
      aboveStory: true,
      flags: 'u',
      firstLines: 8,
      maxLength: 120,
      pattern: String.raw`^(?:[\p{L}\d\-]+\.(?:com|COM|co\.id|CO\.ID|id|ID|tv|TV|net|NET|org|ORG)\s*[-–—|]\s*|[\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)?\s*[●•·|]\s*)?${DATE_TIME}$`,
      examples: {
        drop: [
          'Senin, 03 Mar 2025 09:12 WIB',
          'Kamis, 13 Maret 2025 | 19:45 WIB',
          'Kompas.com - 12/03/2025, 16:41 WIB',
          'Diperbarui 05 Mar 2025, 10:30 WIB',
          'Updated 8:47 PM PST, March 5, 2025',
          'Wed 12 Mar 2025 06.00 GMT',
          'March 12, 2025 11:32 AM GMT+8Updated 2 hours ago',
          '4th March 2025 18:20',
          '3 hours ago',
          '2 jam yang lalu',
          'Jakarta ● Wed, October 8, 2025',
          '04 Mar 2025 11:26AM (Updated: 04 Mar 2025 03:51PM)',
        ],
        keep: ['Pada Senin (12/8/2024), polisi menangkap dua tersangka.', 'Maret 2025 menjadi bulan terpanas, kata BMKG.', 'Senin pagi, 3 Maret, hujan turun deras.', 'Berikut tahapannya:\n30 Juni 2025\nBatas akhir penerapan kelas rawat inap.'],
      },
    },
    {
      id: 'common.page.section-header',
      reason: 'The portal and section named alone near the top ("tirto.id - Pendidikan", "Kompas.tv nasional cuaca")',
      kind: 'line',
      aboveStory: true,
      firstLines: 4,
      maxLength: 60,
      pattern: String.raw`^[\p{L}\d\-]+\.(?:com|co\.id|id|tv|net)(?:(?:\s*[-–—|>»]\s*|\s+)\p{L}+){1,3}$`,
      examples: {
        drop: ['tirto.id - Pendidikan', 'Kompas.tv nasional cuaca'],
        keep: ['Kompas.com melaporkan harga beras naik.', 'detik.com/berita'],
      },
    },
    {
      id: 'common.page.breadcrumb',
      reason: 'The page\'s breadcrumb trail near the top ("Home › Hukum", "Home » Palembang", "Bola / Liga Indonesia")',
      kind: 'line',
      aboveStory: true,
      firstLines: 8,
      maxLength: 120,
      // Two to five short segments joined by a path mark (a Markdown trail is tried as its
      // text); "/" only between segments of at most three words.
      pattern: String.raw`^(?:[\p{L}\d][\p{L}\d .&'’\-]{0,30}?(?:\s*[›»>]\s*[\p{L}\d][\p{L}\d .&'’\-]{0,30}?){1,4}|[\p{L}\d][\p{L}\d&'’\-]*(?:\s+[\p{L}\d&'’\-]+){0,2}(?:\s+\/\s+[\p{L}\d][\p{L}\d&'’\-]*(?:\s+[\p{L}\d&'’\-]+){0,2}){1,3})\s*[›»>]?$`,
      examples: {
        drop: ['Home › Hukum', 'Home » Palembang', 'Bola / Liga Indonesia', 'Home > Daerah > Jawa Barat', 'Khazanah / Hikmah'],
        keep: ['Harga naik 5 persen > inflasi bulan lalu, kata BPS.', 'Paragraf pembuka berita.\nHome › Hukum'],
      },
    },
    {
      id: 'common.page.reading-time',
      reason: 'The date with the reading time beside it near the top ("25 Mei 2025 14:05 WIB · 5 menit baca")',
      kind: 'line',
      aboveStory: true,
      flags: 'u',
      firstLines: 8,
      maxLength: 120,
      pattern: String.raw`^(?:${DATE_TIME})?\s*[·•|,\-–]?\s*(?:(?:[Ww]aktu\s+)?[Bb]aca\s+\d{1,3}\s+(?:menit|detik)|\d{1,3}\s+(?:menit\s+(?:baca|membaca)|min(?:ute)?s?\s+read))$`,
      examples: {
        drop: ['25 Mei 2025 14:05 WIB · 5 menit baca', '24 Juni 2025 14:10 WIB · waktu baca 2 menit', 'Baca 10 detik', '5 menit baca', 'March 4, 2025 · 3 min read'],
        keep: ['Waktu baca rata-rata siswa naik menjadi 5 menit sehari.', 'Paragraf pembuka berita.\n24 Juni 2025 · baca 2 menit'],
      },
    },
    {
      id: 'common.page.view-count',
      reason: 'How many times the article was read or liked ("Dibaca: 1.204 kali", "Suka 37", "1.2K views")',
      kind: 'line',
      maxLength: 40,
      pattern: String.raw`^(?:dibaca\s*:?\s*[\d.,]+\s*(?:kali|x)?|[\d.,]+\s*(?:kali\s+dibaca|x\s+dibaca|views?|dilihat)|[\d.,]+\s*[kKrRbB]?\s+views?|suka\s+[\d.,]+|[\d.,]+\s+suka)$`,
      examples: {
        drop: ['Dibaca: 1.204 kali', 'Suka 37', '1.204 kali dibaca', '3,2K views'],
        keep: ['Dibaca 1.204 kali, unggahan itu lalu dihapus.', 'Suka atau tidak, harga naik.'],
      },
    },
    {
      id: 'common.page.nav-menu',
      reason: 'The site\'s navigation menu copied above the story: three or more short capitalized lines in a row ("Nasional" / "Ekonomi" / "Olahraga")',
      kind: 'block',
      aboveStory: true,
      flags: 'u',
      firstLines: 15,
      maxLength: 30,
      minNext: 2,
      maxNext: 20,
      pattern: String.raw`^[\p{Lu}][\p{L}\d&'’\-]*(?:\s+[\p{Lu}\d][\p{L}\d&'’\-]*){0,2}$`,
      next: String.raw`^[\p{Lu}][\p{L}\d&'’\-]*(?:\s+[\p{Lu}\d][\p{L}\d&'’\-]*){0,2}$`,
      // A story that opens with its list ("Tim yang lolos ke semifinal" / "Persib" / ...).
      notAfter: LEAD_IN,
      examples: {
        drop: ['Nasional\nEkonomi\nInternasional\nOlahraga', 'Home\nSamarinda\nBalikpapan\nBisnis'],
        keep: ['Tim yang lolos ke semifinal\nPersib\nPersija\nBali United', 'Berikut daftarnya:\nJakarta\nBandung\nSurabaya'],
      },
    },
    {
      id: HEADLINE_RULE,
      reason: 'The page\'s own headline copied above the story: a Title Case line of five words or more near the top, with no sentence punctuation at its end (kliping takes it as the title)',
      kind: 'line',
      aboveStory: true,
      flags: 'u',
      firstLines: 8,
      maxLength: 200,
      // Every word capitalized (or a number) except short words and the function words that
      // headlines leave in lower case ("Jaksa Tuntut Eks Kadinkes 9 Tahun Penjara dalam Kasus
      // Alkes"); a sentence has lower-case content words. Five words at least, so that a byline
      // ("Nama Penulis - Sport") or a label is not taken for one; only above the story.
      pattern: String.raw`^(?:#{1,2}\s+)?(?=(?:\S+\s+){4}\S)(?=.{25})(?=(${HEADLINE_WORD}))\1(?:\s+(?=(${HEADLINE_WORD}))\2)*(?<![.,:;"”’')])$`,
      examples: {
        drop: [
          'Daftar Tim Lolos Semifinal Piala AFF U-23 2025, Indonesia Juara Grup A',
          'Jaksa Tuntut Eks Kadinkes Bengkalis 9 Tahun Penjara dalam Kasus Alkes',
          '# IHSG Ditutup Menguat 1,2 Persen, Asing Borong Saham Perbankan',
          'Sewage Discharged Near Beaches Almost Doubled This Summer',
          '# Kasus DBD Anak Melonjak, Dokter Ingatkan Fase Kritis Hari ke-4',
        ],
        keep: [
          'Polisi menangkap dua tersangka di Jalan Sudirman pada Senin malam.',
          'Harga cabai naik lagi di pasar tradisional Jakarta',
          'Nama Penulis - Sport',
          'Bank Indonesia Tahan Suku Bunga.',
          'Paragraf pembuka berita.\nHarga Cabai Naik Lagi di Pasar Induk Kramat Jati',
        ],
      },
    },
    {
      id: 'common.credit.byline-header',
      reason: 'The writer named near the top with the portal, the desk or the date ("Rina Ayu - detikNews", "Oleh Rina Ayu pada 05 Mar 2025")',
      kind: 'line',
      aboveStory: true,
      flags: 'u',
      firstLines: 6,
      maxLength: 160,
      // The lookahead asks for a marker beside the names (a label, a "|", a publication in
      // brackets, a date's digits, the portal or desk at the end): a headline in Title Case at
      // the top ("Harga Cabai Naik Lagi, Warga Mengeluh") has none and is not taken for a byline
      // (common.page.headline takes it, as the title). One pattern with
      // the names and the date written once: as alternatives, its first use cost ~35 ms of
      // regex compiling.
      pattern: String.raw`^(?=${BYLINE_LABEL}\s*[:：]?\s|[^|(\d]*[|(\d]|.*${DESK}$)(?:${BYLINE_LABEL}\s*[:：]?\s+)?${WRITERS}(?:${BYLINE_SEP}${NAME_SEGMENT})?(?:\s*\((?:The\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){1,3}\))?(?:${BYLINE_SEP}${DESK})?(?:(?:\s+(?:pada|on)\s+|${BYLINE_SEP})${DATE_TIME})?$`,
      examples: {
        drop: [
          'Nama Penulis - detikNews',
          'Tim | CNN Indonesia',
          'CNN Indonesia',
          'Oleh Nama Penulis pada 05 Mar 2025, 10:30 WIB',
          'Nama Penulis, Jurnalis · Selasa 11 Maret 2025 13:05 WIB',
          'Nama Penulis • 12 Maret 2025 10:32',
          'Penulis Nama Lengkap',
          'Nama Reporter | Nama Editor',
          'Nama Penulis (The Jakarta Post)',
          'Oleh: Nama Penulis - 14 Mei 2025 10:42 WIB',
        ],
        // Headlines are not bylines (a long one is common.page.headline's, and becomes the title).
        keep: ['Harga Cabai Naik', 'Jakarta - Presiden meresmikan bendungan baru.', 'Polisi Tangkap Dua Pelaku', 'Polisi Tangkap Dua Pelaku (Video)', 'Harga Naik, Warga Mengeluh'],
      },
    },
    {
      id: 'common.credit.photo-caption',
      reason: 'A photo caption that credits the photo ("Foto: ...", "... (Foto: Unsplash/Nama)", "... [Freepik]")',
      kind: 'line',
      maxLength: 300,
      // The credit at the end is searched for, not reached by a scan from the start (~0.6 µs a
      // story line).
      pattern: String.raw`^(?:foto|photo|photograph|gambar|image|ilustrasi|illustration|arsip\s+foto|file\s+photo)\s*[:：\-–]\s*\S.*$|\[\s*[^()\[\]/]{2,40}\/[^()\[\]]{2,40}\]\s*$|(?:[(\[]\s*(?:(?:foto\s+)?ilustrasi|(?:instagram|twitter|x|tiktok)\.com\/[\w.]+|(?:foto|photo|dok|dokumentasi|sumber\s+foto|kredit\s+foto|image|gambar)\s*[:.]?\s*[^()\[\]]{1,80}|sumber\s*:\s*[^()\[\]/]{1,40}\/[^()\[\]]{1,40}|${PHOTO_SOURCE}(?:\s*\/\s*[^()\[\]]{1,60})?|(?:instagram|twitter|x|tiktok|youtube|facebook|threads)\s*\/\s*@?[\w.]{1,40})\s*[)\]]|\.\s+(?:\p{L}{1,6}\s+)?(?:photograph|photo|foto|image)\s*:\s*(?:[^.]|\.(?!\s|$)){1,100}|\.\s+foto\s*\/\s*\S.{0,40}|\s\/\s*(?:instagram|twitter|x|tiktok)\s+@[\w.]+|\.\s+(?:dok\.?|dokumentasi)\s+\S.{0,60}|\.\s+©\s*(?:19|20)\d{2}\s+[^\s/]{1,40}(?:\/.{1,60})?)\s*\.?$`,
      examples: {
        drop: [
          'Foto: Ilustrasi kemacetan (Nama Fotografer/detikcom)',
          'Foto: dok. Persatuan Sepak Bola',
          'Ilustrasi demam berdarah. (Foto: Unsplash/Nama Fotografer)',
          'Suasana rapat paripurna DPR (Foto: Okezone)',
          'Ilustrasi penipuan daring. [Freepik]',
          'Ilustrasi. Modus penipuan lewat aplikasi pesan. (iStockphoto/Nama Fotografer)',
          'Poster film horor terbaru. [Instagram/@akunfilm]',
          'Flooded streets in north Jakarta on Monday. Photograph: Nama Fotografer/Reuters',
          'Polisi menunjukkan barang bukti. Foto: Nama Fotografer/JPNN.com',
          'Ilustrasi gedung perkantoran. Dok. Freepik',
          'Petugas memeriksa tanggul yang jebol. ©2025 Merdeka.com/Nama Fotografer',
          'Ilustrasi hujan deras. (Sumber: Kompas.tv/Ant)',
          'The new call filter flags known scam scripts. ST PHOTO: NAMA FOTOGRAFER',
          'Revisi undang-undang ditargetkan rampung tahun ini. Foto/Dok Portal',
          'Poster film terbaru. /Instagram @akunfilm',
          'Petugas melakukan pengasapan di permukiman warga. (ilustrasi)',
          'Band Nama saat tampil di studio (instagram.com/akunband)',
          'Ilustrasi garis polisi. ©2025 Portal.com',
          'Students talk during lunch in Ohio, Monday, Jan. 13, 2025. (AP Photo/Name Surname)',
          'Lawmakers cast their votes in Quito on September 17, 2025 [Name Surname/Outlet]',
          'Arsip foto - Rangkaian kereta melintas di Jakarta Utara. ANTARA FOTO/Nama',
        ],
        keep: [
          'Ia mengunggah foto itu di Instagram (akun @warga) pada Senin.',
          '"Kami siap," kata dia. (Tribunnews.com/Nama)',
          'Foto itu diambil pada 2019, kata polisi.',
          'Polisi menangkap pelaku pada Rabu (12/3/2025).',
        ],
      },
    },
    {
      id: 'common.credit.photo-caption-dated',
      reason: 'A photo caption near the top: the scene, its day and date, then the credit ("... Selasa (18/3/2025). (Portal/Nama)", "Ilustrasi ... . ANTARA FOTO/Nama")',
      kind: 'line',
      firstLines: 8,
      maxLength: 400,
      // Near the top only, and never with a quote or a speech verb: a story's last paragraph
      // ends the same way with a text credit glued to it ("..., kata dia, Senin (12/3/2025).
      // (Tribunnews.com/Nama)"). The first lookahead only asks for what a match must have (a
      // "(d/d" date or a leading "Ilustrasi"): most lines fail there, before the scan for quotes
      // and speech verbs (the first 8 lines of 1,000 articles: 13-21 ms -> 3-4 ms).
      pattern: String.raw`^(?=.*?\(\d{1,2}\/\d|ilustrasi\b)(?!.*(?:["“”]|\b(?:kata|ujar|ucap|tutur|jelas|ungkap|imbuh|tambah|terang|sebut)(?:nya)?\b))(?:.{0,300}\(\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\)\.?\s*(?:\(\s*[^()]{2,40}\/[^()]{2,60}\)|[-–—]?\s*[^\s()][^()]{0,40}\/[^()]{2,80})|ilustrasi\b.{0,200}\.\s+[^.\s][^.]{0,40}\/[^.]{2,60})\.?$`,
      examples: {
        drop: [
          'Petugas memotong pohon tumbang di Jalan Raya Solo, Selasa (4/11/2025). (Portal/Nama Fotografer)',
          'Pekerja mengaspal ruas tol di Sleman, Senin (24/3/2025). - Harian Kota/Nama Fotografer',
          'Pedagang melayani pembeli di pasar, Senin (1/9). Portal/Nama Fotografer',
          'Petugas memadamkan api di lahan gambut, Selasa (13/8/2024). ANTARA/HO-Nama Instansi/am.',
          'Ilustrasi mahasiswa penerima beasiswa. ANTARA FOTO/Nama Fotografer/nym.',
        ],
        keep: [
          '"Kami masih memburu pelaku," kata Kapolres, Senin (12/3/2025). (Tribunnews.com/Nama)',
          'Polisi menangkap pelaku pada Rabu (12/3/2025), ujar dia. (Tribunnews.com/Nama)',
          'Polisi menangkap pelaku pada Rabu (12/3/2025).',
        ],
      },
    },
    {
      id: 'common.related.link-list',
      reason: 'Two or more bulleted Markdown links in a row: a related-articles list',
      kind: 'block',
      maxLength: 600,
      minNext: 1,
      maxNext: 10,
      pattern: String.raw`^\s*[-*•]\s*\[[^\]]{3,200}\]\(\s*https?:\/\/[^)\s]+\s*\)\s*$`,
      next: String.raw`^\s*[-*•]\s*\[[^\]]{3,200}\]\(\s*https?:\/\/[^)\s]+\s*\)\s*$`,
      examples: {
        drop: ['- [Harga Emas Turun Lagi Hari Ini](https://example.com/a)\n- [Rupiah Menguat Tipis](https://example.com/b)'],
        keep: ['- [Situs KPU](https://kpu.example.go.id)\nPendaftaran ditutup Jumat.'],
      },
    },
    {
      id: 'common.page.tag-links',
      reason: 'A row of two or more Markdown links and nothing else: tags or topics',
      kind: 'line',
      pattern: String.raw`^\s*(?:\[[^\]]{1,60}\]\(\s*https?:\/\/[^)\s]+\s*\)[\s,|·•]*){2,}$`,
      examples: {
        drop: ['[pajak](https://example.com/tag/pajak) [iklan digital](https://example.com/tag/iklan-digital)'],
        keep: ['Baca [aturan](https://example.go.id/a) dan [jadwalnya](https://example.go.id/b) sebelum mendaftar.'],
      },
    },
    {
      id: 'common.credit.photo-alone',
      reason: 'A photo credit alone on its line ("SHUTTERSTOCK/NAMA", "Instagram/@akun", "Getty Images", "Istimewa")',
      kind: 'line',
      flags: 'u',
      maxLength: 80,
      pattern: String.raw`^(?:[\p{Lu}\d][\p{Lu}\d.&'\-]*(?:\s+[\p{Lu}\d][\p{Lu}\d.&'\-]*){0,3}\s*\/\s*[\p{Lu}][\p{Lu}\d.&'\-]*(?:\s+[\p{Lu}\d][\p{Lu}\d.&'\-]*){0,4}|(?:Instagram|Twitter|X|TikTok|Facebook|YouTube|Threads)\s*\/\s*@[\w.]+|(?:Sumber|SUMBER|Source)\s*:\s*(?:Instagram|Twitter|X|TikTok|YouTube|Facebook)\s+@[\w.]+|\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3}\s+for\s+(?:NPR|Reuters|AP|AFP|Bloomberg|CNN|BBC|The\s+\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+){0,3})|Getty\s+Images|Shutterstock|iStock(?:photo)?|Unsplash|Freepik|Pexels|Pixabay|Istimewa|ISTIMEWA|${anyCase('dok')}\.?\s*(?:Pribadi|PRIBADI|Istimewa|ISTIMEWA))\s*\.?$`,
      examples: {
        drop: ['SHUTTERSTOCK/NAMA FOTOGRAFER', 'Instagram/@akunartis', 'Getty Images', 'Istimewa', 'Dok. Pribadi', 'Sumber: Instagram @akunfilm', 'Nama Fotografer for NPR', 'Nama Fotografer for The New York Times'],
        keep: ['Getty Images menolak berkomentar.', 'Istimewa, kata dia, bukan kata yang tepat.', 'Health Care for Veterans'],
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
      maxLength: 60,
      pattern: String.raw`^(?:\(\s*[\p{L}*][\p{L}\d*]{0,7}(?:\s*[/,\-]\s*[\p{L}\d*][\p{L}\d*.\-]{0,24}){0,3}\s*\)|\[\s*[\p{L}*][\p{L}\d*]{0,7}(?:\s*[/,\-]\s*[\p{L}\d*][\p{L}\d*.\-]{0,24}){0,3}\s*\])\s*\.?$`,
      examples: {
        drop: ['(nwy/nwy)', '(ant/rda)', '(*)', '( RDN )', '(ANTARA)', '[ank]', '(mcr23/jpnn)', '(Z-2)', '(cr24/tribun-medan.com)'],
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
      id: 'common.credit.writer-paren',
      reason: 'The writer\'s name in brackets alone at the end ("(Nama Penulis)")',
      kind: 'line',
      flags: 'u',
      lastLines: 3,
      maxLength: 60,
      pattern: String.raw`^\(\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3}\)$`,
      examples: {
        drop: ['(Nama Penulis)'],
        keep: ['(Berita ini diperbarui pukul 14.00 WIB.)'],
      },
    },
    {
      id: 'common.page.share-row',
      reason: 'A row of share buttons ("Facebook Twitter WhatsApp Telegram Copy Link")',
      kind: 'line',
      maxLength: 200,
      pattern: String.raw`^(?:[\s|•·,/]*(?:share|bagikan|tweet|facebook|twitter|x|whatsapp|wa|telegram|line|linkedin|pinterest|reddit|email|e-mail|print|cetak|copy\s+link|copy\s+url|salin\s+(?:link|tautan)|messenger|instagram|tiktok|threads|link|comments?|komentar)[\s|•·,/:]*){2,}$`,
      examples: {
        drop: ['Facebook Twitter WhatsApp Telegram Copy Link', 'Share: Facebook | X | Email', 'Bagikan: WA Telegram'],
        keep: ['Facebook and Twitter were down for hours.', 'Twitter'],
      },
    },
    {
      id: 'common.page.share-column',
      reason: 'Share buttons one per line ("Facebook" / "X" / "LinkedIn" / "Copy")',
      kind: 'block',
      maxLength: 20,
      minNext: 1,
      maxNext: 10,
      pattern: String.raw`^(?:share|bagikan|facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|email|e-mail|print|copy|copy\s+link|salin(?:\s+link)?|threads|line)\W*$`,
      next: String.raw`^(?:share|bagikan|facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|email|e-mail|print|copy|copy\s+link|salin(?:\s+link)?|threads|line)\W*$`,
      // A story's own list of platforms sits under its lead-in ("Platform yang diblokir:").
      notAfter: String.raw`[:：]\s*$|^(?:[•*\-–·▪►»]|\d{1,2}[.)])\s`,
      examples: {
        drop: ['Copy\nFacebook\nX\nLinkedIn'],
        keep: ['Platform yang diblokir:\nFacebook\nX\nTelegram'],
      },
    },
    {
      id: 'common.page.tags',
      reason: 'Tag list ("Tag: a, b", "Topik: ...", "Keywords: ...")',
      kind: 'line',
      maxLength: 400,
      pattern: String.raw`${LEAD}(?:tags?|tagar|topik(?:\s+terkait)?|kata\s+kunci|keywords?|topics?|see\s+more\s+on)\s*[:：]\s*(?!.*\.\s)(?!.*[.!?]$)\S.*$`,
      examples: {
        drop: ['Tag: Jokowi, Pilpres 2024, KPU', 'TAGS: banjir jakarta, bmkg', 'Topik Terkait: Piala Dunia 2026', 'See more on: Ohio, Movie Theaters'],
        keep: ['Topik: kesehatan mental remaja dibahas dalam seminar itu.', 'Tag itu dipasang di setiap koper.'],
      },
    },
    {
      id: 'common.page.tags-block',
      reason: 'A "Tags" heading near the end with the tags listed one per line under it',
      kind: 'block',
      lastLines: 30,
      maxNext: 15,
      pattern: String.raw`${LEAD}(?:tags?|tagar|topik(?:\s+terkait)?|kata\s+kunci|keywords?|(?:suggested\s+|related\s+)?topics?|explore\s+more\s+on\s+these\s+topics)\s*[:：]?\s*$`,
      next: String.raw`^#?[^.!?:]{1,50}$`,
      examples: {
        drop: ['Tag\nJokowi\nPilpres 2024', 'Suggested Topics:\nCommodities\nEnergy', 'Explore more on these topics\nWater\nPollution\nReuse this content'],
        keep: ['Tag itu dipasang di setiap koper.'],
      },
    },
    {
      id: 'common.page.tags-trailing',
      reason: 'Tags listed one per line at the very end of the page, without a heading',
      kind: 'block',
      lastLines: 10,
      minNext: 1,
      maxNext: 12,
      // Two or more short lines of a few words with no sentence punctuation, after the story's
      // last sentence. Under a list's lead-in they are the story's list: the last line kept
      // above them ends with a colon, is a list item, announces a list ("Berikut nama-nama
      // pemenangnya."), or is a sentence-case line with no closing punctuation ("Tim yang lolos
      // ke semifinal"). A Title Case line ("Infografis Waspada DBD Saat Musim Hujan") or a
      // hashtag line left above page furniture is a headline or tags, not a lead-in: hence
      // the flags (case-sensitive, so \p{Lu} is a capital).
      flags: 'u',
      pattern: String.raw`^(?!(?:\S+\s+){4})#?[\p{L}\d][\p{L}\d &'’\-/]{0,30}$`,
      next: String.raw`^(?!(?:\S+\s+){4})#?[\p{L}\d][\p{L}\d &'’\-/]{0,30}$`,
      notAfter: LEAD_IN,
      examples: {
        drop: ['Pilkada 2024\nKPU\nMahkamah Konstitusi', 'narkoba\nsabu\nperedaran narkoba', 'Jakarta\nBanjir\nBMKG'],
        keep: [
          'Berikut daftarnya:\nJakarta\nBandung\nSurabaya',
          'Kota yang terdampak:\n- Jakarta\nBandung',
          'Tim yang lolos ke semifinal\nPersib\nPersija\nBali United',
          'Berikut nama-nama pemenangnya.\nAndi Saputra\nSiti Rahma',
          'BERIKUT DAFTARNYA:\nJakarta\nBandung',
        ],
      },
    },
    {
      id: 'common.page.hashtags',
      reason: 'A line of hashtags only',
      kind: 'line',
      maxLength: 300,
      pattern: String.raw`^(?:#[\p{L}\d_\-]+[\s,]*)+$`,
      examples: {
        drop: ['#Pemilu2024 #KPU #Jokowi', '#banjir', '#cuaca #prakiraan-cuaca'],
        keep: ['#Pemilu2024 jadi trending topic di X sejak pagi.'],
      },
    },
    {
      id: 'common.page.pagination',
      reason: 'Pagination ("Halaman 1 2 Selanjutnya", "Page 1 of 3", "Next page")',
      kind: 'line',
      maxLength: 150,
      // The first lookahead is the body's first token (implied by the body; it changes no
      // answer): story lines fail there instead of in the two scans of the whole line after it.
      pattern: String.raw`^(?:lanjut\s+ke\s+sebelah\W*|(?=[\s«»‹›<>|/\-–:.,()\[\]\d]|(?:halaman|hal|page|selanjutnya|berikutnya|sebelumnya|next|previous|prev|show\s+all|all|semua|tampilkan\s+semua|dari|of|ke|load\s+more|muat\s+lebih\s+banyak|lanjut(?:kan)?\s+(?:membaca|baca)|baca\s+(?:halaman|page)|bersambung|lanjut)\b)(?!.*[:：]\s*$)(?=.*\b(?:halaman|hal|page|selanjutnya|berikutnya|sebelumnya|next|previous|prev|show\s+all|tampilkan\s+semua|load\s+more|muat\s+lebih\s+banyak|lanjut(?:kan)?\s+(?:membaca|baca|ke\s+halaman)|bersambung)\b)(?:[\s«»‹›<>|/\-–:.,()\[\]]|\d{1,3}|\b(?:halaman|hal|page|selanjutnya|berikutnya|sebelumnya|next|previous|prev|show\s+all|all|semua|tampilkan\s+semua|dari|of|ke|load\s+more|muat\s+lebih\s+banyak|lanjut(?:kan)?\s+(?:membaca|baca)|baca\s+(?:halaman|page)|bersambung|lanjut)\b)+)$`,
      examples: {
        drop: ['Halaman 1 2 Selanjutnya', 'Lanjut ke sebelah...', 'BACA HALAMAN BERIKUTNYA', 'Page 1 of 3', 'Next page', '« Sebelumnya 1 2 3 Selanjutnya »', 'Halaman: 1 2 Show All', 'Bersambung ke halaman selanjutnya'],
        keep: ['Selanjutnya, polisi memeriksa 12 saksi.', 'Halaman 12 buku itu hilang.', 'Selanjutnya:', 'Berikutnya:'],
      },
    },
    {
      id: 'common.credit.name-then-header',
      reason: 'A writer\'s name alone near the top, followed by their role or the date ("Nama Penulis" / "Reporter")',
      kind: 'pair',
      aboveStory: true,
      flags: 'u',
      firstLines: 6,
      maxLength: 50,
      // Two or three words, then a line that is only a role or a date: a short headline at the
      // top is followed by the story, not by those.
      pattern: String.raw`^\p{Lu}[\p{L}'’.\-]+(?:\s+\p{L}[\p{L}'’.\-]*){1,2}$`,
      next: String.raw`^(?:${ROLE}|${DATE_TIME})$`,
      examples: {
        drop: ['Nama Penulis\nReporter', 'Nama Penulis\nKamis, 18 September 2025 | 15:47', 'Nama Lengkap Penulis\nDec 5, 2025, 14:20 WIB'],
        keep: ['Harga Beras Naik\nJakarta - Harga beras naik lagi pekan ini.'],
      },
    },
    {
      id: 'common.credit.role-alone',
      reason: 'A byline\'s role label alone on its line near the top ("Editor", "Reporter")',
      kind: 'line',
      aboveStory: true,
      firstLines: 8,
      pattern: String.raw`^${ROLE}$`,
      examples: {
        drop: ['Editor', 'Reporter', 'PENULIS'],
        keep: ['Editor itu membantah tuduhan.'],
      },
    },
    {
      id: 'common.credit.byline-block',
      reason: 'A byline label alone, with the writers\' names on the lines under it ("Oleh :" / "Nama Satu," / "Nama Dua")',
      kind: 'block',
      aboveStory: true,
      flags: 'u',
      firstLines: 8,
      minNext: 1,
      maxNext: 4,
      pattern: String.raw`^(?:${anyCase('oleh')}|${anyCase('by')}|${anyCase('penulis')}|${anyCase('reporter')})\s*[:：]?\s*$`,
      next: String.raw`^\p{Lu}[\p{L}'’.\-]+(?:\s+\p{L}[\p{L}'’.\-]*){0,4}\s*,?$`,
      examples: {
        drop: ['Oleh :\nNama Satu,\nNama Dua', 'By\nJane Doe'],
        keep: ['Oleh karena itu, warga diminta waspada.'],
      },
    },
    {
      id: 'common.credit.byline-block-end',
      reason: 'A credit label alone near the end, with the names on the lines under it ("Editor :" / "Nama Editor")',
      kind: 'block',
      flags: 'u',
      lastLines: 8,
      minNext: 1,
      maxNext: 3,
      pattern: String.raw`^(?:${anyCase('editor')}|${anyCase('penulis')}|${anyCase('reporter')}|${anyCase('pewarta')}|${anyCase('redaktur')}|${anyCase('oleh')})\s*[:：]\s*$`,
      next: String.raw`^\p{Lu}[\p{L}'’.\-]+(?:\s+\p{L}[\p{L}'’.\-]*){0,4}\s*,?$`,
      examples: {
        drop: ['Editor :\nNama Editor'],
        keep: ['Editor:\nKami tidak pernah menerima surat itu, katanya.'],
      },
    },
    {
      id: 'common.credit.photo-label',
      reason: 'A "Photo :" label alone, with the photo\'s credit on the next line',
      kind: 'pair',
      maxLength: 20,
      pattern: String.raw`^(?:photo|foto)\s*[:：]?\s*$`,
      next: String.raw`^(?!.*[.!?]\s*$).{1,60}$`,
      examples: {
        drop: ['Photo :\nDok. Persatuan Sepak Bola', 'Foto:\nVIVA/Nama Fotografer'],
        keep: ['Foto itu diambil pada Senin.'],
      },
    },
    {
      id: 'common.page.stray',
      reason: 'A stray control left by the page: a line of at most three signs or digits, the "A A A" text-size buttons, "loading..."',
      kind: 'line',
      maxLength: 20,
      pattern: String.raw`^(?:[^\p{L}]{1,3}|(?:A\s*){1,3}|(?:loading|memuat)(?:\.{1,3}|…)?)$`,
      examples: {
        drop: ['·', '0', 'A', 'A A A', 'loading...', '1'],
        keep: ['A. Rahman, warga setempat, melapor ke polisi.', 'Ada 3.'],
      },
    },
    {
      id: 'common.page.buttons',
      reason: 'A page button or widget label alone on its line ("Like", "Bookmark", "Follow Us", "waktu baca 3 menit")',
      kind: 'line',
      maxLength: 100,
      pattern: String.raw`^[\s\p{Extended_Pictographic}]*(?:like|suka|bookmark|verified|terverifikasi|follow\s+us|ikuti\s+kami|share\s+(?:this\s+)?article|share\s+this|bagikan\s+artikel|change\s+(?:text\s+|font\s+)?size|ubah\s+ukuran\s+(?:teks|huruf)|click\s+here\s+to\s+share(?:\s+on\s+social\s+media)?|share\d*|end\s+of\s+list|download\s+here|join\s+here|get\s+whatsapp\s+alerts|newsletter|recommended\s+by\s+our\s+editors|waktu\s+baca\s+\d+\s+menit|\d+\s+menit\s+(?:baca|membaca)|dibaca\s+(?:normal\s+)?\d+\s+menit|supported\s+by|share\s+full\s+article|playlist|download|embed|transcript|ad\s+feedback|listen|subscribe|\d{1,2}\s+min|why\s+you\s+can\s+trust\s+\S+|listen\s*[·•|]\s*\d{1,2}:\d{2}|\d+-minute\s+listen|listen\s+to\s+(?:this\s+)?article\s*[|·•]\s*\d+\s+mins?)\W*$`,
      examples: {
        drop: ['Like', 'Bookmark', 'Follow Us', 'waktu baca 3 menit', 'Listen to this article | 4 mins', 'Share article', 'share2', 'Dibaca Normal 3 menit', 'Listen · 4:12', '4-Minute Listen', 'Transcript', 'Ad Feedback', 'Listen', '4 min', 'Subscribe'],
        keep: ['Like many others, she left early.', 'Newsletter itu dikirim setiap pekan.'],
      },
    },
    {
      id: 'common.page.email-alone',
      reason: 'An e-mail address alone on its line (a desk\'s contact under the story)',
      kind: 'line',
      maxLength: 100,
      pattern: String.raw`^[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$`,
      examples: {
        drop: ['research@example.co.id'],
        keep: ['Laporan dapat dikirim ke pengaduan@example.go.id paling lambat Jumat.'],
      },
    },
    {
      id: 'common.video.social-embed',
      reason: 'The text of an embedded social post ("View this post on Instagram", "A post shared by ...")',
      kind: 'line',
      maxLength: 160,
      pattern: String.raw`^(?:view\s+this\s+(?:post|profile|video)\s+on\s+(?:instagram|facebook|tiktok|x|twitter)|a\s+post\s+shared\s+by\s+[^.]{1,100}|lihat\s+(?:postingan|kiriman)\s+ini\s+di\s+instagram|sebuah\s+kiriman\s+dibagikan\s+oleh\s+[^.]{1,100})$`,
      examples: {
        drop: ['View this post on Instagram', 'A post shared by Nama Artis (@akunartis)'],
        keep: ['A post shared by the minister was deleted hours later, officials said.'],
      },
    },
    {
      id: 'common.credit.source-end',
      reason: 'A "Source: ..." / "Sumber: ..." credit at the end of the story',
      kind: 'line',
      lastLines: 6,
      maxLength: 80,
      pattern: String.raw`^(?:source|sumber)\s*[:：]\s*[^.!?,;:]{1,60}$`,
      examples: {
        drop: ['Source: Al Jazeera and news agencies', 'Sumber : BMKG', 'Source: CNA/ab(cd)'],
        keep: ['Sumber: Badan Pusat Statistik, data diolah tim riset.'],
      },
    },
    {
      id: 'common.page.page-numbers',
      reason: 'Page numbers of a paginated article ("1 2", "1 2 3 Selanjutnya")',
      kind: 'line',
      maxLength: 60,
      pattern: String.raw`^(?:1\s+2(?:\s+\d{1,2}){0,8}(?:\s*(?:[»›>]|selanjutnya|berikutnya|next)\W*)?|(?:halaman|hal\.?|page)\s*[:：])$`,
      examples: {
        drop: ['1 2', '1 2 3 Selanjutnya', '1 2 3 4 »', 'Halaman:'],
        keep: ['1 2 3, kata anak-anak itu bersama-sama.'],
      },
    },
    {
      id: 'common.page.separator',
      reason: 'A separator line ("___", "* * *") between the story and what follows',
      kind: 'line',
      maxLength: 60,
      pattern: String.raw`^(?:[_\-–—=*~•·]\s*){3,}$`,
      examples: {
        drop: ['___', '* * *', '———'],
        keep: ['— Selesai, kata dia.'],
      },
    },
    {
      id: 'common.page.comments',
      reason: 'Comment-box furniture ("Tulis komentar", "12 Comments")',
      kind: 'line',
      maxLength: 60,
      pattern: String.raw`^(?:\d+\s+)?(?:komentar|tulis\s+komentar|beri(?:kan)?\s+komentar|lihat\s+(?:semua\s+)?komentar|comments?|leave\s+a\s+comment|view\s+comments|show\s+comments|comment\s+on\s+this\s+(?:story|article))\W*$`,
      examples: {
        drop: ['Tulis komentar', '12 Comments', 'Komentar'],
        keep: ['Komentar itu memicu perdebatan di DPR.'],
      },
    },
  ],
};
