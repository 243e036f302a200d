/**
 * Property tests (fast-check): arbitrary strings in every field of a record still give
 * well-formed XML and valid JSON, and a parser gets back exactly the text the model holds.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/domain/types.js';
import { archivePlace, jsonFeedErrors, renderDocuments, subscriptionPlace, SUBSCRIPTION_FILES, xmlError } from '../../src/feeds/index.js';
import { buildModel } from '../../src/feeds/model.js';
import { plainText } from '../../src/feeds/text.js';
import { jing, jsonFeedSchemaErrors, requireTool, xmllint } from '../support/consumers.js';
import { record, SITE } from './fixtures.js';

/** Any UTF-16 string: controls, lone surrogates, `]]>`, markup, entities. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', ']', ';', '"', "'", 'a', ' ', '\u0000', '\ud800', '\u00a0', 'nbsp', '#', 'x', '/', 'b', '='), maxLength: 40 }),
);

const anyRecord = fc
  .record({
    title: anyText,
    summary: anyText,
    authors: fc.array(anyText, { maxLength: 3 }),
    tags: fc.array(anyText, { maxLength: 3 }),
    paragraphs: fc.array(anyText, { maxLength: 3 }),
    contentHtml: fc.option(anyText),
    url: fc.option(fc.oneof(anyText, fc.webUrl())),
    image: fc.option(fc.oneof(anyText, fc.webUrl())),
    language: anyText,
    id: fc.oneof(anyText, fc.uuid().map((u) => `urn:uuid:${u}`)),
    updated: fc.option(fc.oneof(anyText, fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()))),
  })
  .map((f): ArticleRecord => record({ published: '2024-05-06T07:08:09+07:00', ...f }));

const anySite = fc.record({ title: anyText, description: anyText, author: fc.option(anyText) }).map((s) => ({ ...SITE, ...s }));

/** Text content of every element, keyed by its local-name path (`feed/entry/title`), in order. */
function texts(doc: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stack: { path: string; text: string }[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (t) => stack.push({ path: [...stack.map((s) => s.path.split('/').pop()), t.local].join('/'), text: '' }));
  parser.on('text', (t) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => {
    const top = stack.pop()!;
    out.set(top.path, [...(out.get(top.path) ?? []), top.text]);
  });
  parser.write(doc).close();
  return out;
}

describe('feeds of arbitrary text', () => {
  it('are well-formed XML and valid JSON that give back the model\'s text exactly', () => {
    fc.assert(
      fc.property(anySite, fc.array(anyRecord, { minLength: 1, maxLength: 3 }), (site, records) => {
        const place = archivePlace(site.url, '2024-05', '2024-04', null);
        const model = buildModel(site, place, records);
        const [rss, atom, json] = renderDocuments(site, place, { rss: 'r', atom: 'a', json: 'j' }, records).map((d) => d.text) as [string, string, string];
        expect(xmlError(rss)).toBeNull();
        expect(xmlError(atom)).toBeNull();
        expect(jsonFeedErrors(json)).toEqual([]);
        expect(jsonFeedSchemaErrors(json)).toEqual([]);

        const a = texts(atom);
        expect(a.get('feed/title')).toEqual([model.site.title]);
        expect(a.get('feed/entry/id')).toEqual(model.items.map((i) => i.id));
        expect(a.get('feed/entry/title')).toEqual(model.items.map((i) => i.title));
        expect(a.get('feed/entry/content')).toEqual(model.items.map((i) => i.contentHtml));
        const r = texts(rss);
        expect(r.get('rss/channel/item/title')).toEqual(model.items.map((i) => i.title));
        expect(r.get('rss/channel/item/guid')).toEqual(model.items.map((i) => i.id));
        expect(r.get('rss/channel/item/encoded')).toEqual(model.items.map((i) => i.contentHtml));
        expect(r.get('rss/channel/item/creator') ?? []).toEqual(model.items.flatMap((i) => i.authors));
        const j = JSON.parse(json) as { title: string; items: { id: string; title: string; content_html: string; summary?: string }[] };
        expect(j.title).toBe(model.site.title);
        expect(j.items.map((i) => [i.id, i.title, i.content_html, i.summary ?? ''])).toEqual(model.items.map((i) => [i.id, i.title, i.contentHtml, i.summary]));
        for (const i of model.items) expect(i.title).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('keep a title that has no markup, entity or forbidden character exactly as written', () => {
    const plain = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 50 })
      .filter((s) => !/[<&]/.test(s) && /^\S(?:.*\S)?$/su.test(s) && !/\s\s|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/u.test(s))
      .filter((s) => plainText(s) === s);
    fc.assert(
      fc.property(plain, (title) => {
        const [, atom, json] = renderDocuments(SITE, subscriptionPlace(SITE.url, null, null), SUBSCRIPTION_FILES, [record({ published: '2024-05-06T07:08:09+07:00', title })]);
        expect(texts(atom!.text).get('feed/entry/title')).toEqual([title]);
        expect((JSON.parse(json!.text) as { items: { title: string }[] }).items[0]!.title).toBe(title);
      }),
      { numRuns: 200 },
    );
  });

  it('pass xmllint and jing too (a batch of generated documents)', async () => {
    const docs = fc.sample(fc.array(anyRecord, { minLength: 1, maxLength: 3 }), { numRuns: 25, seed: 4287 });
    const dir = await mkdtemp(path.join(tmpdir(), 'kliping-prop-'));
    try {
      const rss: string[] = [];
      const atom: string[] = [];
      for (const [n, records] of docs.entries()) {
        const [r, a] = renderDocuments(SITE, subscriptionPlace(SITE.url, '2024-04', 'https://hub.example.org/'), SUBSCRIPTION_FILES, records);
        rss.push(path.join(dir, `${n}.rss.xml`));
        atom.push(path.join(dir, `${n}.atom.xml`));
        await writeFile(rss[n]!, r!.text);
        await writeFile(atom[n]!, a!.text);
      }
      if (requireTool('xmllint')) expect(xmllint(...rss, ...atom)).toBe('');
      if (requireTool('jing')) expect(jing(...atom)).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
