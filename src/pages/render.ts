/**
 * Archive -> static HTML pages: an index of the newest articles, a page per month and per day,
 * and a page per article. Pure: data in, `{ path, html }` out; no I/O, no clock.
 *
 * Layout below the pages folder (served at `site.url`; the feeds folder at `site.url` + `feeds/`):
 *   index.html                       the newest articles and the list of months
 *   style.css                        the one stylesheet
 *   YYYY/MM/index.html               a month
 *   YYYY/MM/DD/index.html            a day
 *   YYYY/MM/DD/<slug>.html           an article (the record at archive/YYYY/MM/DD/<slug>.json)
 *
 * Every link is relative, so the pages work below any URL, from `kliping serve` and from disk.
 * Everything taken from the archive is escaped, except the record's `contentHtml`, which was
 * sanitized when the article was archived and is inserted in exactly one place (articleBody).
 */
import type { ArticleRecord } from '../domain/types.js';
import { esc, languageTag, safeHttpUrl, timeElement } from './html.js';
import { groupBy } from '../domain/group.js';

export interface PageSite {
  readonly title: string;
  readonly description: string;
  readonly language: string;
}

/** A page to write: its path inside the pages folder and its text. */
export interface PageDocument {
  readonly path: string;
  readonly html: string;
}

/** What a list of articles shows per article (kept in the pages cache, so lists need no record reads). */
export interface ListedArticle {
  readonly id: string;
  /** Record path `YYYY/MM/DD/<slug>`. */
  readonly path: string;
  readonly title: string;
  readonly published: string;
  readonly source: string | null;
}

/** A month that holds articles, for the index's list of months. */
export interface MonthSummary {
  /** `YYYY-MM`. */
  readonly key: string;
  readonly count: number;
}

const RECORD_PATH = /^(\d{4})\/(\d{2})\/(\d{2})\/[a-z0-9][a-z0-9-]*$/;

/** True when `recordPath` is a record path pages can be written for (`YYYY/MM/DD/<slug>`). */
export function isPagePath(recordPath: string): boolean {
  return RECORD_PATH.test(recordPath);
}

/** `2022/02/08/<slug>.html` for record path `2022/02/08/<slug>`. */
export function articlePagePath(recordPath: string): string {
  return `${recordPath}.html`;
}

/** `2022/02/index.html` for month `2022-02`. */
export function monthPagePath(month: string): string {
  return `${month.replace('-', '/')}/index.html`;
}

/** `2022/02/08/index.html` for day `2022-02-08`. */
export function dayPagePath(day: string): string {
  return `${day.replace(/-/g, '/')}/index.html`;
}

/** `2022-02-08` of record path `2022/02/08/<slug>`. */
export function dayOf(recordPath: string): string {
  return recordPath.split('/').slice(0, 3).join('-');
}

/** The relative way from page `from` to page `to` (both paths inside the pages folder). */
function href(from: string, to: string): string {
  const up = from.split('/').length - 1;
  return `${'../'.repeat(up)}${to}`;
}

function feedLinks(path: string, site: PageSite): string[] {
  const t = esc(site.title);
  return [
    `<link rel="alternate" type="application/rss+xml" title="${t} (RSS)" href="${href(path, 'feeds/rss.xml')}">`,
    `<link rel="alternate" type="application/atom+xml" title="${t} (Atom)" href="${href(path, 'feeds/atom.xml')}">`,
    `<link rel="alternate" type="application/feed+json" title="${t} (JSON Feed)" href="${href(path, 'feeds/feed.json')}">`,
  ];
}

/** The frame every page shares: head with viewport and feed autodiscovery, site header, footer. */
function layout(site: PageSite, path: string, title: string, body: string, lang: string | null = null): PageDocument {
  const siteTitle = esc(site.title);
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${esc(languageTag(site.language) ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title === site.title ? siteTitle : `${esc(title)} · ${siteTitle}`}</title>`,
    `<link rel="stylesheet" href="${href(path, 'style.css')}">`,
    ...feedLinks(path, site),
    '</head>',
    '<body>',
    `<header class="site"><a href="${href(path, 'index.html')}">${siteTitle}</a></header>`,
    lang && lang !== languageTag(site.language) ? `<main lang="${esc(lang)}">` : '<main>',
    body,
    '</main>',
    '<footer class="site">',
    `<p>Subscribe: <a href="${href(path, 'feeds/rss.xml')}">RSS</a> · <a href="${href(path, 'feeds/atom.xml')}">Atom</a> · <a href="${href(path, 'feeds/feed.json')}">JSON Feed</a></p>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { path, html };
}

function articleList(from: string, articles: readonly ListedArticle[]): string {
  if (articles.length === 0) return '<p>No articles.</p>';
  const items = articles.map((a) => {
    const source = a.source ? ` · ${esc(a.source)}` : '';
    return `<li><a href="${href(from, articlePagePath(a.path))}">${esc(a.title || '(untitled)')}</a> <small>${timeElement(a.published)}${source}</small></li>`;
  });
  return ['<ul class="articles">', ...items, '</ul>'].join('\n');
}

/** The index: the newest articles and every month with its number of articles. */
export function renderIndexPage(site: PageSite, newest: readonly ListedArticle[], months: readonly MonthSummary[]): PageDocument {
  const path = 'index.html';
  const body = [
    `<h1>${esc(site.title)}</h1>`,
    site.description ? `<p class="description">${esc(site.description)}</p>` : '',
    '<section aria-labelledby="newest">',
    '<h2 id="newest">Newest articles</h2>',
    articleList(path, newest),
    '</section>',
    '<section aria-labelledby="months">',
    '<h2 id="months">Archive by month</h2>',
    months.length === 0
      ? '<p>No articles yet.</p>'
      : ['<ul class="months">', ...months.map((m) => `<li><a href="${href(path, monthPagePath(m.key))}">${esc(m.key)}</a> <small>${m.count} article${m.count === 1 ? '' : 's'}</small></li>`), '</ul>'].join('\n'),
    '</section>',
  ].filter(Boolean);
  return layout(site, path, site.title, body.join('\n'));
}

/** A month: its articles grouped by day, newest first, with links to the older and newer month. */
export function renderMonthPage(site: PageSite, month: string, articles: readonly ListedArticle[], older: string | null, newer: string | null): PageDocument {
  const path = monthPagePath(month);
  const days = groupBy(articles, (a) => dayOf(a.path));
  const nav: string[] = [];
  if (newer) nav.push(`<a rel="next" href="${href(path, monthPagePath(newer))}">Newer: ${esc(newer)}</a>`);
  if (older) nav.push(`<a rel="prev" href="${href(path, monthPagePath(older))}">Older: ${esc(older)}</a>`);
  const body = [
    `<h1>Articles of ${esc(month)}</h1>`,
    `<p>${articles.length} article${articles.length === 1 ? '' : 's'}.</p>`,
    ...[...days].map(([day, list]) => [`<h2><a href="${href(path, dayPagePath(day))}">${esc(day)}</a></h2>`, articleList(path, list)].join('\n')),
    nav.length > 0 ? `<nav class="pager" aria-label="Months">${nav.join(' ')}</nav>` : '',
  ].filter(Boolean);
  return layout(site, path, month, body.join('\n'));
}

/** A day: its articles, newest first. */
export function renderDayPage(site: PageSite, day: string, articles: readonly ListedArticle[]): PageDocument {
  const path = dayPagePath(day);
  const month = day.slice(0, 7);
  const body = [
    `<h1>Articles of ${esc(day)}</h1>`,
    `<p><a href="${href(path, monthPagePath(month))}">All of ${esc(month)}</a></p>`,
    articleList(path, articles),
  ];
  return layout(site, path, day, body.join('\n'));
}

/** The cleaned story: the sanitized content HTML when the input was HTML, else the paragraphs. */
function articleBody(record: ArticleRecord): string {
  // The one place markup from the archive is inserted: contentHtml was sanitized at ingest.
  if (typeof record.contentHtml === 'string' && record.contentHtml.trim() !== '') return record.contentHtml;
  const paragraphs = Array.isArray(record.paragraphs) ? record.paragraphs : [];
  return paragraphs.length > 0 ? paragraphs.map((p) => `<p>${esc(String(p))}</p>`).join('\n') : '<p>(no text)</p>';
}

function row(name: string, value: string): string {
  return `<dt>${esc(name)}</dt><dd>${value}</dd>`;
}

function list(values: readonly unknown[] | undefined): string {
  return (Array.isArray(values) ? values : []).map((v) => esc(String(v))).join(', ');
}

/** An article: title, metadata, original link, cleaned text, and what the cleaner removed. */
export function renderArticlePage(site: PageSite, record: ArticleRecord): PageDocument {
  const path = articlePagePath(record.path);
  const day = dayOf(record.path);
  const title = typeof record.title === 'string' && record.title.trim() !== '' ? record.title : '(untitled)';
  const url = safeHttpUrl(record.url);
  const meta: string[] = [row('Published', timeElement(String(record.published)))];
  if (record.updated) meta.push(row('Updated', timeElement(String(record.updated))));
  if (record.authors?.length) meta.push(row('Author', list(record.authors)));
  if (record.source) meta.push(row('Source', esc(String(record.source))));
  if (url) meta.push(row('Original', `<a href="${esc(url)}" rel="noopener noreferrer">${esc(url)}</a>`));
  if (record.tags?.length) meta.push(row('Tags', list(record.tags)));
  if (record.language) meta.push(row('Language', esc(String(record.language))));
  meta.push(row('Archived', timeElement(String(record.archived))));
  meta.push(row('Id', `<code>${esc(String(record.id))}</code>`));
  if (record.raw?.file) meta.push(row('Raw original', `<code>${esc(String(record.raw.file))}</code> <small>sha256 ${esc(String(record.raw.sha256))}</small>`));

  const dropped = Array.isArray(record.dropped) ? record.dropped : [];
  const removed =
    dropped.length === 0
      ? '<p class="removed">The cleaner removed nothing.</p>'
      : [
          '<details class="removed">',
          `<summary>Removed by the cleaner: ${dropped.length} line${dropped.length === 1 ? '' : 's'}</summary>`,
          '<ol>',
          ...dropped.map((d) => `<li><code>${esc(String(d.rule))}</code> <small>line ${esc(String(d.line))}</small><br>${esc(String(d.text))}</li>`),
          '</ol>',
          '</details>',
        ].join('\n');

  const lang = languageTag(record.language);
  const body = [
    '<article>',
    `<p class="crumbs"><a href="${href(path, monthPagePath(day.slice(0, 7)))}">${esc(day.slice(0, 7))}</a> › <a href="${href(path, dayPagePath(day))}">${esc(day)}</a></p>`,
    `<h1>${esc(title)}</h1>`,
    `<dl class="meta">${meta.join('')}</dl>`,
    '<div class="content">',
    articleBody(record),
    '</div>',
    removed,
    '</article>',
  ];
  return layout(site, path, title, body.join('\n'), lang);
}

/** `style.css`: small, readable on a phone, respects the reader's dark mode. */
export const STYLESHEET = `:root { color-scheme: light dark; --muted: #666; --line: #ddd; }
@media (prefers-color-scheme: dark) { :root { --muted: #aaa; --line: #444; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 42rem; padding: 1rem; font: 1.05rem/1.6 system-ui, sans-serif; overflow-wrap: break-word; }
header.site { font-weight: bold; padding-bottom: .5rem; border-bottom: 1px solid var(--line); }
footer.site { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.2rem; margin-top: 1.5rem; }
small, .crumbs, .description { color: var(--muted); }
ul.articles, ul.months { padding-left: 0; list-style: none; }
ul.articles li, ul.months li { margin: .5rem 0; }
ul.articles small { display: block; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .9rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; min-width: 0; }
.content img, .content video { max-width: 100%; height: auto; }
details.removed { margin-top: 2rem; padding: .5rem 1rem; border: 1px solid var(--line); border-radius: .3rem; }
details.removed summary { cursor: pointer; }
details.removed li { margin: .5rem 0; }
nav.pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 2rem; }
@media (max-width: 30rem) { dl.meta { grid-template-columns: 1fr; } dl.meta dd { margin-bottom: .4rem; } }
`;
