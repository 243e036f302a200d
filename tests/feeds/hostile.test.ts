/**
 * A hostile archive (markup and entities in titles, `]]>`, control characters, emoji, RTL text,
 * very long text, relative and invalid URLs, missing fields) published and handed to every real
 * consumer: saxes, xmllint, jing with the RFC 4287 schema, feedparser, ajv with a JSON Feed 1.1
 * schema. The documents are also golden files (tests/golden/feeds/hostile, `npm run golden`).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../src/pipeline/publish.js';
import { xmlError, jsonFeedErrors } from '../../src/feeds/index.js';
import { feedparser, jing, jsonFeedSchemaErrors, requireTool, xmllint } from '../support/consumers.js';
import { ROOT } from '../support/paths.js';
import { hostileRecords, seededArchive, SITE } from './fixtures.js';

const UPDATE = process.env.UPDATE_GOLDENS === '1';
const GOLDEN = path.join(ROOT, 'tests/golden/feeds/hostile');
const NOW = Date.parse('2026-01-15T03:00:00Z');
const records = hostileRecords();

let ws: Awaited<ReturnType<typeof seededArchive>>;
let docs: string[] = [];

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    // feed.xsl is the browser stylesheet, not a feed document (tested in tests/pages/).
    if (e.isFile() && !e.name.startsWith('.') && e.name !== 'feed.xsl') out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  }
  return out.sort();
}

const read = (name: string): Promise<string> => readFile(path.join(ws.feeds, name), 'utf8');
const file = (name: string): string => path.join(ws.feeds, name);

beforeAll(async () => {
  ws = await seededArchive(records);
  await publish(ws.store, { feedsDir: ws.feeds, site: SITE, limit: 5, nowMs: NOW });
  docs = await listFiles(ws.feeds);
});
afterAll(() => ws.cleanup());

describe('feeds of a hostile archive', () => {
  it('publishes the subscription feeds and one archive document per month in each format', () => {
    expect(docs).toEqual([
      'archive/2022-02.atom.xml',
      'archive/2022-02.json',
      'archive/2022-02.rss.xml',
      'archive/2022-03.atom.xml',
      'archive/2022-03.json',
      'archive/2022-03.rss.xml',
      'archive/2022-04.atom.xml',
      'archive/2022-04.json',
      'archive/2022-04.rss.xml',
      'atom.xml',
      'feed.json',
      'rss.xml',
    ]);
  });

  it('every document equals its golden file', async () => {
    for (const name of docs) {
      const got = await read(name);
      const golden = path.join(GOLDEN, name);
      if (UPDATE) {
        await mkdir(path.dirname(golden), { recursive: true });
        await writeFile(golden, got);
      }
      expect(got, `${name} differs from tests/golden/feeds/hostile: run \`npm run golden\` and review the diff`).toBe(await readFile(golden, 'utf8'));
    }
  });

  it('every XML document is well formed for saxes and xmllint, with nothing on stderr', async () => {
    const xml = docs.filter((d) => d.endsWith('.xml'));
    for (const name of xml) expect(xmlError(await read(name)), name).toBeNull();
    if (requireTool('xmllint')) expect(xmllint(...xml.map(file))).toBe('');
  });

  it('every Atom document is valid against the RFC 4287 RELAX NG schema (jing)', () => {
    if (!requireTool('jing')) return;
    expect(jing(...docs.filter((d) => d.endsWith('atom.xml')).map(file))).toBe('');
  });

  it('every JSON Feed document is valid against the JSON Feed 1.1 schema (ajv)', async () => {
    for (const name of docs.filter((d) => d.endsWith('.json'))) {
      const text = await read(name);
      expect(jsonFeedErrors(text), name).toEqual([]);
      expect(jsonFeedSchemaErrors(text), name).toEqual([]);
    }
  });

  it('feedparser reads every RSS and Atom document with bozo 0 and the JSON Feed\'s ids, in the same order', async () => {
    if (!requireTool('feedparser')) return;
    const groups = [['rss.xml', 'atom.xml', 'feed.json'], ...['2022-02', '2022-03', '2022-04'].map((m) => [`archive/${m}.rss.xml`, `archive/${m}.atom.xml`, `archive/${m}.json`])];
    for (const group of groups) {
      const ourIds = (JSON.parse(await read(group[2]!)) as { items: { id: string }[] }).items.map((i) => i.id);
      expect(ourIds.length).toBeGreaterThan(0);
      for (const name of group.slice(0, 2)) {
        const parsed = feedparser(file(name));
        expect(parsed.bozo, `${name}: ${parsed.bozo_exception}`).toBe(0);
        expect(parsed.ids, name).toEqual(ourIds);
      }
    }
  });

  it('titles with < and & reach Atom and JSON Feed readers intact, and markup in a title becomes plain text', async () => {
    const json = JSON.parse(await read('archive/2022-02.json')) as { items: { id: string; title: string }[] };
    const title = json.items.find((i) => i.id === records[0]!.id)!.title;
    expect(title).toBe('Harga BBM naik & turun: a < b && c > d');
    if (!requireTool('feedparser')) return;
    const atom = feedparser(file('archive/2022-02.atom.xml'));
    expect(atom.titles[atom.ids.indexOf(records[0]!.id)]).toBe(title);
  });

  it('&nbsp; and other HTML entities in titles and summaries become characters, never XML entities', async () => {
    for (const name of docs.filter((d) => d.endsWith('.xml'))) {
      const text = await read(name);
      expect(text, name).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)[a-zA-Z][a-zA-Z0-9]*;/);
    }
    const json = JSON.parse(await read('archive/2022-02.json')) as { items: { id: string; title: string; summary?: string }[] };
    const item = json.items.find((i) => i.id === records[1]!.id)!;
    // A no-break space in a plain-text field folds like any other space.
    expect(item.title).toBe('Presiden Jokowi & Prabowo bertemu');
    expect(item.summary).toBe('Kata kunci © 2022 &bogus; 😀');
  });

  it(']]> twice and at the end of a field is kept as text in every format', async () => {
    const id = records[2]!.id;
    const json = JSON.parse(await read('archive/2022-02.json')) as { items: { id: string; title: string; content_html: string }[] };
    const item = json.items.find((i) => i.id === id)!;
    expect(item.title).toBe('CDATA ]]> dua kali ]]>');
    expect(item.content_html).toContain('dan di akhir ]]&gt;</p>');
    if (!requireTool('feedparser')) return;
    const atom = feedparser(file('archive/2022-02.atom.xml'));
    expect(atom.titles[atom.ids.indexOf(id)]).toBe('CDATA ]]> dua kali ]]>');
  });

  it('characters illegal in XML 1.0 are removed from every field, in JSON Feed too', async () => {
    for (const name of docs) {
      const text = await read(name);
      expect(text, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\\u0000|\\u0001|\\ud800/);
    }
    const json = JSON.parse(await read('archive/2022-03.json')) as { items: { id: string; title: string; authors?: { name: string }[]; tags?: string[]; url?: string; language?: string }[] };
    const item = json.items.find((i) => i.id === records[3]!.id)!;
    expect(item.title).toBe('Kontrol karakter');
    expect(item.authors).toEqual([{ name: 'Penulis' }]);
    expect(item.tags).toEqual(['tag']);
    expect(item.url).toBe('https://news.example.com/kontrol');
    expect(item.language).toBeUndefined();
  });

  it('emoji and right-to-left text survive, with the item language on the entry', async () => {
    const json = JSON.parse(await read('archive/2022-03.json')) as { items: { id: string; title: string; language?: string; url?: string; image?: string }[] };
    const item = json.items.find((i) => i.id === records[4]!.id)!;
    expect(item.title).toBe('Emoji 🇮🇩🎉 dan RTL: مرحبا بالعالم \u202eterbalik\u202c שלום');
    expect(item.language).toBe('ar');
    expect(item.url).toBe('https://contoh.id/berita/h%C3%A9llo%20w%C3%B6rld?q=%C3%A4%20%C3%B6#bagian');
    expect(item.image).toBe('https://contoh.id/gambar/foto-%C3%BCmlaut.webp');
    expect(await read('archive/2022-03.atom.xml')).toContain(`<entry xml:lang="ar">\n<id>${records[4]!.id}</id>`);
  });

  it('every URL in every document is absolute, and URLs that cannot be made absolute are left out', async () => {
    for (const name of docs) {
      // The stylesheet instruction's href is relative on purpose: browsers load XSL only from
      // the feed's own origin, which differs between a preview server and site.url.
      const text = (await read(name)).replace(/^<\?xml-stylesheet type="text\/xsl" href="(?:\.\.\/)?feed\.xsl"\?>\n/m, '');
      const urls = [
        ...text.matchAll(/(?:href|url)="([^"]*)"/g),
        ...text.matchAll(/<link>([^<]*)<\/link>/g),
        ...text.matchAll(/"(?:url|image|feed_url|home_page_url|next_url)": "([^"]*)"/g),
        ...text.matchAll(/(?:href|src)=&quot;(.*?)&quot;/g),
        ...text.matchAll(/(?:href|src)=\\"(.*?)\\"/g),
      ].map((m) => m[1]!.replace(/&amp;/g, '&'));
      expect(urls.length, name).toBeGreaterThan(0);
      for (const u of urls) expect(u, `${name}: ${u}`).toMatch(/^(?:https?:\/\/[^\s/]+|mailto:)/);
      expect(text, name).not.toContain('javascript:');
    }
    const json = JSON.parse(await read('archive/2022-02.json')) as { items: { id: string; content_html: string; image?: string }[] };
    const edited = json.items.find((i) => i.id === records[1]!.id)!;
    expect(edited.content_html).toContain('<a href="https://news.example.com/berita/lain">');
    expect(edited.content_html).toContain('<img src="https://news.example.com/2022/02/09/gambar.png" alt="">');
    expect(edited.image).toBe('https://news.example.com/img/relatif.png');
  });

  it('missing fields still give a complete item: a title, content, a description, and no empty elements', async () => {
    const json = JSON.parse(await read('archive/2022-04.json')) as { items: { id: string; title: string; content_html: string; summary?: string; url?: string }[] };
    const empty = json.items.find((i) => i.id === records[6]!.id)!;
    expect(empty.title).toBe('(untitled)');
    expect(empty.content_html).toBe('<p>(untitled)</p>');
    expect(empty.summary).toBeUndefined();
    expect(empty.url).toBeUndefined();
    const markupTitle = json.items.find((i) => i.id === records[7]!.id)!;
    expect(markupTitle.title).toBe('Judul hanya markup; isi menjadi judul.');
    const rss = await read('archive/2022-04.rss.xml');
    expect(rss).not.toMatch(/<(title|description|dc:creator|category)><\//);
    expect(rss).toContain('<title>(untitled)</title>\n<guid isPermaLink="false">urn:uuid:00000000-0000-5000-8000-fffffffffff7</guid>\n<pubDate>Tue, 05 Apr 2022 08:00:00 +0700</pubDate>\n<description>(untitled)</description>\n<content:encoded>&lt;p&gt;(untitled)&lt;/p&gt;</content:encoded>');
  });

  it('RSS plain-text elements write & < > as hexadecimal references, as the RSS Best Practices Profile asks', async () => {
    const rss = await read('archive/2022-02.rss.xml');
    expect(rss).toContain('<title>Kliping &#x26; Coba</title>');
    expect(rss).toContain('<title>Harga BBM naik &#x26; turun: a &#x3C; b &#x26;&#x26; c &#x3E; d</title>');
    expect(rss).toContain('<category>a&#x3C;b</category>');
    // The description is HTML to RSS readers: its text is HTML-escaped, then XML-escaped.
    expect(rss).toContain('<description>Ringkasan dengan markup &amp;amp; a &amp;lt; b</description>');
    for (const m of rss.matchAll(/<(title|dc:creator|category|link|guid|language)>([^<]*)</g)) expect(m[2], m[0]).not.toMatch(/&(?:amp|lt|gt);/);
  });

  it('RSS items carry dc:creator (never <author>), a non-permalink guid, RFC 822 dates and at most one typed enclosure', async () => {
    const rss = await read('archive/2022-02.rss.xml');
    expect(rss).not.toContain('<author>');
    expect(rss).toContain('<dc:creator>Redaksi</dc:creator>');
    expect(rss.match(/<dc:creator>Budi &#x26; Ani<\/dc:creator>/g)).toHaveLength(1);
    expect(rss).toContain(`<guid isPermaLink="false">${records[0]!.id}</guid>`);
    expect(rss).toContain('<pubDate>Tue, 08 Feb 2022 00:00:00 +0700</pubDate>');
    expect(rss).toContain('<enclosure url="https://cdn.example.com/img/lead.JPG?w=800" length="0" type="image/jpeg"/>');
    for (const item of rss.split('<item>').slice(1)) expect((item.match(/<enclosure /g) ?? []).length).toBeLessThanOrEqual(1);
    // No enclosure where the URL does not tell the image type; JSON Feed still has the image.
    const april = await read('archive/2022-04.rss.xml');
    expect(april).not.toContain('no-extension');
    expect(april).toContain('<enclosure url="https://cdn.example.com/proto-relative.gif" length="0" type="image/gif"/>');
    const json = JSON.parse(await read('archive/2022-04.json')) as { items: { id: string; image?: string }[] };
    expect(json.items.find((i) => i.id === records[7]!.id)!.image).toBe('https://cdn.example.com/no-extension');
  });

  it('an edited article keeps its published time and says when it was updated, in all formats', async () => {
    const id = records[8]!.id;
    const json = JSON.parse(await read('archive/2022-04.json')) as { items: { id: string; date_published: string; date_modified?: string }[] };
    expect(json.items.find((i) => i.id === id)).toMatchObject({ date_published: '2022-04-07T08:00:00+07:00', date_modified: '2022-04-08T09:00:00+07:00' });
    const atom = await read('archive/2022-04.atom.xml');
    expect(atom).toContain(`<id>${id}</id>\n<title type="text">Artikel yang diedit</title>\n<published>2022-04-07T08:00:00+07:00</published>\n<updated>2022-04-08T09:00:00+07:00</updated>`);
    // The feed's updated is the newest entry's updated, not the newest published.
    expect(/<\/subtitle>\n<updated>([^<]+)<\/updated>/.exec(atom)?.[1]).toBe('2022-04-08T09:00:00+07:00');
    expect(await read('archive/2022-04.rss.xml')).toContain('<lastBuildDate>Fri, 08 Apr 2022 09:00:00 +0700</lastBuildDate>');
  });
});
