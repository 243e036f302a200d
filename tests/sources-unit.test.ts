/** The pure parts of HTTP sources: address checks, feed dates, Retry-After, backoff, feed detection. */
import { describe, expect, it } from 'vitest';
import { isIpLiteral, nonPublicReason } from '../src/sources/http/address.js';
import { parseRetryAfter } from '../src/sources/http/client.js';
import { looksLikeFeed, parseFeed, parseFeedDate } from '../src/sources/http/parse-feed.js';
import { backoffMs } from '../src/sources/http/state.js';

const NOW = Date.parse('2026-01-15T03:00:00Z');

describe('nonPublicReason()', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.20.30.40', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'unique local (private)'],
    ['fc00::1', 'unique local (private)'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a00:1', 'private'],
    ['64:ff9b::192.168.0.1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['ff02::1', 'multicast'],
    ['not-an-ip', 'not an IP address'],
  ])('refuses %s (%s)', (address, why) => {
    expect(nonPublicReason(address)).toBe(why);
  });

  it.each(['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001:80b::200e'])('lets the public address %s through', (address) => {
    expect(nonPublicReason(address)).toBeNull();
  });

  it('isIpLiteral() tells addresses from host names', () => {
    expect(isIpLiteral('127.0.0.1')).toBe(true);
    expect(isIpLiteral('::1')).toBe(true);
    expect(isIpLiteral('www.antaranews.com')).toBe(false);
    expect(isIpLiteral('1.2.3.4.example')).toBe(false);
  });
});

describe('parseFeedDate()', () => {
  it.each([
    ['Tue, 12 Mar 2024 09:15:00 +0700', '2024-03-12T09:15:00+07:00'],
    ['Tue, 12 Mar 2024 02:15:00 GMT', '2024-03-12T09:15:00+07:00'],
    ['12 Mar 24 02:15:00 GMT', '2024-03-12T09:15:00+07:00'],
    ['2024-03-12T02:15:00Z', '2024-03-12T09:15:00+07:00'],
    ['Selasa, 8 Februari 2022 14:30 WIB', '2022-02-08T14:30:00+07:00'],
  ])('reads %s', (text, iso) => {
    expect(parseFeedDate(text, 'Asia/Jakarta', NOW)).toBe(iso);
  });

  it.each(['Tue, 32 Jan 2024 25:61:00 +0700', 'kemarin', '', '0001-01-01T00:00:00Z', '2099-01-01T00:00:00Z'])('gives no date for %j', (text) => {
    expect(parseFeedDate(text, 'Asia/Jakarta', NOW)).toBeNull();
  });
});

describe('parseRetryAfter() and backoffMs()', () => {
  it('reads seconds and HTTP dates, and caps them at a week', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120000);
    expect(parseRetryAfter(new Date(NOW + 60000).toUTCString(), NOW)).toBe(60000);
    expect(parseRetryAfter('99999999', NOW)).toBe(7 * 24 * 3600 * 1000);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
  });

  it('doubles the wait after each failure, up to a day', () => {
    const base = 15 * 60 * 1000;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, base) / 60000)).toEqual([15, 30, 60, 120]);
    expect(backoffMs(20, base)).toBe(24 * 3600 * 1000);
  });
});

describe('feed detection and parsing', () => {
  it('looksLikeFeed() knows RSS, Atom, RDF and JSON Feed from their first bytes, and an HTML page from a feed', () => {
    const b = (s: string): Buffer => Buffer.from(s);
    expect(looksLikeFeed(b('\uFEFF<?xml version="1.0"?>\n<!-- x --><rss version="2.0">'), 'text/xml')).toBe(true);
    expect(looksLikeFeed(b('<feed xmlns="http://www.w3.org/2005/Atom">'), null)).toBe(true);
    expect(looksLikeFeed(b('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">'), null)).toBe(true);
    expect(looksLikeFeed(b('{"version": "https://jsonfeed.org/version/1.1", "items": []}'), 'application/json')).toBe(true);
    expect(looksLikeFeed(b('<!doctype html><html><body>'), 'text/html')).toBe(false);
    expect(looksLikeFeed(b('{"data": 1}'), 'application/json')).toBe(false);
  });

  it('parseFeed() reads a windows-1252 feed by its XML declaration', () => {
    const xml = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss><channel><item><title>Caf'), Buffer.from([0xe9, 0x20, 0x80]), Buffer.from('</title><link>https://x.example/a</link></item></channel></rss>')]);
    expect(parseFeed(xml, { url: 'https://x.example/rss', timeZone: 'Asia/Jakarta', nowMs: NOW }).items[0]?.title).toBe('Café €');
  });

  it('parseFeed() refuses an HTML page with a message that says it is not a feed', () => {
    expect(() => parseFeed(Buffer.from('<html><body>hi</body></html>'), { url: 'https://x.example/', timeZone: 'Asia/Jakarta', nowMs: NOW })).toThrow(/root element is <html>, not <rss>, <feed> or <rdf:RDF>: not a feed/);
  });

  it('parseFeed() takes a GUID as the link only when it is an absolute URL', () => {
    const xml = '<rss><channel><item><title>A</title><guid>https://x.example/a</guid></item><item><title>B</title><guid>b-1</guid></item></channel></rss>';
    const feed = parseFeed(Buffer.from(xml), { url: 'https://x.example/rss', timeZone: 'Asia/Jakarta', nowMs: NOW });
    expect(feed.items.map((i) => [i.guid, i.link])).toEqual([['https://x.example/a', 'https://x.example/a']]);
    expect(feed.problems).toEqual(['item "B" has no http(s) link: skipped']);
  });
});
