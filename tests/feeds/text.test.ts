import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { absoluteUrl, absolutizeHtml, escapeXml, escapeXmlHex, imageType, isLanguageTag, plainText, rfc3339, stripIllegalXml } from '../../src/feeds/text.js';
import { esc } from '../../src/pages/html.js';
import { formatRfc822 } from '../../src/domain/time.js';

describe('feeds/text', () => {
  it('stripIllegalXml() removes controls, U+FFFE/FFFF and lone surrogates but keeps tabs, newlines and emoji', () => {
    expect(stripIllegalXml('a\u0000b\u0008c\u000bd\ufffee\uffff\ud800f\tg\nh🎉')).toBe('abcdef\tg\nh🎉');
  });

  it('escapeXml(), escapeXmlHex() and the pages\' esc() escape in one pass exactly as one replace per character did', () => {
    // The chained replaces they replaced, kept here as the reference.
    const chain = (t: string, refs: [RegExp, string][]): string => refs.reduce((acc, [re, to]) => acc.replace(re, to), t);
    const ILLEGAL_HTML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
    const xml = (t: string): string => chain(stripIllegalXml(t), [[/&/g, '&amp;'], [/</g, '&lt;'], [/>/g, '&gt;'], [/"/g, '&quot;'], [/'/g, '&apos;'], [/\r/g, '&#13;']]);
    const hex = (t: string): string => chain(stripIllegalXml(t), [[/&/g, '&#x26;'], [/</g, '&#x3C;'], [/>/g, '&#x3E;'], [/"/g, '&#x22;'], [/'/g, '&#x27;'], [/\r/g, '&#13;']]);
    const html = (t: string): string => chain(t, [[ILLEGAL_HTML, ''], [/&/g, '&amp;'], [/</g, '&lt;'], [/>/g, '&gt;'], [/"/g, '&quot;'], [/'/g, '&#39;'], [/\r\n?/g, '\n']]);
    const piece = fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", '\r', '\n', '\r\n', '\t', '\u0000', '\u0008', '\u001f', '\u0085', '\ufffe', '\ud800', '\udc00', '🙂', 'é', ']]>', '&amp;', '\r\r\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (t) => {
        expect(escapeXml(t)).toBe(xml(t));
        expect(escapeXmlHex(t)).toBe(hex(t));
        expect(esc(t)).toBe(html(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('escapeXml() never leaves "]]>" or a raw CR', () => {
    expect(escapeXml('x]]>y]]>\r')).toBe('x]]&gt;y]]&gt;&#13;');
    expect(escapeXmlHex('AT&T <b> "q"')).toBe('AT&#x26;T &#x3C;b&#x3E; &#x22;q&#x22;');
  });

  it('plainText() turns markup into text and entities into characters', () => {
    expect(plainText('<b>Harga</b> &amp; Pasar&nbsp;Induk &lt;b&gt;')).toBe('Harga & Pasar Induk <b>');
    expect(plainText('a < b && c')).toBe('a < b && c');
    expect(plainText('  satu \n dua  ')).toBe('satu dua');
  });

  it('absoluteUrl() resolves against a base, keeps only http(s), and gives a strict RFC 3986 URI', () => {
    expect(absoluteUrl('/a/b?c=d', 'https://x.example/y/z')).toBe('https://x.example/a/b?c=d');
    expect(absoluteUrl('//cdn.example/p.gif', 'http://x.example/')).toBe('http://cdn.example/p.gif');
    expect(absoluteUrl('javascript:alert(1)')).toBeNull();
    expect(absoluteUrl('/relatif')).toBeNull();
    expect(absoluteUrl('mailto:a@b.c')).toBeNull();
    expect(absoluteUrl('https://contoh.id/é|x^y?q=[1]#a#b')).toBe('https://contoh.id/%C3%A9%7Cx%5Ey?q=%5B1%5D#a%23b');
    expect(absoluteUrl('HTTPS://Example.ORG:443/a%zz')).toBe('https://example.org/a%25zz');
    expect(absoluteUrl('https://例え.jp/')).toBe('https://xn--r8jz45g.jp/');
  });

  it('absolutizeHtml() makes links and sources absolute and drops what cannot be', () => {
    const html = '<a href="/x">x</a><img src=\'y.png\' srcset="y2.png 2x"><a href="javascript:z()">z</a><a href="mailto:r@e.com">m</a><a href="#s">s</a>';
    expect(absolutizeHtml(html, 'https://n.example/a/b')).toBe(
      '<a href="https://n.example/x">x</a><img src="https://n.example/a/y.png"><a>z</a><a href="mailto:r@e.com">m</a><a href="https://n.example/a/b#s">s</a>',
    );
    expect(absolutizeHtml('<a href="/x">x</a>', null)).toBe('<a>x</a>');
    expect(absolutizeHtml('<a href="https://a.example/?p=1&amp;q=2">x</a>', null)).toBe('<a href="https://a.example/?p=1&amp;q=2">x</a>');
  });

  it('imageType() tells the media type from the extension only', () => {
    expect(imageType('https://c.example/a/b.JPG?w=1')).toBe('image/jpeg');
    expect(imageType('https://c.example/a.webp')).toBe('image/webp');
    expect(imageType('https://c.example/image?id=3')).toBeNull();
    expect(imageType('https://c.example/file.mp4')).toBeNull();
  });

  it('rfc3339() keeps a timestamp with an offset as written and rejects what names no instant', () => {
    expect(rfc3339('2022-02-08T00:00:00+07:00')).toBe('2022-02-08T00:00:00+07:00');
    expect(rfc3339('2022-02-08')).toBe('2022-02-08T00:00:00Z');
    expect(rfc3339('kemarin')).toBeNull();
    expect(rfc3339(null)).toBeNull();
  });

  it('isLanguageTag() accepts BCP 47 tags and refuses underscores and empty strings', () => {
    expect(['id', 'en-US', 'zh-Hant-TW'].every(isLanguageTag)).toBe(true);
    expect(['en_US', '', 'id\u0000', 'toolonglanguage'].some(isLanguageTag)).toBe(false);
  });

  it('formatRfc822() writes four-digit years and the right weekday', () => {
    expect(formatRfc822('2022-02-08T00:00:00+07:00')).toBe('Tue, 08 Feb 2022 00:00:00 +0700');
    expect(formatRfc822('2024-02-29T23:59:59-03:30')).toBe('Thu, 29 Feb 2024 23:59:59 -0330');
    expect(formatRfc822('0999-12-31T00:00:00Z')).toBe('Tue, 31 Dec 0999 00:00:00 +0000');
  });
});
