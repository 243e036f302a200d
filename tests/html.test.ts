import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeHtml, declaredCharset, extractPage, sanitizeContent } from '../src/extract/html/index.js';
import { articleNode, jsonLdNodes, parseJsonLd } from '../src/extract/html/jsonld.js';
import { isFurnitureName } from '../src/extract/html/body.js';
import { normalizeDate, stripSiteSuffix } from '../src/extract/html/metadata.js';
import { createCleaner } from '../src/clean/index.js';
import { mediaTypeOf, readInput } from '../src/pipeline/read-input.js';
import { prepare } from '../src/pipeline/prepare.js';
import type { RulePack } from '../src/domain/types.js';
import { xmlError } from '../src/feeds/index.js';
import { FIXED_NOW, runCli, tempWorkspace } from './support/cli.js';
import { dangerousMarkup } from './support/dangerous.js';
import { feedparser, requireTool, xmllint } from './support/consumers.js';
import { ROOT } from './support/paths.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function workspace(): Promise<string> {
  const ws = await tempWorkspace();
  cleanups.push(ws.cleanup);
  return ws.dir;
}

const TZ = 'Asia/Jakarta';
const page = (head: string, body: string): Buffer => Buffer.from(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
const STORY = ['Paragraf pertama cerita ini cukup panjang untuk dianggap isi berita yang sebenarnya oleh pembaca.', 'Paragraf kedua juga berisi kalimat lengkap tentang kejadian yang sama, dengan kutipan dan angka.', 'Paragraf ketiga menutup cerita dengan keterangan dari pejabat setempat.'];
const storyHtml = STORY.map((p) => `<p>${p}</p>`).join('');

describe('sanitizeContent()', () => {
  const dangerous: [string, string][] = [
    ['a script element', '<p>a</p><script>alert(1)</script>'],
    ['a style element', '<style>body{display:none}</style><p>a</p>'],
    ['an iframe', '<iframe src="https://evil.example/">x</iframe><p>a</p>'],
    ['an object and embed', '<object data="x.swf"><embed src="x.swf"></object><p>a</p>'],
    ['a form with inputs', '<form action="https://evil.example/"><input name="p"><button>Go</button></form><p>a</p>'],
    ['an svg with script', '<svg onload="alert(1)"><script>alert(1)</script></svg><p>a</p>'],
    ['a math element with a javascript link', '<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>'],
    ['event handler attributes', '<p onclick="alert(1)" onmouseover="x()">a</p><img src="https://a.example/i.jpg" onerror="alert(1)">'],
    ['a javascript: link', '<a href="javascript:alert(1)">a</a>'],
    ['a javascript: link with odd case and whitespace', '<a href=" JaVaScRiPt:alert(1)">a</a><a href="java&#x09;script:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a>'],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">a</a>'],
    ['a data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a</a>'],
    ['a data: SVG image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
    ['a javascript: image', '<img src="javascript:alert(1)">'],
    ['a javascript: srcset candidate', '<img src="https://a.example/a.jpg" srcset="javascript:alert(1) 1x">'],
    ['a style attribute', '<p style="background:url(javascript:alert(1))">a</p>'],
    ['meta refresh and base', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(1)//"><p>a</p>'],
    ['a link element', '<link rel="stylesheet" href="https://evil.example/x.css"><p>a</p>'],
    ['a textarea and select', '<textarea>x</textarea><select><option>y</option></select><p>a</p>'],
    ['a noscript holding markup', '<noscript><img src=x onerror=alert(1)></noscript><p>a</p>'],
    ['a blockquote with a javascript: cite', '<blockquote cite="javascript:alert(1)">a</blockquote>'],
  ];
  for (const [what, html] of dangerous) {
    it(`removes ${what}`, () => {
      const out = sanitizeContent(html);
      expect(dangerousMarkup(out)).toEqual([]);
      expect(out).not.toMatch(/<script|javascript:|vbscript:|onerror|onclick|onload|<iframe|<object|<embed|<form|<style|<svg|<math|<meta|<base|<link/i);
    });
  }

  it('keeps paragraphs, headings, lists, quotes, tables, figures, images and emphasis', () => {
    const html =
      '<h2>Judul</h2><p>Teks <strong>tebal</strong>, <em>miring</em>, <b>b</b>, <i>i</i>, <u>u</u>, <code>c</code>, <sub>2</sub><sup>3</sup>.</p>' +
      '<ul><li>satu</li></ul><ol start="3"><li>tiga</li></ol><blockquote cite="https://a.example/"><p>kutipan</p></blockquote>' +
      '<table><caption>T</caption><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>' +
      '<figure><img src="https://a.example/i.jpg" srcset="https://a.example/i.jpg 1x, https://a.example/i2.jpg 2x" alt="foto" width="400" height="300"><figcaption>Keterangan</figcaption></figure>' +
      '<pre>  kode\n  baris</pre><hr><p><a href="https://a.example/x" title="t">tautan</a> <time datetime="2024-01-01">1 Jan</time></p>';
    const out = sanitizeContent(html);
    for (const kept of ['<h2>Judul</h2>', '<strong>tebal</strong>', '<em>miring</em>', '<li>satu</li>', '<ol start="3">', '<blockquote cite="https://a.example/"><p>kutipan</p></blockquote>', '<caption>T</caption>', '<th scope="col">A</th>', '<td colspan="2">1</td>', 'srcset="https://a.example/i.jpg 1x, https://a.example/i2.jpg 2x"', 'alt="foto"', '<figcaption>Keterangan</figcaption>', '<pre>  kode\n  baris</pre>', '<time datetime="2024-01-01">', '<code>c</code>', '<sub>2</sub>']) {
      expect(out).toContain(kept);
    }
    expect(out).toContain('<a href="https://a.example/x" title="t" rel="noopener noreferrer">tautan</a>');
  });

  it('keeps a raster data: image and mailto links', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    expect(sanitizeContent(`<img src="${png}" alt="x">`)).toContain(`src="${png}"`);
    expect(sanitizeContent('<a href="mailto:redaksi@example.id">surat</a>')).toContain('href="mailto:redaksi@example.id"');
  });

  it('sets rel="noopener noreferrer" on every link, replacing what the page said', () => {
    expect(sanitizeContent('<a href="https://a.example/" rel="opener" target="_blank">x</a>')).toBe('<a href="https://a.example/" rel="noopener noreferrer">x</a>');
  });

  it('keeps the text of unknown wrappers and escapes text that looks like markup', () => {
    expect(sanitizeContent('<div><span class="x">Halo</span></div><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('Halo<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});

describe('decodeHtml()', () => {
  it('decodes windows-1252 bytes 0x80-0x9F as the characters they stand for', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>'), Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0x97, 0x20, 0xe9]), Buffer.from('</p>')]);
    const d = decodeHtml(bytes);
    expect(d.charset).toBe('windows-1252');
    expect(d.html).toContain('<p>€ “a” — é</p>');
  });

  it('honours http-equiv and reads iso-8859-1 as windows-1252, as browsers do', () => {
    const bytes = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>'), Buffer.from([0x93, 0x4f, 0x4b, 0x94]), Buffer.from('</p>')]);
    expect(declaredCharset(bytes)).toBe('windows-1252');
    expect(decodeHtml(bytes).html).toContain('“OK”');
  });

  it('lets a BOM win over the declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="windows-1252"><p>café</p>')]);
    expect(decodeHtml(bytes)).toMatchObject({ charset: 'utf-8', charsetSource: 'bom' });
    expect(decodeHtml(bytes).html).toContain('café');
  });

  it('reads an undeclared page as UTF-8 when it is, else as windows-1252', () => {
    expect(decodeHtml(Buffer.from('<p>café €</p>')).html).toBe('<p>café €</p>');
    expect(decodeHtml(Buffer.from([0x3c, 0x70, 0x3e, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x80])).html).toBe('<p>café €');
  });

  it('lets the transport charset win over the page', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), Buffer.from([0xe9]), Buffer.from('</p>')]);
    expect(decodeHtml(bytes, 'windows-1252').html).toContain('<p>é</p>');
  });
});

describe('JSON-LD', () => {
  it('finds the article in an array, in a @graph, and skips a block that is not JSON', () => {
    const blocks = [parseJsonLd('{ "@type": "NewsArticle", "headline": "broken", }'), parseJsonLd('[{"@type":"BreadcrumbList"},{"@graph":[{"@type":"WebSite","name":"S"},{"@type":["NewsArticle"],"headline":"H"}]}]')];
    expect(blocks[0]).toBeNull();
    const node = articleNode(jsonLdNodes(blocks.filter((b) => b !== null)));
    expect(node?.headline).toBe('H');
  });

  it('extractPage() takes the headline, dates, authors and keywords from JSON-LD', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Judul JSON-LD', datePublished: '2024-02-03T04:05:06+07:00', dateModified: '2024-02-03T08:00:00+07:00', author: [{ '@type': 'Person', name: 'Ani' }, { name: 'Budi' }], keywords: 'satu, dua', image: { url: '/img/a.jpg' }, publisher: { name: 'Portal' } };
    const p = extractPage(page(`<title>Judul title - Portal</title><link rel="canonical" href="https://portal.example/a/b"><script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="og:title" content="Judul OG">`, `<article><h1>Judul H1</h1>${storyHtml}</article>`), { timeZone: TZ });
    expect(p.meta).toMatchObject({ title: 'Judul JSON-LD', authors: ['Ani', 'Budi'], tags: ['satu', 'dua'], published: '2024-02-03T04:05:06+07:00', modified: '2024-02-03T08:00:00+07:00', siteName: 'Portal', image: 'https://portal.example/img/a.jpg', url: 'https://portal.example/a/b' });
  });
});

describe('metadata fallbacks', () => {
  it('takes og:title, then the h1, then <title> without the site suffix', () => {
    const og = extractPage(page('<title>T - Situs</title><meta property="og:title" content="Judul OG">', `<h1>Judul H1</h1><article>${storyHtml}</article>`), { timeZone: TZ });
    expect(og.meta.title).toBe('Judul OG');
    const h1 = extractPage(page('<title>T - Situs</title>', `<h1>Judul H1</h1><article>${storyHtml}</article>`), { timeZone: TZ });
    expect(h1.meta.title).toBe('Judul H1');
    const title = extractPage(page('<title>Harga Beras Naik Lagi | Situs Berita</title><meta property="og:site_name" content="Situs Berita">', `<article>${storyHtml}</article>`), { timeZone: TZ });
    expect(title.meta.title).toBe('Harga Beras Naik Lagi');
    expect(stripSiteSuffix('Kompas.com - Harga Naik', 'Kompas.com', null)).toBe('Harga Naik');
    expect(stripSiteSuffix('Jakarta - Bandung Makin Dekat', null, 'example.org')).toBe('Jakarta - Bandung Makin Dekat');
  });

  it('takes the published time from article meta, then <time>, then a date written in the page', () => {
    const meta = extractPage(page('<meta property="article:published_time" content="2024-05-06T07:08:09Z">', `<article>${storyHtml}</article>`), { timeZone: TZ });
    expect(meta.meta).toMatchObject({ published: '2024-05-06T07:08:09+00:00', publishedSource: 'html-meta' });
    const time = extractPage(page('', `<article><time datetime="2024-05-06 10:00">6 Mei</time>${storyHtml}</article>`), { timeZone: TZ });
    expect(time.meta.published).toBe('2024-05-06T10:00:00+07:00');
    const written = extractPage(page('', `<div class="info"><span>Selasa, 8 Februari 2022 14:30 WIB</span></div><article>${storyHtml}</article>`), { timeZone: TZ });
    expect(written.meta).toMatchObject({ published: '2022-02-08T14:30:00+07:00', publishedSource: 'text' });
    expect(normalizeDate('2022/02/08 14:30:00', TZ)).toBe('2022-02-08T14:30:00+07:00');
    expect(normalizeDate('not a date', TZ)).toBeNull();
  });

  it('takes the URL from a browser\'s "saved from url" comment when the page names none', () => {
    const bytes = Buffer.from(`<!-- saved from url=(0038)https://www.portal.example/berita/123 -->\n<!DOCTYPE html><html><head><title>x</title></head><body><article>${storyHtml}<p><a href="/lain">lain</a></p></article></body></html>`);
    const p = extractPage(bytes, { timeZone: TZ });
    expect(p.meta.url).toBe('https://www.portal.example/berita/123');
    expect(p.article.contentHtml).toContain('href="https://www.portal.example/lain"');
    expect(mediaTypeOf('tanpa-ekstensi', bytes)).toBe('text/html');
    expect(mediaTypeOf('catatan', Buffer.from('<b>bukan</b> halaman'))).toBe('text/plain');
  });

  it('keeps metadata plain text: entities in JSON-LD decoded, markup in a title dropped', () => {
    const ld = { '@type': 'NewsArticle', headline: 'Harga &amp; Pasar <script>alert(1)</script>', author: { name: '<b>Ani</b> &quot;A&quot;' }, keywords: ['<i>satu</i>'], articleBody: 'Baris pertama cerita yang panjang sekali untuk dibaca.\n<script>alert(2)</script>Baris kedua cerita, juga panjang, dengan <a href="javascript:alert(3)">tautan</a>.' };
    const p = extractPage(page(`<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script><meta property="og:description" content="Ringkas &lt;img src=x onerror=alert(4)&gt;">`, '<div id="app"></div>'), { timeZone: TZ });
    expect(p.meta.title).toBe('Harga & Pasar alert(1)');
    expect(p.meta.authors).toEqual(['Ani "A"']);
    expect(p.meta.tags).toEqual(['satu']);
    expect(p.meta.description).toBe('Ringkas');
    expect(p.container).toBe('json-ld');
    expect(p.article.lines).toEqual(['Baris pertama cerita yang panjang sekali untuk dibaca.', 'Baris kedua cerita, juga panjang, dengan tautan.']);
    expect(dangerousMarkup(p.article.contentHtml!)).toEqual([]);
  });

  it('reads the language from <html lang>, else og:locale', () => {
    const lang = extractPage(Buffer.from(`<html lang="en"><head><meta property="og:locale" content="id_ID"></head><body><article>${storyHtml}</article></body></html>`), { timeZone: TZ });
    expect(lang.meta.language).toBe('en');
    const locale = extractPage(page('<meta property="og:locale" content="id_ID">', `<article>${storyHtml}</article>`), { timeZone: TZ });
    expect(locale.meta.language).toBe('id-ID');
  });
});

describe('body extraction', () => {
  it('prefers itemprop=articleBody over a bigger <article> around comments', () => {
    const p = extractPage(page('', `<article><div itemprop="articleBody">${storyHtml}</div><section class="x">${'<p>Komentar pembaca yang panjang sekali dan tidak ada hubungannya dengan berita ini sama sekali.</p>'.repeat(5)}</section></article>`), { timeZone: TZ });
    expect(p.container).toBe('itemprop');
    expect(p.article.lines).toEqual(STORY);
  });

  it('falls back to the densest text block when there is no <article>', () => {
    const p = extractPage(page('', `<div class="menu"><a href="/a">Satu</a> <a href="/b">Dua</a></div><div class="isi">${storyHtml}</div><div class="kanan"><p><a href="/c">Tautan populer yang panjang di samping</a></p></div>`), { timeZone: TZ });
    expect(p.container).toBe('densest');
    expect(p.article.lines).toEqual(STORY);
  });

  it('isFurnitureName() knows furniture classes by whole words only', () => {
    for (const junk of ['ads-slot', 'div-gpt-ad-123', 'baca-juga', 'bacajuga', 'share-box', 'related-posts', 'box_related', 'linksisip', 'iklan', 'read-next', 'tag__article', 'author-box', 'hidden', 'social-share']) {
      expect(isFurnitureName(junk), junk).toBe(true);
    }
    for (const story of ['detail__body-text', 'read__content', 'editor-content', 'hidden-xs', 'shareholders', 'download', 'leading', 'txt-article', 'article-content-body__item-content', 'post-content', 'adapted']) {
      expect(isFurnitureName(story), story).toBe(false);
    }
  });

  it('the densest block is never a comment list or a teaser list, however long', () => {
    const comments = Array.from({ length: 30 }, (_, i) => `<div class="c"><p>Komentar ${i}: saya setuju, harga memang naik, tapi pemerintah harus bertindak cepat dan tegas.</p></div>`).join('');
    const teasers = Array.from({ length: 300 }, (_, i) => `<div class="item"><a href="/a/${i}">Judul berita nomor ${i} yang cukup panjang sekali</a><span>12/03/2024</span></div>`).join('');
    const p = extractPage(page('', `<div class="isi">${storyHtml}</div><div id="comments">${comments}</div><div class="list">${teasers}</div>`), { timeZone: TZ });
    expect(p.container).toBe('densest');
    expect(p.article.lines).toEqual(STORY);
  });

  it('the densest block takes a story split over sibling blocks', () => {
    const more = ['Paragraf keempat dari halaman kedua berita, dengan kalimat yang sama panjangnya, penuh koma, angka, dan nama.', 'Paragraf kelima, penutup halaman kedua, juga berisi keterangan saksi, polisi, dan warga sekitar.'];
    const p = extractPage(page('', `<div class="wrap"><div class="hal-1">${storyHtml}</div><div class="ads-box">Iklan</div><div class="hal-2">${more.map((m) => `<p>${m}</p>`).join('')}</div></div><div class="kanan"><a href="/x">x</a></div>`), { timeZone: TZ });
    expect(p.container).toBe('densest');
    expect(p.article.lines).toEqual([...STORY, ...more]);
  });

  it('makes images and links absolute and promotes lazy sources', () => {
    const p = extractPage(page('<link rel="canonical" href="https://portal.example/berita/1">', `<article>${storyHtml}<p><img src="/blank.gif" data-src="/foto/a.jpg" data-srcset="/foto/a.jpg 1x, /foto/a2.jpg 2x" alt="a"> <a href="../lain">lain</a> <img data-original="foto/b.jpg" alt="b"></p></article>`), { timeZone: TZ });
    const html = p.article.contentHtml!;
    expect(html).toContain('src="https://portal.example/foto/a.jpg"');
    expect(html).toContain('srcset="https://portal.example/foto/a.jpg 1x, https://portal.example/foto/a2.jpg 2x"');
    expect(html).toContain('src="https://portal.example/berita/foto/b.jpg"');
    expect(html).toContain('href="https://portal.example/lain"');
  });

  it('takes the real image out of a <noscript> beside a placeholder, and reads <amp-img>', () => {
    const p = extractPage(page('<link rel="canonical" href="https://portal.example/a">', `<article>${storyHtml}<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="x"><noscript><img src="/foto/asli.jpg" alt="Foto asli" onerror="alert(1)"></noscript><figcaption>Keterangan foto</figcaption></figure><p><img data-src="/foto/pasar.jpg"><noscript><img src="/foto/pasar.jpg"></noscript></p><amp-img src="/foto/amp.jpg" alt="amp" width="600" height="400"></amp-img></article>`), { timeZone: TZ });
    const html = p.article.contentHtml!;
    expect(html).toContain('<img src="https://portal.example/foto/asli.jpg" alt="Foto asli" />');
    expect(html.match(/foto\/pasar\.jpg/g)).toHaveLength(1);
    expect(html).toContain('src="https://portal.example/foto/amp.jpg"');
    expect(html).not.toContain('data:image/gif');
    expect(dangerousMarkup(html)).toEqual([]);
  });

  it('drops ads, related boxes, share widgets, hidden elements, forms and asides', () => {
    const p = extractPage(page('', `<article>${STORY.map((s, i) => `<p>${s}</p><div class="ads-slot">Iklan ${i}</div>`).join('')}<div class="related-posts"><p>Berita terkait yang panjang sekali</p></div><div class="share-buttons">Bagikan ke teman</div><p hidden>Tersembunyi</p><p style="display: none">Tersembunyi juga</p><aside>Samping</aside><form><p>Isi formulir</p></form></article>`), { timeZone: TZ });
    expect(p.article.lines).toEqual(STORY);
  });

  it('honours a site pack\'s removeSelectors and contentSelectors', () => {
    const bytes = page('<link rel="canonical" href="https://www.portal.example/a">', `<div class="isi-berita">${storyHtml}<p class="sisipan">Kalimat sisipan promosi milik situs ini.</p></div><article><p>${'Artikel lain di halaman yang sama, lebih panjang dari berita utama. '.repeat(8)}</p></article>`);
    const pack: RulePack = { id: 'portal', description: 'portal', sites: ['portal.example'], rules: [], contentSelectors: ['.isi-berita'], removeSelectors: ['.sisipan'] };
    const p = extractPage(bytes, { timeZone: TZ, selectorsFor: (ctx) => (ctx.url?.includes('portal.example') ? { remove: pack.removeSelectors!, content: pack.contentSelectors! } : { remove: [], content: [] }) });
    expect(p.container).toBe('site-selector');
    expect(p.article.lines).toEqual(STORY);
  });

  it('uses JSON-LD articleBody only when the markup lost most of the story', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'H', articleBody: STORY.join('\n\n') });
    const shell = extractPage(page(`<script type="application/ld+json">${ld}</script>`, '<div id="app">Memuat...</div>'), { timeZone: TZ });
    expect(shell.container).toBe('json-ld');
    expect(shell.article.lines).toEqual(STORY);
    const full = extractPage(page(`<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'H', articleBody: 'Ringkasan pendek.' })}</script>`, `<article>${storyHtml}</article>`), { timeZone: TZ });
    expect(full.container).toBe('article');
  });

  it('splits text written with <br><br> into one block per paragraph', () => {
    const p = extractPage(page('', `<div class="isi">${STORY.join('<br><br>\n')}</div>`), { timeZone: TZ });
    expect(p.article.lines).toEqual(STORY);
    expect(p.article.contentHtml).toBe(STORY.map((s) => `<p>${s}</p>`).join(''));
  });

  it('a line the cleaner drops leaves the content HTML too', async () => {
    const bytes = page('', `<article><p>${STORY[0]}</p><p><strong>Baca juga:</strong> <a href="https://a.example/x">Berita lain</a></p><p>${STORY[1]}</p><ul><li>Baca juga: Daftar tautan</li></ul></article>`);
    const input = { name: 'a.html', bytes, mediaType: 'text/html' as const, mtimeMs: null };
    const extracted = await readInput(input, { timeZone: TZ });
    const { draft } = prepare(input, extracted, createCleaner(), { timeZone: TZ, language: 'id', nowMs: FIXED_NOW });
    expect(draft.paragraphs).toEqual([STORY[0], STORY[1]]);
    expect(draft.contentHtml).toBe(`<p>${STORY[0]}</p><p>${STORY[1]}</p>`);
  });

  it('reports a page without article text as an input error that says what to do', async () => {
    const input = { name: 'kosong.html', bytes: page('', '<div id="app"></div>'), mediaType: 'text/html' as const, mtimeMs: null };
    await expect(readInput(input, { timeZone: TZ })).rejects.toThrow(/"kosong\.html": no article text found in the HTML page/);
  });
});

describe('HTML through the CLI', () => {
  const KOMPAS = path.join(ROOT, 'tests/pages/kompas-harga-cabai/source.html');

  it('kliping ingest page.html stores the record with contentHtml and the raw page as .raw.html', async () => {
    const dir = await workspace();
    const r = await runCli(['ingest', KOMPAS], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const day = path.join(dir, 'archive/2024/03/12');
    const names = (await readdir(day)).sort();
    const slug = 'harga-cabai-rawit-tembus-rp-120-000-per-kilogram-di-pasar-induk-kramat-jati';
    expect(names).toEqual([`${slug}.json`, `${slug}.raw.html`]);
    expect(await readFile(path.join(day, `${slug}.raw.html`))).toEqual(await readFile(KOMPAS));
    const record = JSON.parse(await readFile(path.join(day, `${slug}.json`), 'utf8'));
    expect(record).toMatchObject({
      title: 'Harga Cabai Rawit Tembus Rp 120.000 Per Kilogram di Pasar Induk Kramat Jati',
      titleSource: 'input',
      url: 'https://money.kompas.com/read/2024/03/12/091500326/harga-cabai-rawit-tembus-rp-120000-per-kilogram',
      source: 'KOMPAS.com',
      authors: ['Elsa Catriana'],
      language: 'id',
      published: '2024-03-12T09:15:00+07:00',
      publishedSource: 'html-meta',
      image: 'https://asset.kompas.com/crops/abc123=/0x0:1000x667/750x500/data/photo/2024/03/12/cabai.jpg',
      raw: { file: `${slug}.raw.html`, mediaType: 'text/html' },
    });
    const expected = (await readFile(path.join(ROOT, 'tests/pages/kompas-harga-cabai/expected.txt'), 'utf8')).split('\n').filter(Boolean);
    expect(record.paragraphs).toEqual(expected);
    expect(record.contentHtml).toContain('<h2>Pemerintah siapkan operasi pasar</h2>');
    expect(record.contentHtml).not.toContain('Baca juga');
    expect(dangerousMarkup(record.contentHtml)).toEqual([]);
    expect(record.dropped.map((d: { rule: string }) => d.rule)).toContain('id.related.baca');
  });

  it('an .html file in the inbox is archived by kliping run and its content reaches valid feeds', async () => {
    const dir = await workspace();
    const src = path.join(ROOT, 'tests/pages/reuters-style-markets/source.html');
    const target = path.join(dir, 'inbox/markets.html');
    await writeFile(target, await readFile(src));
    const old = new Date(FIXED_NOW - 60_000);
    await utimes(target, old, old);
    const r = await runCli(['run'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(target)).toBe(false);
    const rss = await readFile(path.join(dir, 'feeds/rss.xml'), 'utf8');
    const atom = await readFile(path.join(dir, 'feeds/atom.xml'), 'utf8');
    const json = JSON.parse(await readFile(path.join(dir, 'feeds/feed.json'), 'utf8'));
    expect(xmlError(rss)).toBeNull();
    expect(xmlError(atom)).toBeNull();
    const content = json.items[0].content_html as string;
    expect(content).toContain('<td>Nikkei</td>');
    expect(dangerousMarkup(content)).toEqual([]);
    expect(content).not.toMatch(/onerror|javascript:|<iframe|<svg|<form/i);
    if (requireTool('xmllint')) expect(xmllint(path.join(dir, 'feeds/atom.xml'))).toBe('');
    if (requireTool('feedparser')) expect(feedparser(path.join(dir, 'feeds/rss.xml')).bozo).toBe(0);
  });

  it('kliping clean page.html --explain names the rule of each dropped block', async () => {
    const dir = await workspace();
    const r = await runCli(['clean', '--explain', KOMPAS], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('[id.related.baca]: Baca juga: Harga Beras Premium Naik Lagi Jelang Ramadhan');
    expect(r.stdout).not.toContain('<');
    expect(r.stdout).toContain('"Biasanya satu hari masuk 40 ton');
  });

  it('a windows-1252 page is archived with its characters intact', async () => {
    const dir = await workspace();
    const r = await runCli(['ingest', '--no-publish', path.join(ROOT, 'tests/pages/windows-1252-harbour-blog/source.html')], { cwd: dir });
    expect(r.code).toBe(0);
    const day = path.join(dir, 'archive/2023/11/04');
    const json = (await readdir(day)).find((n) => n.endsWith('.json'))!;
    const record = JSON.parse(await readFile(path.join(day, json), 'utf8'));
    expect(record.paragraphs[1]).toContain('€0.40');
    expect(record.contentHtml).toContain('“People thought we were a waiting room,”');
  });
});

describe('lazy loading', () => {
  const MAIN = path.join(ROOT, 'dist/main.js');

  /** Run the built CLI with a resolve hook that logs every module URL it loads. */
  /**
   * Every module file a CLI run loads: ES modules through a resolve hook, CommonJS ones (the
   * bundle require()s packages inside lazily-initialized modules) from require.cache at exit.
   */
  async function loadedModules(dir: string, args: string[]): Promise<string[]> {
    const log = path.join(dir, 'modules.log');
    await writeFile(path.join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nlet log;\nexport function initialize(data) { log = data.log; }\nexport async function resolve(specifier, context, next) {\n  const r = await next(specifier, context);\n  appendFileSync(log, r.url + '\\n');\n  return r;\n}\n`);
    await writeFile(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', { parentURL: import.meta.url, data: { log: ${JSON.stringify(log)} } });\n`);
    await writeFile(path.join(dir, 'cjs-log.cjs'), `process.on('exit', () => require('node:fs').appendFileSync(${JSON.stringify(log)}, Object.keys(require.cache).join('\\n') + '\\n'));\n`);
    await writeFile(log, '');
    const r = spawnSync(process.execPath, ['--require', './cjs-log.cjs', '--import', './register.mjs', MAIN, ...args], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  }

  it('ingesting only text never loads cheerio or sanitize-html; an HTML page does', async () => {
    expect(existsSync(MAIN), 'dist/main.js is missing: run `npm run build` (npm test builds it)').toBe(true);
    const dir = await workspace();
    await mkdir(path.join(dir, 'in'));
    await writeFile(path.join(dir, 'in/a.txt'), `${STORY.join('\n\n')}\n`);
    const text = await loadedModules(dir, ['ingest', '--no-publish', 'in/a.txt']);
    // The log works: the text run loaded the bundle and the YAML-free text path ran.
    expect(text.some((u) => u.includes('/dist/main.js'))).toBe(true);
    expect(text.filter((u) => /node_modules\/(?:cheerio|sanitize-html|parse5|htmlparser2|undici)\//.test(u))).toEqual([]);
    await writeFile(path.join(dir, 'in/b.html'), page('', `<article>${storyHtml}</article>`));
    const html = await loadedModules(dir, ['ingest', '--no-publish', 'in/b.html']);
    expect(html.some((u) => u.includes('node_modules/cheerio/'))).toBe(true);
    expect(html.some((u) => u.includes('node_modules/sanitize-html/'))).toBe(true);
  });
});
