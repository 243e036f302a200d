import type { RulePack } from '../../domain/types.js';
import { BULLETED, CLOSE, COAX, COLON, HEADLINE, LEAD, NAMES, anyCase } from './shapes.js';

const BACA = String.raw`baca(?:\s+(?:juga|pula|lagi|selanjutnya|berikutnya|lainnya|artikel\s+(?:terkait|lainnya)|berita\s+(?:terkait|lainnya)))?`;
/** A "Baca juga" marker alone on its line, its colon optional: what a box or list of links follows. */
const BACA_ALONE = String.raw`${LEAD}${BACA}${CLOSE}(?:[:：]\s*)?$`;
const LIHAT = String.raw`(?:lihat|simak|cek)\s+(?:juga|pula)`;
/** Portal names that "Artikel ini telah tayang di ..." footers credit. */
const PORTAL = String.raw`(?:\S+\.(?:com|id|co\.id|net|org|tv)\b|detik\p{L}*|kompas\p{L}*|tribun\p{L}*|cnn\s*indonesia|cnbc\s*indonesia|liputan6|okezone|antara|tempo|jpnn|suara|republika|sindonews|viva|merdeka|kumparan|idn\s*times|medcom|tirto|katadata|bisnis|kontan|beritasatu|inews|metro\s*tv)`;
const SOCIAL = String.raw`(?:instagram|twitter|x|facebook|tiktok|youtube|threads|fanspage|media\s+sosial|sosial\s+media|medsos)`;
const CREDIT_LABEL = String.raw`(?:${anyCase('pewarta')}|${anyCase('editor')}|${anyCase('penulis')}|${anyCase('reporter')}|${anyCase('wartawan')}|${anyCase('kontributor')}|${anyCase('penyunting')}|${anyCase('redaktur')}|${anyCase('fotografer')}|${anyCase('videografer')}|${anyCase('koresponden')}|${anyCase('oleh')}|${anyCase('ditulis')}\s+oleh|${anyCase('diedit')}\s+oleh|${anyCase('penerjemah')}|${anyCase('editing')}|${anyCase('produser')})`;
const CREDIT = String.raw`${CREDIT_LABEL}(?:\s*(?:&|dan|\/)\s*${CREDIT_LABEL})?\s*[:：]\s*${NAMES}\s*\.?`;

/**
 * Furniture common to Indonesian news portals. Every pattern keys on the marker's shape (a colon,
 * a known phrase, the whole line, its position), never on a first word alone: "Baca", "Cek",
 * "Editor" or "Video" may start a sentence of the story.
 */
export const idGeneric: RulePack = {
  id: 'id-generic',
  description: 'Indonesian portals: related links, footers, promos, video, social, credits, page furniture',
  sites: [],
  rules: [
    // --- related links ---
    {
      id: 'id.related.baca',
      reason: 'A "Baca:" / "Baca juga:" line links to another article',
      kind: 'line',
      maxLength: 300,
      pattern: String.raw`${LEAD}${BACA}${CLOSE}(?:[:：»›|]|\s[-–—]\s|\.{3}|…)\s*\S`,
      examples: {
        drop: [
          'Baca: Usai Bertemu Presiden Prancis, Putin Siap Kompromi dengan Barat.',
          'Baca juga: Harga BBM Naik Lagi',
          'BACA JUGA : Jokowi Resmikan Tol',
          '» Baca Juga: Timnas Menang',
          '**Baca Juga:** [Harga Emas Turun](https://example.com/emas)',
          'Baca Selanjutnya: Gempa M 5,2 Guncang Sukabumi',
          'Baca juga » Rupiah Melemah Tipis',
          'Baca juga - Rupiah Melemah Tipis',
          '**BACA ARTIKEL LAINNYA...** [Banjir Rendam Jalan Lintas](https://example.id/a)',
        ],
        keep: [
          'Bacaan doa ini dibaca setiap pagi.',
          'Baca buku adalah kegiatan yang ia sukai sejak kecil.',
          'Ia berkata: baca juga aturan sebelum mendaftar.',
          'Baca juga aturannya sebelum mendaftar.',
        ],
      },
    },
    {
      id: 'id.related.baca-list',
      reason: 'A lone "Baca Juga" heading followed by a bulleted list of headlines',
      kind: 'block',
      maxLength: 40,
      pattern: BACA_ALONE,
      next: BULLETED,
      minNext: 1,
      maxNext: 6,
      examples: {
        drop: ['Baca Juga\n* Harga Emas Antam Naik Lagi\n* Rupiah Menguat di Awal Pekan', 'BACA JUGA:\n- Polisi Tangkap Pelaku Begal'],
        keep: ['Baca juga daftarnya:\n* Harga Emas Antam Naik Lagi'],
      },
    },
    {
      id: 'id.related.baca-box',
      reason: 'A lone "Baca Juga" heading with the box\'s headlines under it, unbulleted',
      kind: 'block',
      maxLength: 40,
      minNext: 2,
      maxNext: 4,
      pattern: BACA_ALONE,
      // Headlines of seven words or more, not numbered: a related box lists whole headlines,
      // and a story's sub-heading right under the box is shorter ("Gejala yang Perlu
      // Diwaspadai", "Warga Terpaksa Memutar 5 Kilometer") or numbered ("3. Jangan Tergiur
      // Hasil Instan"). With one headline in the box, baca-split takes the pair.
      next: String.raw`^(?=(?:\S+\s+){6}\S)(?!\d{1,2}[.)]\s)(?!.*[.,;:"”’'…]\s*$)\S.{2,158}$`,
      examples: {
        drop: ['Baca Juga\nHarga Emas Antam Naik Lagi Hari Ini, Cek Rinciannya\nRupiah Menguat di Awal Pekan Jelang Rilis Data Inflasi'],
        keep: ['Baca juga aturannya sebelum mendaftar.'],
      },
    },
    {
      id: 'id.related.baca-split',
      reason: 'A lone "Baca juga:" marker puts the linked headline on the next line',
      kind: 'pair',
      maxLength: 40,
      pattern: BACA_ALONE,
      next: HEADLINE,
      examples: {
        drop: ['Baca Juga:\nPemerintah Umumkan Libur Nasional', 'BACA JUGA\nViral, Pria Ini Nekat Terobos Banjir!'],
        keep: ['Baca juga aturannya sebelum mendaftar.', 'Bacaan juga:\nPemerintah Umumkan Libur Nasional'],
      },
    },
    {
      id: 'id.related.baca-alone',
      reason: 'A "Baca juga:" marker alone on its line (its link was not kept as text)',
      kind: 'line',
      maxLength: 40,
      pattern: String.raw`${LEAD}${BACA}${CLOSE}(?:[:：»]\s*)?$`,
      examples: {
        drop: ['Baca juga:', 'BACA JUGA'],
        keep: ['Baca juga aturannya.', 'Bacaan:'],
      },
    },
    {
      id: 'id.related.lihat-juga',
      reason: 'A "Lihat juga:" / "Simak juga:" line links to another article',
      kind: 'line',
      maxLength: 300,
      pattern: String.raw`${LEAD}${LIHAT}${CLOSE}${COLON}\s*\S`,
      examples: {
        drop: ['Lihat Juga : Harga Cabai Melonjak', 'Simak juga: Daftar Tol Gratis saat Lebaran', 'Cek juga: Jadwal SIM Keliling Hari Ini'],
        keep: ['Lihat juga bagaimana warga bergotong royong membersihkan sungai.', 'Simak juga kata dia: jangan mudah percaya.'],
      },
    },
    {
      id: 'id.related.lihat-juga-split',
      reason: 'A lone "Lihat juga:" marker puts the linked headline on the next line',
      kind: 'pair',
      maxLength: 40,
      pattern: String.raw`${LEAD}${LIHAT}${CLOSE}(?:[:：]\s*)?$`,
      next: HEADLINE,
      examples: {
        drop: ['Lihat Juga:\nPemprov DKI Siapkan 100 Bus Listrik'],
        keep: ['Lihat juga foto-fotonya:\nPemprov DKI Siapkan 100 Bus Listrik'],
      },
    },
    {
      id: 'id.related.lihat-juga-alone',
      reason: 'A "Lihat juga:" / "Simak juga:" marker alone on its line',
      kind: 'line',
      maxLength: 40,
      pattern: String.raw`${LEAD}${LIHAT}${CLOSE}[:：]\s*$`,
      examples: {
        drop: ['Simak juga:'],
        keep: ['Simak juga penjelasannya:'],
      },
    },
    {
      id: 'id.related.label-headline',
      reason: 'A related-article label and its headline ("Menarik Dibaca: ...", "Selanjutnya: ...", "Promosi ...")',
      kind: 'line',
      flags: 'u',
      maxLength: 200,
      // The headline after the label starts with a capital and does not end like a sentence:
      // "Selanjutnya: polisi akan memeriksa saksi." is story.
      pattern: String.raw`^(?:(?:Menarik\s+[Dd]ibaca|MENARIK\s+DIBACA|Selanjutnya|SELANJUTNYA|Berita\s+[Ss]elanjutnya|Artikel\s+[Ss]elanjutnya|Jangan\s+[Ll]ewatkan|JANGAN\s+LEWATKAN)\s*[:：]\s*|(?:Promosi|PROMOSI)\s+|(?:Next\s+[Aa]rticle|NEXT\s+ARTICLE)\s*[:：]?\s+)(?=\p{Lu}|\d)[^\n]{10,180}(?<![.!?"”])$`,
      examples: {
        drop: ['Menarik Dibaca: 5 Saham Dividen dengan Yield Jumbo', 'Selanjutnya: Bursa Asia Kompak Melemah Jelang Rilis Inflasi AS, Kamis (11/9)', 'Promosi Kisah Warung Kelontong yang Bertahan Berkat Pembayaran Digital', '**Next Article** [Komdigi Blokir 1.200 Situs dalam Sepekan](https://example.id/a)'],
        keep: ['Selanjutnya: polisi akan memeriksa saksi.', 'Selanjutnya, polisi memeriksa 12 saksi.', 'Promosi jabatan itu diumumkan Senin.'],
      },
    },
    {
      id: 'id.related.pilihan-editor',
      reason: 'A "Pilihan Editor:" / "Berita terkait:" line links to another article',
      kind: 'line',
      maxLength: 300,
      pattern: String.raw`${LEAD}(?:pilihan\s+(?:editor|redaksi)|rekomendasi\s+(?:editor|redaksi|berita|artikel)|(?:artikel|berita|konten)\s+(?:terkait|lainnya|pilihan)|terkait|baca\s+(?:berita|artikel)\s+(?:lainnya|terkait))${CLOSE}${COLON}\s*\S`,
      examples: {
        drop: ['Pilihan Editor: Jokowi Minta Menteri Fokus Kerja', 'Berita terkait: Banjir Rendam 3 Kecamatan', 'PILIHAN EDITOR : Harga Beras Turun'],
        keep: ['Pilihan editor itu dikritik banyak pembaca.', 'Berita terkait banjir kemarin menyebut 3 korban.'],
      },
    },
    {
      id: 'id.related.heading-block',
      reason: 'A "Berita Terkait" / "Artikel Lainnya" heading and the headlines listed under it',
      kind: 'block',
      maxLength: 100,
      pattern: String.raw`${LEAD}(?:(?:berita|artikel|konten|tulisan)\s+(?:terkait|lainnya|menarik|pilihan|populer|terpopuler|rekomendasi|terbaru(?:\s+lainnya)?|terkini|lain)|(?:berita|artikel)\s+lain(?:nya)?\s+(?:terkait|tentang|soal|seputar)\s+[^.!?,]{1,60}|baca\s+(?:berita|artikel)\s+(?:lainnya|terkait)|rekomendasi\s+(?:untuk\s+anda|berita|artikel|redaksi)|pilihan\s+(?:redaksi|editor)|terpopuler|terkini|berita\s+terkini|paling\s+banyak\s+dibaca|topik\s+(?:menarik|pilihan|populer|terkait|hangat)|(?:berita|artikel)\s+yang\s+(?:mungkin\s+)?(?:anda\s+)?(?:suka|lewatkan|terkait))${CLOSE}(?:[:：]\s*)?$`,
      next: HEADLINE,
      maxNext: 6,
      examples: {
        drop: ['Berita Terkait\nHarga Emas Naik Lagi\nRupiah Menguat', 'ARTIKEL LAINNYA:\n• Pemprov Siapkan Bus Gratis', 'Topik Menarik', 'Berita lain terkait Kasus Vina Cirebon\nPolisi Periksa Saksi Baru', 'Terkini\nJadwal Acara TV Hari Ini, Selasa 13 Mei 2025'],
        keep: ['Berita terkait banjir kemarin menyebut 3 korban.', 'Berita lain terkait kasus itu beredar luas.'],
      },
    },
    // --- footer promos ---
    {
      id: 'id.footer.google-news',
      reason: 'Call to follow the portal on Google News, on one line',
      kind: 'line',
      maxLength: 200,
      pattern: String.raw`^(?:cek|simak|ikuti|baca)\s+(?:berita|update|informasi)(?:\s*,?\s+(?:dan|&)?\s*(?:artikel|konten)(?:\s*,?\s*(?:dan|&)\s+konten)?)?(?:\s+(?:yang\s+)?lain(?:nya)?)?\s+di\s+google\s+news\.?$`,
      examples: {
        drop: ['Cek Berita dan Artikel yang lain di Google News', 'Simak berita lainnya di Google News.'],
        keep: ['Google News kini menampilkan berita lokal lebih banyak.', 'Cek kesehatan gratis digelar di Google News Initiative.'],
      },
    },
    {
      id: 'id.footer.google-news-split',
      reason: 'Google News call to action split over two lines ("... di" then "Google News")',
      kind: 'pair',
      maxLength: 120,
      pattern: String.raw`${LEAD}(?:cek|simak|ikuti|baca|dapatkan|update)\s+(?:berita|update|informasi|kami)(?:\s*,?\s+(?:dan|&)?\s*(?:artikel|konten))?(?:\s+(?:yang\s+)?(?:lain(?:nya)?|terkini|terbaru|menarik))?(?:\s+(?:dari\s+)?\S+)?\s+(?:di|via|melalui)\s*:?$`,
      next: String.raw`^[\s\p{Extended_Pictographic}]*google\s+news\W*$`,
      examples: {
        drop: ['Cek Berita dan Artikel yang lain di\nGoogle News', 'Ikuti berita terkini Tribunnews di\nGoogle News'],
        keep: ['Cek kesehatan gratis digelar di puskesmas.\nGoogle News', 'Cek Berita dan Artikel yang lain di\nSitus resmi pemerintah daerah'],
      },
    },
    {
      id: 'id.footer.google-news-cta',
      reason: 'Call to follow the portal on Google News, with the channel named at the end',
      kind: 'line',
      maxLength: 320,
      pattern: String.raw`${LEAD}(?:ikuti|follow|cek|simak|klik|gabung|bergabung|pantau|dapatkan|jangan\s+lupa|yuk|ayo|mari|update|baca|akses|temukan|lihat|tambahkan|pilih|nikmati)\b.{0,200}\bgoogle\s*news\b(?:(?:\s+[\p{L}\d.]+){0,3}(?<!\.)\s*[!]*|\s*[.!]*|\s*[,.:]?\s*(?:dengan\s+)?(?:klik|ketuk|tap|di\s*sini|disini|via|lewat|melalui)\b.{0,140}|\s*[:(]?\s*https?:\S*\)?)\s*$`,
      examples: {
        drop: [
          'Ikuti berita terkini dari Tempo di Google News, klik di sini.',
          'Dapatkan berita terbaru setiap hari dengan mengikuti kami di Google News',
          'Follow Berita Okezone di Google News',
          'Ikuti Google News Tribunnews.com',
          'Klik di sini untuk mengikuti saluran kami di Google News: https://news.google.com/publications/x',
        ],
        keep: [
          'Cek kesehatan gratis digelar di Google News Initiative.',
          'Pengguna kini bisa mengikuti topik lokal di Google News sejak pembaruan Maret lalu.',
          'Google News kini menampilkan berita lokal lebih banyak.',
        ],
      },
    },
    {
      id: 'id.footer.tayang',
      reason: '"Artikel ini telah tayang di <portal> dengan judul ..." syndication footer',
      kind: 'line',
      maxLength: 500,
      pattern: String.raw`${LEAD}(?:sebagian\s+)?(?:artikel|berita|tulisan|konten|materi)\s+ini\s+(?:(?:telah|sudah|juga|pernah|pertama\s+kali|sebelumnya|sebelumnya\s+telah)\s+)*(?:tayang|terbit|dimuat|diterbitkan|ditayangkan|dipublikasikan|diunggah|tersedia)\s+(?:di|pada|dalam|oleh|lebih\s+dulu\s+di)\b.*(?:dengan\s+judul|${PORTAL})`,
      examples: {
        drop: [
          'Artikel ini telah tayang di Kompas.com dengan judul "Harga Beras Naik Lagi", Klik untuk baca: https://money.kompas.com/read/2024/01/01/x.',
          'Artikel ini telah tayang di TribunJakarta.com dengan judul Banjir Rendam Kemang',
          'Sebagian artikel ini telah tayang di detikNews.',
          'Berita ini sudah terbit di Antaranews.com',
        ],
        keep: ['Berita ini telah tayang di televisi nasional dan memicu kemarahan warga.', 'Artikel ini membahas harga beras.'],
      },
    },
    {
      id: 'id.footer.baca-selengkapnya',
      reason: '"Baca artikel <portal>, "..." selengkapnya" / "Baca selengkapnya di ..." link to the full story',
      kind: 'line',
      maxLength: 400,
      pattern: String.raw`${LEAD}(?:baca\s+(?:artikel|berita)\s+\S+\s*,?\s*["“'‘].{3,250}["”'’]\s*selengkapnya\b.*|(?:baca|lihat|simak)\s+(?:(?:artikel|berita|informasi)\s+)?(?:selengkapnya|lengkapnya|lebih\s+lanjut|lanjutannya)(?:\s+(?:di|pada|dalam|klik|>>|»|:|di\s+sini|disini|berikut)\b.{0,120}|\s*(?:[>»:]+.{0,120})?)?\W*)$`,
      examples: {
        drop: [
          'Baca artikel detikfinance, "Harga Emas Hari Ini Naik" selengkapnya https://finance.detik.com/x',
          'Baca selengkapnya di sini',
          'Baca Selengkapnya »',
          'Baca berita selengkapnya di Kompas.id',
        ],
        keep: ['Baca selengkapnya aturan itu sebelum mendaftar, kata dia.', 'Baca artikel ilmiah membuatnya betah di perpustakaan.'],
      },
    },
    {
      id: 'id.footer.app',
      reason: 'Invitation to download the portal\'s app',
      kind: 'line',
      maxLength: 300,
      pattern: String.raw`${LEAD}${COAX}(?:(?:download|unduh|install|instal|pasang|dapatkan|gunakan|coba)\s+(?:sekarang\s+|juga\s+|segera\s+|gratis\s+)*(?:aplikasi|apps?)\b.*(?:sekarang|gratis|play\s*store|app\s*store|google\s*play|app\s*gallery|klik|di\s*sini|disini|https?:|\.com\b|\.id\b|detikcom|untuk\s+(?:android|ios|membaca|baca|akses|mendapatkan|pengalaman|info|berita|update))|(?:baca|nikmati|akses|dapatkan)\s+(?:berita|artikel|konten|informasi)\b.{0,80}\b(?:di|lewat|melalui|via|dengan)\s+aplikasi\b.*)`,
      examples: {
        drop: [
          'Download aplikasi Kompas.com untuk akses berita lebih mudah dan cepat: https://kmp.im/app6',
          'Unduh aplikasi detikcom sekarang!',
          'Baca berita lebih nyaman di aplikasi Tempo.',
          'Yuk, download aplikasi Liputan6.com sekarang juga!',
        ],
        keep: ['Unduh aplikasi PeduliLindungi menjadi syarat masuk mal.', 'Download aplikasi itu sudah mencapai satu juta kali, katanya.'],
      },
    },
    {
      id: 'id.footer.subscribe',
      reason: 'Subscription, login wall or paywall upsell',
      kind: 'line',
      maxLength: 300,
      pattern: String.raw`${LEAD}(?:(?:ayo\s+|yuk\s+|mari\s+)?(?:berlangganan|langganan)\b.*(?:sekarang|di\s*sini|disini|klik|https?:|newsletter|gratis|mulai\s+(?:dari|rp)|rp\s?\d|hanya|untuk\s+(?:membaca|akses|mendapatkan|menikmati)|\+|plus|premium|digital|!)|baca\s+berita\s+(?:dengan\s+sedikit|tanpa)\s+iklan\b.*|(?:konten|artikel|berita)\s+(?:ini\s+)?(?:khusus|eksklusif|hanya)\s+(?:untuk\s+|bagi\s+)?(?:pelanggan|member|anggota|pembaca\s+premium|subscriber)\b.*|(?:untuk\s+)?(?:melanjutkan|lanjut)\s+membaca\b.{0,100}\b(?:berlangganan|masuk|login|daftar|log\s*in|akun)\b.*|(?:silakan|silahkan)\s+(?:login|masuk|daftar|berlangganan|log\s+in)\b.{0,100}\b(?:membaca|akses|artikel|berita)\b.*|(?:sudah|belum)\s+(?:berlangganan|punya\s+akun|menjadi\s+(?:pelanggan|member))\s*\?.*|gabung\s+\S+\s*(?:\+|plus)\b.*|baca\s+(?:selengkapnya|artikel\s+ini|lebih\s+lanjut)\s+dengan\s+(?:berlangganan|login|masuk|daftar)\b.*|(?:akses|nikmati)\s+(?:penuh|semua|seluruh|tanpa\s+batas)\b.{0,120}\b(?:berlangganan|pelanggan|premium|member)\b.*)$`,
      examples: {
        drop: [
          'Baca berita tanpa iklan. Gabung Kompas.com+',
          'Baca berita dengan sedikit iklan, klik di sini',
          'Berlangganan sekarang mulai dari Rp 30.000 per bulan!',
          'Artikel ini khusus untuk pelanggan.',
          'Untuk melanjutkan membaca, silakan masuk atau daftar akun.',
          'Sudah berlangganan? Masuk di sini',
        ],
        keep: ['Berlangganan koran kini makin jarang dilakukan warga.', 'Ia akhirnya berhenti berlangganan listrik prabayar.'],
      },
    },
    {
      id: 'id.footer.anti-crawl',
      reason: 'Notice forbidding reuse or crawling of the article',
      kind: 'line',
      pattern: String.raw`${LEAD}(?:dilarang|tidak\s+diperkenankan|tidak\s+diizinkan)\s+(?:keras\s+)?(?:mengambil|menyalin|mengutip|menayangkan|memperbanyak|mereproduksi|menggandakan|mempublikasikan|menyebarluaskan|melakukan\s+crawling|copy|copas)\b.*\b(?:artikel|konten|berita|tulisan|isi)\b.*\b(?:redaksi|tanpa\s+(?:izin|seizin|ijin)|crawling|pengindeksan)`,
      examples: {
        drop: [
          'Dilarang mengambil dan/atau menayangkan ulang sebagian atau keseluruhan artikel di atas untuk konten akun media sosial komersil tanpa seizin redaksi.',
          'Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI di situs web ini tanpa izin tertulis dari Kantor Berita ANTARA.',
        ],
        keep: ['Dilarang mengambil foto tanpa izin di area museum, kata petugas.'],
      },
    },
    // --- ads ---
    {
      id: 'id.related.berita-lainnya',
      reason: 'A "Simak berita lainnya ..." / "Baca artikel terkait ..." line that points to more articles',
      kind: 'line',
      maxLength: 160,
      pattern: String.raw`${LEAD}${COAX}(?:simak|baca|lihat|cek|ikuti|temukan|klik)\s+(?:juga\s+)?(?:berita|artikel|update|kabar)(?:\s+[\p{L}\d]+){0,2}?(?:\s+menarik)?\s+(?:lainnya|lain|terkait|terkini|terbaru|selengkapnya|menarik|seputar)\b(?:[^.,;!?"“”]|\.(?=\S)){0,100}(?:,\s*(?:di\s*sini|disini)\s*:?)?[.!]?$`,
      examples: {
        drop: ['Simak berita lainnya terkait Pilkada Jakarta', 'Cek berita terbaru seputar sepak bola di sini', 'Baca artikel terkait lainnya', 'Baca artikel Otomotif menarik lainnya di tautan ini.', 'Simak berita lainnya seputar topik artikel ini, di sini :', 'Baca berita lainnya di Portal.com dan ikuti Instagram @portal'],
        keep: ['Simak berita ini dengan saksama, kata guru itu.', 'Ikuti berita terkini soal banjir, warga diminta waspada.', 'Dapatkan informasi terbaru soal vaksin di puskesmas terdekat.'],
      },
    },
    {
      id: 'id.footer.google-news-and',
      reason: 'Call to follow the portal on Google News that goes on with another promo ("... di Google News dan dapatkan update ...")',
      kind: 'line',
      maxLength: 250,
      pattern: String.raw`${LEAD}(?:ikuti|follow|pantau|simak|cek)\b.{0,80}\bdi\s+google\s*news\s+(?:dan|untuk|agar|supaya)\s+(?:dapatkan|mendapatkan|dapat|update|ikuti|jangan)\b[^"“”]{0,120}$`,
      examples: {
        drop: ['Ikuti Portal.com di Google News dan dapatkan update berita terkini setiap hari.'],
        keep: ['Google News kini menampilkan lebih banyak berita lokal.'],
      },
    },
    {
      id: 'id.footer.google-news-link',
      reason: 'Call to follow the portal on Google News that ends in its news.google.com link',
      kind: 'line',
      maxLength: 400,
      pattern: String.raw`${LEAD}(?:ikuti|follow|cek|simak|klik|baca|pantau|dapatkan|update)\b.{0,200}news\.google\.com\S*\W*$`,
      examples: {
        drop: ['Ikuti berita terkini dari Portal di Google News, [klik di sini](https://news.google.com/publications/ABC).', 'Ikuti perkembangan berita terbaru di [Google News Portal](https://news.google.com/publications/XYZ)'],
        keep: ['Ikuti aturan yang berlaku, kata petugas.'],
      },
    },
    {
      id: 'id.video.promo',
      reason: 'A video promo heading ("Simak! Video Pilihan Redaksi:", "Kamu Sudah Menonton Video Terbaru Berikut ini?")',
      kind: 'line',
      maxLength: 120,
      pattern: String.raw`${LEAD}(?:simak\s*!\s*video\b[^.]*|(?:kamu|anda)\s+sudah\s+(?:menonton|nonton|melihat|lihat)\s+video\b[^.]*\?)$`,
      examples: {
        drop: ['Simak! Video Pilihan Redaksi:', 'Kamu Sudah Menonton Video Terbaru Berikut ini?'],
        keep: ['Kamu sudah menonton video itu? tanya polisi kepada saksi.'],
      },
    },
    {
      id: 'id.footer.promo-extra',
      reason: 'Promos worded as information offers ("Informasi ... lainnya di Googlenews ...", "Dapatkan ringkasan berita ... di email Anda", "Konten Premium", "Disadur dari: ...")',
      kind: 'line',
      maxLength: 200,
      pattern: String.raw`^(?:(?:informasi|berita|update)\s+.{0,60}\blainnya\s+di\s+google\s*news\b.{0,40}|(?:dapatkan|terima)\b.{0,80}\b(?:langsung\s+)?(?:di|ke)\s+(?:email|surel|inbox)\s+(?:anda|kamu)\W*|(?:nikmati\s+)?konten\s+premium\b[^.]{0,60}|disadur\s+dari\s*:\s*.{1,150})$`,
      examples: {
        drop: ['Informasi lengkap dan menarik lainnya di Googlenews Portal.com', 'Dapatkan ringkasan berita pilihan setiap pagi langsung di email Anda.', 'Konten Premium', 'Nikmati Konten Premium Untuk Informasi Yang Lebih Dalam', 'Disadur dari: Portal.com (Penulis: Nama/Editor: Nama)'],
        keep: ['Konten premium platform itu dihapus setelah aduan warga.'],
      },
    },
    {
      id: 'id.ads.viral-klik',
      reason: 'Sponsored "Viral! ... klik : <link>" line',
      kind: 'line',
      maxLength: 500,
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
    {
      id: 'id.ads.klik-link',
      reason: 'Promo that ends in "klik: <link>" or starts with "Klik di sini"',
      kind: 'line',
      maxLength: 400,
      pattern: String.raw`(?:\b(?:klik|kunjungi|info\s+(?:lebih\s+)?lengkap(?:nya)?|daftar\s+sekarang)\s*(?:(?:di\s*)?sini|disini|link(?:\s+berikut)?|tautan(?:\s+berikut)?|laman|situs)?\s*[:：]\s*(?:https?://|www\.)?[\w\-]+(?:\.[\w\-]+)+(?:/\S*)?\s*$|${LEAD}(?:klik|ketuk|tap)\s+(?:di\s*sini|disini|link\s+(?:ini|berikut|di\s+bawah)|tautan\s+(?:ini|berikut|di\s+bawah))\b)`,
      examples: {
        drop: ['Daftar sekarang dan dapatkan diskon 50 persen, info lengkap klik: promo.example.co.id/daftar', 'Klik di sini untuk mendapatkan update berita terbaru.'],
        keep: ['Warga cukup klik tautan di aplikasi untuk mendaftar.', 'Penipu meminta korban klik tautan: itu modus lama, kata polisi.'],
      },
    },
    {
      id: 'id.ads.advertorial',
      reason: 'Notice that the article is an advertorial or paid content',
      kind: 'line',
      maxLength: 200,
      pattern: String.raw`${LEAD}(?:artikel|konten|tulisan|berita)\s+ini\s+(?:merupakan|adalah)\s+(?:konten\s+|artikel\s+)?(?:advertorial|promosi|iklan|bersponsor|sponsor(?:ed)?|berbayar|kerja\s*sama\s+(?:komersial|iklan|dengan))\b.*$`,
      examples: {
        drop: ['Artikel ini merupakan konten advertorial.', 'Konten ini adalah kerja sama dengan PT Maju Jaya.'],
        keep: ['Artikel ini merupakan bagian dari liputan khusus banjir Jakarta, dan ditulis oleh tim.'],
      },
    },
    // --- video ---
    {
      id: 'id.video.simak',
      reason: '"Simak Video ..." / "Saksikan video berikut" / "Tonton juga ..." embed caption',
      kind: 'line',
      maxLength: 300,
      pattern: String.raw`${LEAD}(?:(?:simak|saksikan|tonton|lihat|putar|jangan\s+lewatkan)\s+(?:juga\s+|pula\s+|kembali\s+)?(?:\p{L}+\s+){0,2}?(?:video(?:nya)?|live|siaran(?:\s+langsung)?|cuplikan|tayangan)\b(?:\s*[:"“'‘«\[]|[^.!?"]{0,60}[:"“]|[^.!?]{0,80}?(?:berikut|(?:di\s*)?bawah|ini|selengkapnya|lengkapnya|di\s*sini|disini)(?:\s+ini)?[\s:.!»\p{Extended_Pictographic}]*$|\s*[.!]?$)|(?:tonton|saksikan)\s+juga\b.*|(?:video|tayangan)\s+(?:pilihan|terkait|terpopuler|lainnya|rekomendasi|menarik)\W*$)`,
      examples: {
        drop: [
          'Simak Video "Detik-detik Banjir Bandang Terjang Garut"',
          'Saksikan Video Pilihan di Bawah Ini:',
          'Simak juga Video: Jokowi Tinjau Tol Baru',
          'Tonton juga video ini',
          'Saksikan juga: Momen Haru Pelepasan Jemaah Haji',
          'VIDEO PILIHAN',
          'Lihat juga Video \'Momen Prabowo Salami Warga\':',
        ],
        keep: [
          'Video viral itu memperlihatkan warga mengejar maling.',
          'Saksikan video itu, warga langsung melapor ke polisi.',
          'Lihat video tersebut di akun Instagram @polisi, Rabu (12/5).',
        ],
      },
    },
    // --- social ---
    {
      id: 'id.social.channel',
      reason: 'Invitation to a WhatsApp channel or Telegram group of the portal',
      kind: 'line',
      maxLength: 500,
      // The invitation verb is looked ahead for before the scan of the whole line: a story line
      // fails at once instead of after the scan (6x faster on story text, same matches).
      pattern: String.raw`(?:whatsapp\.com/channel|chat\.whatsapp\.com|\bt\.me/|${LEAD}(?=(?:ikuti|follow|gabung|bergabung|join|simak|dapatkan|klik|yuk|ayo|mari|pilih|subscribe|update|jangan\s+lupa|kunjungi|pantau|tambahkan|akses|nikmati)\b)(?=.*(?:\bkami\b|${PORTAL}|\bklik\b|di\s*sini|disini|https?:|\blink\b|\bupdate\b|\binfo\s+terkini|\bberita\s+(?:terkini|terbaru|pilihan)|breaking\s+news))(?:ikuti|follow|gabung|bergabung|join|simak|dapatkan|klik|yuk|ayo|mari|pilih|subscribe|update|jangan\s+lupa|kunjungi|pantau|tambahkan|akses|nikmati)\b.{0,300}(?:\b(?:whatsapp|telegram|wa)\b.{0,20}\b(?:channel|saluran|grup|group|kanal)\b|\b(?:channel|saluran|grup|group|kanal)\s+(?:\S+\s+)?(?:whatsapp|telegram|wa)\b)|${LEAD}${COAX}(?:ikuti|follow|gabung|bergabung|join)\s+(?:juga\s+)?(?:saluran|channel|kanal|grup)\s+(?:whatsapp|telegram|wa)(?:\s+\S+){0,3}\W*$)`,
      examples: {
        drop: [
          'Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D',
          'Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di Grup Telegram "Kompas.com News Update", caranya klik link https://t.me/kompascomupdate, kemudian join.',
          'Ikuti saluran WhatsApp Tribunnews untuk update berita terkini',
          'Yuk, gabung di Grup Telegram Jabar Update untuk info terkini',
        ],
        keep: ['Meta meluncurkan fitur WhatsApp Channel di Indonesia pada 2023.', 'Ikuti perkembangan kasus ini, polisi membuka grup pengaduan di WhatsApp.', 'Ikuti perkembangannya, Kominfo membuka saluran WhatsApp pengaduan.'],
      },
    },
    {
      id: 'id.social.update-harian',
      reason: '"Dapatkan update berita pilihan ... setiap hari dari <portal>" promo',
      kind: 'line',
      maxLength: 400,
      pattern: String.raw`${LEAD}(?:dapatkan|nikmati|simak)\s+(?:update|informasi|berita|breaking\s+news)\b.{0,80}\b(?:setiap\s+hari|terkini|terbaru|pilihan|breaking\s+news|terupdate|up\s*to\s*date)\b.{0,60}\b(?:dari|di|bersama|hanya\s+di|langsung\s+di)\s+(?:${PORTAL}|ponsel\p{L}*|hp\p{L}*)`,
      examples: {
        drop: ['Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com.', 'Dapatkan berita up to date dengan semua berita terkini dari Okezone hanya dengan satu akun di ORION'],
        keep: ['Dapatkan informasi terbaru soal vaksin di puskesmas terdekat, kata dinas kesehatan.'],
      },
    },
    {
      id: 'id.social.follow',
      reason: 'Invitation to follow the portal on social media',
      kind: 'line',
      maxLength: 260,
      pattern: String.raw`${LEAD}${COAX}(?:ikuti|follow|like|subscribe|kunjungi|temukan)\s+(?:juga\s+)?(?:(?:media\s+sosial|sosial\s+media|medsos|akun\s+resmi)\s+(?:kami|resmi)\b.*|\S.{0,200}(?:\b(?:di|on|melalui|via|lewat)\s+${SOCIAL}(?:\s*(?:,|&|dan)?\s*${SOCIAL})*\W*|@\w+\W*))$`,
      examples: {
        drop: ['Ikuti kami di Instagram @tempodotco', 'Follow juga akun Instagram Tribunnews dan TikTok @tribunnews', 'Ikuti media sosial kami untuk update terbaru'],
        keep: ['Ikuti aturan lalu lintas, kata kapolres.', 'Ikuti kami ke lokasi, kata warga kepada wartawan di Instagram Live.'],
      },
    },
    // --- credits ---
    {
      id: 'id.credit.byline',
      reason: 'Byline or desk credit ("Pewarta: ...", "Editor: ...", "Penulis: ... | Editor: ...")',
      kind: 'line',
      flags: 'u',
      maxLength: 240,
      pattern: String.raw`${LEAD}${CREDIT}(?:\s*[|,;/]?\s*${CREDIT})*$|^${anyCase('penulis')}\s+${NAMES}\s*\|\s*${anyCase('editor')}\s+${NAMES}$`,
      examples: {
        drop: ['Pewarta: Fathur Rochman', 'Editor: Rr. Cornea Khairany', 'Penulis: Kompas.com - Rina Ayu | Editor: Dedi Muhtadi', 'EDITOR : BUDI SANTOSO', 'Redaktur & Reporter : Fathan Sinaga', 'Penulis Rina Ayu | Editor Dedi Muhtadi'],
        keep: ['Editor senior sebuah stasiun televisi ditangkap polisi.', 'Editor: Kami menolak tuduhan itu.', 'Penulis: siapa yang menyangka?'],
      },
    },
    {
      id: 'id.credit.laporan',
      reason: '"Laporan Wartawan <portal>, <name>" credit line',
      kind: 'line',
      flags: 'u',
      maxLength: 160,
      pattern: String.raw`^(?:Laporan|LAPORAN|Liputan)\s+(?:[Ww]artawan|WARTAWAN|[Rr]eporter|REPORTER|[Kk]oresponden|[Kk]ontributor|[Jj]urnalis)\s+[\p{L}\d.\-]+(?:\s+\p{Lu}[\p{L}\d.\-]*){0,2}\s*[,:]\s*${NAMES}\s*\.?$`,
      examples: {
        drop: ['Laporan Wartawan Tribunnews.com, Igman Ibrahim', 'Laporan Reporter Tribun Jogja, Ahmad Syarifudin'],
        keep: ['Laporan wartawan itu dibantah polisi.', 'Laporan Wartawan Senior, kata dia, belum diterima.'],
      },
    },
    {
      id: 'id.credit.sumber',
      reason: '"Sumber: <portal or agency>" credit line',
      kind: 'line',
      maxLength: 120,
      pattern: String.raw`${LEAD}(?:sumber|source)\s*[:：]\s*(?:${PORTAL}|antara|reuters|afp|ap|bernama|xinhua|kyodo|anadolu|bbc|dw|berbagai\s+sumber|dok(?:umentasi)?\.?)(?:\s*(?:[,/|&]|dan)\s*(?:${PORTAL}|antara|reuters|afp|ap|bbc|dw|\p{L}+))*\s*[.)]?$`,
      examples: {
        drop: ['Sumber: Tribunnews.com', 'Sumber: Antara', 'Sumber: berbagai sumber'],
        keep: ['Sumber: Badan Pusat Statistik, data diolah tim riset.', 'Sumber itu menolak disebutkan namanya.'],
      },
    },
    // --- page furniture ---
    {
      id: 'id.page.photo',
      reason: '"Lihat Foto" / "Lihat semua foto" gallery button',
      kind: 'line',
      maxLength: 60,
      pattern: String.raw`${LEAD}(?:lihat|buka|perbesar|tampilkan)\s+(?:semua\s+|seluruh\s+)?(?:foto|galeri|gambar|video|infografis)(?:\s+(?:lainnya|selengkapnya|berikutnya|lengkap))?[\s>»›▶►\p{Extended_Pictographic}]*$`,
      examples: {
        drop: ['Lihat Foto', 'Lihat semua foto »', 'LIHAT GALERI'],
        keep: ['Lihat foto-foto korban banjir ini, katanya lirih.', 'Lihat foto di bawah:'],
      },
    },
    {
      id: 'id.page.share',
      reason: '"Bagikan" / "Salin link" / "Dengarkan artikel" buttons',
      kind: 'line',
      maxLength: 80,
      pattern: String.raw`${LEAD}(?:bagikan(?:\s+(?:artikel|berita)(?:\s+ini)?)?(?:\s+(?:ke|di|melalui|via)(?:\s+.{1,40})?)?|salin\s+(?:link|tautan|url)|(?:link|tautan|url)\s+(?:telah\s+|berhasil\s+)?(?:disalin|tersalin)|dengarkan(?:\s+(?:artikel|berita))?(?:\s+ini)?)\W*$`,
      examples: {
        drop: ['Bagikan', 'Bagikan artikel ini', 'Salin Link', 'Bagikan ke WhatsApp', 'Bagikan ke:', 'Link berhasil disalin', 'Dengarkan artikel ini'],
        keep: ['Bagikan pengalamanmu kepada kami, kata panitia.'],
      },
    },
  ],
};
