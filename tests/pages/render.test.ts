import { describe, expect, it } from 'vitest';
import {
  articlePagePath,
  renderArticlePage,
  renderDayPage,
  renderIndexPage,
  renderMonthPage,
  type ListedArticle,
  type PageDocument,
  type PageSite,
} from '../../src/pages/render.js';
import { hostileRecords, record } from '../feeds/fixtures.js';
import { htmlProblems } from './validator.js';

const SITE: PageSite = { title: 'Kliping <Uji> & Coba', description: 'Arsip "berita" <b>uji</b>', language: 'id' };

const withDropped = record({
  published: '2022-02-08T14:30:00+07:00',
  title: 'Macron & Putin <bertemu>',
  authors: ['Redaksi <script>alert(1)</script>'],
  source: 'medcom',
  tags: ['politik', 'a"b'],
  paragraphs: ['Paragraf satu <i>bukan markup</i> & "kutip".', 'Paragraf dua.'],
  dropped: [
    { line: 3, text: 'Baca juga: <a href="x">Tautan</a>', rule: 'id.related.baca' },
    { line: 9, text: 'Cek Berita di Google News', rule: 'id.footer.google-news' },
  ],
  url: 'https://www.medcom.id/internasional/dunia/macron-putin?a=1&b=2',
});

function listed(records: readonly ReturnType<typeof record>[]): ListedArticle[] {
  return records.map((r) => ({ id: r.id, path: r.path, title: r.title, published: r.published, source: r.source }));
}

const hostile = hostileRecords();

function allPages(): PageDocument[] {
  const records = [withDropped, ...hostile];
  return [
    renderIndexPage(SITE, listed(records), [{ key: '2022-04', count: 3 }, { key: '2022-03', count: 3 }, { key: '2022-02', count: 4 }]),
    renderIndexPage(SITE, [], []),
    renderMonthPage(SITE, '2022-03', listed(records.filter((r) => r.path.startsWith('2022/03'))), '2022-02', '2022-04'),
    renderDayPage(SITE, '2022-02-09', listed(records.filter((r) => r.path.startsWith('2022/02/09')))),
    ...records.map((r) => renderArticlePage(SITE, r)),
  ];
}

describe('static pages', () => {
  it('every page of a hostile archive is valid HTML to html-validate', async () => {
    for (const page of allPages()) expect(await htmlProblems(page.html), page.path).toEqual([]);
  });

  it('the validator itself rejects invalid HTML (so the test above can fail)', async () => {
    expect(await htmlProblems('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>x</div></p><p id="a" id="a">y</body></html>')).not.toEqual([]);
  });

  it('every page has a viewport, the stylesheet and autodiscovery links to the three feeds, relative to the page', () => {
    for (const page of allPages()) {
      const up = '../'.repeat(page.path.split('/').length - 1);
      expect(page.html, page.path).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(page.html).toContain(`<link rel="stylesheet" href="${up}style.css">`);
      expect(page.html).toContain(`<link rel="alternate" type="application/rss+xml" title="Kliping &lt;Uji&gt; &amp; Coba (RSS)" href="${up}feeds/rss.xml">`);
      expect(page.html).toContain(`type="application/atom+xml" title="Kliping &lt;Uji&gt; &amp; Coba (Atom)" href="${up}feeds/atom.xml">`);
      expect(page.html).toContain(`type="application/feed+json" title="Kliping &lt;Uji&gt; &amp; Coba (JSON Feed)" href="${up}feeds/feed.json">`);
      expect(page.html).not.toMatch(/<script|<[a-z][^>]*\son[a-z]+=/i);
    }
  });

  it('an article page escapes every text from the archive and lists each dropped line with its rule in a closed <details>', () => {
    const { path, html } = renderArticlePage(SITE, withDropped);
    expect(path).toBe(`${withDropped.path}.html`);
    expect(html).toContain('<h1>Macron &amp; Putin &lt;bertemu&gt;</h1>');
    expect(html).toContain('<p>Paragraf satu &lt;i&gt;bukan markup&lt;/i&gt; &amp; &quot;kutip&quot;.</p>');
    expect(html).toContain('Redaksi &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://www.medcom.id/internasional/dunia/macron-putin?a=1&amp;b=2" rel="noopener noreferrer">');
    expect(html).toContain('<details class="removed">\n<summary>Removed by the cleaner: 2 lines</summary>');
    expect(html).not.toContain('<details open');
    expect(html).toContain('<li><code>id.related.baca</code> <small>line 3</small><br>Baca juga: &lt;a href=&quot;x&quot;&gt;Tautan&lt;/a&gt;</li>');
    expect(html).toContain('<code>id.footer.google-news</code>');
    expect(html).toContain('<time datetime="2022-02-08T14:30:00+07:00">2022-02-08 14:30 +07:00</time>');
    expect(html).toContain('<a href="../../../2022/02/index.html">2022-02</a> › <a href="../../../2022/02/08/index.html">2022-02-08</a>');
  });

  it('an article page inserts the sanitized contentHtml as it is, and nothing else from the record as markup', () => {
    const html = hostileRecords()[1]!;
    const page = renderArticlePage(SITE, html).html;
    expect(page).toContain(html.contentHtml!);
    const plain = hostileRecords()[7]!; // title '<img src=x onerror=alert(1)>'
    const other = renderArticlePage(SITE, plain).html;
    expect(other).not.toContain('<img');
    expect(other).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
  });

  it('an original link that is not an absolute http(s) URL is left out', () => {
    const page = renderArticlePage(SITE, record({ published: '2022-05-01T00:00:00+07:00', url: 'javascript:alert(1)' })).html;
    expect(page).not.toContain('javascript:');
    expect(page).not.toContain('<dt>Original</dt>');
  });

  it('a month page groups its articles by day and links the older and newer month', () => {
    const records = [record({ published: '2022-03-02T08:00:00+07:00', title: 'Dua' }), record({ published: '2022-03-01T08:00:00+07:00', title: 'Satu' })];
    const { path, html } = renderMonthPage(SITE, '2022-03', listed(records), '2022-02', null);
    expect(path).toBe('2022/03/index.html');
    expect(html).toContain('<h2><a href="../../2022/03/02/index.html">2022-03-02</a></h2>');
    expect(html).toContain(`<a href="../../${articlePagePath(records[1]!.path)}">Satu</a>`);
    expect(html).toContain('<a rel="prev" href="../../2022/02/index.html">Older: 2022-02</a>');
    expect(html).not.toContain('rel="next"');
    expect(html.indexOf('Dua')).toBeLessThan(html.indexOf('Satu'));
  });

  it('the same input gives the same bytes (no clock in the pages)', () => {
    expect(allPages()).toEqual(allPages());
  });
});
