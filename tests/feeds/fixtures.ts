/** Archive records for feed tests, and a hostile archive that every consumer must still accept. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArticleRecord } from '../../src/domain/types.js';
import { FsArchiveStore } from '../../src/archive/fs-store.js';
import type { FeedSite } from '../../src/feeds/index.js';

export const SITE: FeedSite = {
  title: 'Kliping <Uji> & Coba',
  description: 'Arsip berita &nbsp; untuk uji',
  url: 'https://example.org/kliping/',
  language: 'id',
  author: null,
};

let counter = 0;

/** A complete record; `over` replaces fields. The id and path default to unique values. */
export function record(over: Partial<ArticleRecord> & { published: string }): ArticleRecord {
  counter++;
  const day = over.published.slice(0, 10).replace(/-/g, '/');
  const slug = over.slug ?? `artikel-${counter}`;
  const hex = counter.toString(16).padStart(12, '0');
  return {
    schema: 1,
    id: `urn:uuid:00000000-0000-5000-8000-${hex}`,
    slug,
    path: `${day}/${slug}`,
    title: `Artikel ${counter}`,
    titleSource: 'input',
    url: `https://news.example.com/a/${counter}`,
    source: null,
    authors: [],
    tags: [],
    language: 'id',
    publishedSource: 'front-matter',
    updated: null,
    archived: over.published,
    image: null,
    summary: `Ringkasan ${counter}`,
    paragraphs: [`Paragraf ${counter}.`],
    contentHtml: null,
    dropped: [],
    raw: { file: `${slug}.raw.txt`, sha256: '0'.repeat(64), bytes: 1, mediaType: 'text/plain', original: 'x', archived: over.published },
    previous: [],
    ...over,
  };
}

const CONTROLS = '\u0000\u0001\u0008\u000b\u000c\u001f\ufffe\uffff\ud800';

/** Records with everything that has broken feeds before; spread over three months. */
export function hostileRecords(): ArticleRecord[] {
  const long = 'Sangat panjang '.repeat(1000);
  const list = [
    record({
      published: '2022-02-08T00:00:00+07:00',
      title: 'Harga <b>BBM</b> naik & turun: a < b && c > d',
      summary: 'Ringkasan dengan <i>markup</i> & a < b',
      authors: ['Redaksi <redaksi@example.com>', 'Budi & Ani', 'Budi & Ani'],
      tags: ['ekonomi', 'a<b'],
      image: 'https://cdn.example.com/img/lead.JPG?w=800',
    }),
    record({
      published: '2022-02-09T10:30:00+07:00',
      title: 'Presiden&nbsp;Jokowi &amp; Prabowo bertemu',
      summary: 'Kata&nbsp;kunci &copy; 2022 &bogus; &#x1F600;',
      contentHtml: '<p>Teks&nbsp;dengan &amp; entitas &mdash; <a href="/berita/lain">tautan relatif</a> <img src="gambar.png" alt=""> <a href="javascript:alert(1)">jahat</a> <a href="mailto:r@example.com">surat</a></p>',
      url: 'https://news.example.com/2022/02/09/presiden',
      image: '/img/relatif.png',
    }),
    record({
      published: '2022-02-09T10:30:00+07:00',
      title: 'CDATA ]]> dua kali ]]>',
      summary: 'Akhir ]]>',
      paragraphs: ['Paragraf ]]> di tengah', 'dan di akhir ]]>'],
      authors: [']]>'],
      url: null,
    }),
    record({
      published: '2022-03-01T08:00:00+07:00',
      title: `Kontrol${CONTROLS} karakter`,
      summary: `Ringkasan${CONTROLS}kontrol`,
      paragraphs: [`Isi${CONTROLS} kontrol`],
      authors: [`Penulis${CONTROLS}`],
      tags: [`tag${CONTROLS}`],
      url: `https://news.example.com/kontrol${CONTROLS}`,
      language: 'id\u0000',
    }),
    record({
      published: '2022-03-02T08:00:00+07:00',
      title: 'Emoji 🇮🇩🎉 dan RTL: مرحبا بالعالم \u202eterbalik\u202c שלום',
      summary: 'نص عربي مع emoji 👩‍👩‍👧',
      paragraphs: ['مرحبا بالعالم', 'שלום עולם 🎉'],
      language: 'ar',
      url: 'https://contoh.id/berita/héllo wörld?q=ä ö#bagian',
      image: 'https://contoh.id/gambar/foto-ümlaut.webp',
    }),
    record({
      published: '2022-03-03T08:00:00+07:00',
      title: long.slice(0, 5000),
      summary: long.slice(0, 3000),
      paragraphs: [long, long],
      url: '/relatif/tanpa-host',
      image: 'javascript:alert(1)',
      language: 'en_US',
    }),
    record({
      published: '2022-04-05T08:00:00+07:00',
      title: '',
      summary: '',
      authors: [],
      tags: [],
      url: null,
      image: null,
      paragraphs: [],
      contentHtml: null,
      language: '',
    }),
    record({
      published: '2022-04-06T08:00:00+07:00',
      title: '<img src=x onerror=alert(1)>',
      summary: '',
      paragraphs: ['Judul hanya markup; isi menjadi judul.'],
      url: 'http://exa mple.com/ spasi',
      image: 'https://cdn.example.com/no-extension',
      authors: ['<script>alert(1)</script>'],
    }),
    record({
      published: '2022-04-07T08:00:00+07:00',
      updated: '2022-04-08T09:00:00+07:00',
      title: 'Artikel yang diedit',
      image: '//cdn.example.com/proto-relative.gif',
    }),
  ];
  // Fixed ids and paths, whatever other tests did with the counter: goldens depend on them.
  return list.map((r, i) => {
    const slug = `hostile-${i + 1}`;
    return { ...r, id: `urn:uuid:00000000-0000-5000-8000-${String(i + 1).padStart(12, 'f')}`, slug, path: `${r.path.slice(0, 10)}/${slug}` };
  });
}

/** A temporary folder with `archive/` seeded with `records` (written and committed). */
export async function seededArchive(records: readonly ArticleRecord[]): Promise<{
  dir: string;
  archive: string;
  feeds: string;
  store: FsArchiveStore;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kliping-feeds-'));
  const archive = path.join(dir, 'archive');
  const store = new FsArchiveStore(archive);
  for (const r of records) await store.writeRecord(r);
  await store.commit(records, []);
  return { dir, archive, feeds: path.join(dir, 'feeds'), store, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
