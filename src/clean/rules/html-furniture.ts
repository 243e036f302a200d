import type { RulePack } from '../../domain/types.js';

/**
 * What saved HTML pages of news portals leave in the body text: ad labels, "scroll to continue"
 * bars, video embed labels, photo-viewer buttons, syndication footers. Structure removal (ad
 * slots, related boxes) catches most furniture; these rules catch the text that sits in plain
 * paragraphs. Each pattern is a whole line, never a first word.
 */
export const htmlFurniture: RulePack = {
  id: 'html-furniture',
  description: 'Text furniture of saved portal pages: ad labels, video labels, syndication footers',
  sites: [],
  rules: [
    {
      id: 'html.ads.label',
      reason: 'An ad slot label left alone on its line',
      kind: 'line',
      maxLength: 100,
      pattern: String.raw`^(?:advertisement|advertisment|adv|ads|iklan|sponsored|scroll\s+to\s+(?:continue|resume)(?:\s+with\s+content)?|lanjutkan\s+membaca|gulir\s+untuk\s+melanjutkan)\.?$`,
      examples: {
        drop: ['ADVERTISEMENT', 'SCROLL TO CONTINUE WITH CONTENT', 'Advertisement', 'Iklan'],
        keep: ['Advertisement spending rose 4 percent last year.', 'Iklan rokok dilarang tayang di televisi.'],
      },
    },
    {
      id: 'html.video.label',
      reason: 'The label of a video embed ("Gambas:Video CNN", "[Gambas:Video 20detik]", "Video: ...")',
      kind: 'line',
      maxLength: 200,
      pattern: String.raw`^\[?\s*gambas\s*:\s*video\b.*$|^\[?\+?\]?\s*video\s*:\s*\S.{0,120}$`,
      examples: {
        drop: ['Gambas:Video CNN', '[Gambas:Video 20detik]', 'Video: Detik-detik Banjir Bandang di Batu'],
        keep: ['Video itu diunggah pada Senin malam.', 'Dalam video: ia tampak tersenyum saat keluar dari gedung KPK dan melambaikan tangan kepada wartawan yang menunggunya sejak pagi, lalu berjalan ke mobil tahanan tanpa menjawab pertanyaan.'],
      },
    },
    {
      id: 'html.photo.lihat-foto',
      reason: 'The "Lihat Foto" button of a photo viewer',
      kind: 'line',
      maxLength: 60,
      pattern: String.raw`^lihat\s+foto\.?$`,
      examples: { drop: ['Lihat Foto'], keep: ['Lihat foto-foto banjir di halaman berikut ini, kata dia.'] },
    },
    {
      id: 'html.promo.whatsapp-channel',
      reason: 'Call to follow the portal\'s WhatsApp channel',
      kind: 'line',
      pattern: String.raw`^(?:simak|ikuti|follow|dapatkan|gabung)\b.{0,160}\bwhats\s?app\s+channel\s*:?\s*(?:https?:\/\/\S+?)?\.?$`,
      examples: {
        drop: ['Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029Va'],
        keep: ['Ikuti perkembangan kasus ini, kata polisi yang membuka WhatsApp channel pengaduan sejak Senin.\nSimak pula keterangan saksi di persidangan.'],
      },
    },
    {
      id: 'html.credit.initials',
      reason: 'Editors\' initials closing a story, "(ams/aku)", "(ant/rif)" or "(AHL)"',
      kind: 'line',
      maxLength: 60,
      pattern: String.raw`^\(\s*[a-z]{2,5}(?:\s*[/\\|]\s*[a-z]{2,5}){0,3}\s*\)\.?$`,
      examples: {
        drop: ['(ams/aku)', '(ant/rif)', '( wdh / imk )', '(AHL)'],
        keep: ['(ams/aku) menurut catatan redaksi, berita ini diperbarui.', '(dan/atau)?'],
      },
    },
    {
      id: 'html.promo.app',
      reason: 'Call to install the portal\'s app',
      kind: 'line',
      pattern: String.raw`^(?:dapatkan|download|unduh)\s+(?:berita|informasi|update)\b.{0,120}\b(?:aplikasi|app)\s+\S+(?:\s+\S+)?\.?$`,
      examples: {
        drop: ['Dapatkan berita up to date dengan semua berita terkini dari Okezone hanya di Aplikasi Okezone'],
        keep: ['Dapatkan berita terbaru soal aplikasi pinjaman online ilegal yang diblokir OJK, kata juru bicara OJK di Jakarta pada Senin.'],
      },
    },
    {
      id: 'html.promo.telegram',
      reason: 'Call to join the portal\'s Telegram group or channel',
      kind: 'line',
      pattern: String.raw`^(?:dapatkan|ikuti|gabung|bergabung|join)\b.{0,200}\b(?:grup|group|channel|kanal|saluran)\s+telegram\b`,
      examples: {
        drop: ['Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di Grup Telegram "Kompas.com News Update", caranya klik link https://t.me/kompascomupdate, kemudian join.'],
        keep: ['Polisi menyebut pelaku bergabung di grup Telegram sejak 2021.'],
      },
    },
    {
      id: 'html.video.call',
      reason: 'A "Simak video ..." / "Saksikan video pilihan ..." line that introduces an embed',
      kind: 'line',
      maxLength: 300,
      pattern: String.raw`^(?:simak|saksikan|tonton)\s+(?:juga\s+)?(?:video|live)\b(?:\s*(?:pilihan\s+)?(?:di\s+bawah\s+ini|berikut(?:\s+ini)?)\s*[.:!]?|\s*[:"“'‘].{0,160})$`,
      examples: {
        drop: ['Simak Video "Banjir Rendam Semarang"', 'Saksikan Video Pilihan di Bawah Ini', 'Simak juga video: Detik-detik Tanggul Jebol', 'Tonton video berikut ini:'],
        keep: ['Simak video itu beredar luas sejak Senin, kata polisi.', 'Saksikan video rekaman CCTV yang kini jadi barang bukti di persidangan, ujar jaksa.'],
      },
    },
    {
      id: 'html.ads.fewer-ads',
      reason: 'The portal\'s "read with fewer ads" subscription prompt',
      kind: 'line',
      maxLength: 200,
      pattern: String.raw`^baca\s+berita\s+dengan\s+sedikit\s+iklan\b.{0,60}$`,
      examples: { drop: ['Baca berita dengan sedikit iklan, klik di sini'], keep: ['Baca berita ini dengan cermat sebelum membagikannya, kata Kominfo.'] },
    },
    {
      id: 'html.footer.telah-tayang',
      reason: 'Syndication footer "Artikel ini telah tayang di X dengan judul ..."',
      kind: 'line',
      maxLength: 500,
      pattern: String.raw`^(?:artikel|berita)\s+ini\s+(?:telah|sudah)\s+(?:tayang|terbit|dimuat)\s+di\s+\S.*\bdengan\s+judul\b`,
      examples: {
        drop: ['Artikel ini telah tayang di Tribunnews.com dengan judul Harga Cabai Naik, https://www.tribunnews.com/x'],
        keep: ['Artikel ini telah dibaca ribuan orang sejak kemarin.'],
      },
    },
    {
      id: 'html.related.pilihan-editor',
      reason: 'An editor\'s-pick link ("Pilihan Editor: <headline>")',
      kind: 'line',
      maxLength: 300,
      pattern: String.raw`^(?:pilihan\s+editor|rekomendasi|artikel\s+terkait|berita\s+terkait|read\s+more|also\s+read|related)\s*:\s*\S`,
      examples: {
        drop: ['Pilihan Editor: Harga Beras Naik Lagi', 'Read more: Markets slide as oil jumps', 'Berita Terkait : Banjir Jakarta'],
        keep: ['Pilihan editor jatuh pada laporan investigasi itu.', 'Related parties must disclose the deal.'],
      },
    },
  ],
};

/** Where the story sits on each portal's article pages, and furniture to cut before reading it. */
export const htmlSites: readonly RulePack[] = [
  { id: 'html-kompas', description: 'kompas.com article pages', sites: ['kompas.com', 'kompas.id'], rules: [], contentSelectors: ['.read__content'], removeSelectors: ['.ui--a', '.kompasidRec', '.video-list'] },
  { id: 'html-detik', description: 'detik.com article pages', sites: ['detik.com'], rules: [], contentSelectors: ['.detail__body-text'], removeSelectors: ['.parallaxindetail', '.linksisip', '.staticdetail_container', '.detail__body-tag'] },
  { id: 'html-tribun', description: 'tribunnews.com article pages', sites: ['tribunnews.com'], rules: [], contentSelectors: ['.side-article.txt-article', '.txt-article'], removeSelectors: ['.baca-juga', '#adsCTN'] },
  { id: 'html-cnnindonesia', description: 'cnnindonesia.com article pages', sites: ['cnnindonesia.com'], rules: [], contentSelectors: ['.detail-text', '.detail-wrap'], removeSelectors: ['.topiksisip', '.ads_inline', '.para_caption'] },
  { id: 'html-liputan6', description: 'liputan6.com article pages', sites: ['liputan6.com'], rules: [], contentSelectors: ['.article-content-body'], removeSelectors: ['.baca-juga-collections', '.advertisement-text'] },
  { id: 'html-antaranews', description: 'antaranews.com article pages', sites: ['antaranews.com'], rules: [], contentSelectors: ['.post-content'], removeSelectors: ['.text-muted', '.baca-juga'] },
  { id: 'html-tempo', description: 'tempo.co article pages', sites: ['tempo.co'], rules: [], contentSelectors: ['#isi', '.detail-konten'], removeSelectors: ['.bacajuga'] },
  { id: 'html-medcom', description: 'medcom.id article pages', sites: ['medcom.id'], rules: [], contentSelectors: ['.article-body .text', '[itemprop="articleBody"]'], removeSelectors: ['.box_related'] },
  { id: 'html-okezone', description: 'okezone.com article pages', sites: ['okezone.com'], rules: [], contentSelectors: ['#contentx'], removeSelectors: ['.detads', '.box-gnews'] },
];
