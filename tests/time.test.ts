import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatInZone, formatRfc822, zonedTimeToMs, zoneOffsetMinutes } from '../src/domain/time.js';
import { findDateInText } from '../src/extract/dates.js';
import { resolveTimestamp } from '../src/pipeline/prepare.js';
import { cutOnWord, titleFromLede } from '../src/extract/title.js';

describe('time', () => {
  it('formatInZone() writes the wall time with the zone offset', () => {
    expect(formatInZone(Date.parse('2022-02-07T17:00:00Z'), 'Asia/Jakarta')).toBe('2022-02-08T00:00:00+07:00');
    expect(formatInZone(Date.parse('2022-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('2022-07-01T14:00:00+02:00');
  });

  it('zonedTimeToMs() is the inverse of formatInZone()', () => {
    expect(new Date(zonedTimeToMs(2022, 2, 8, 14, 30, 0, 'Asia/Makassar')).toISOString()).toBe('2022-02-08T06:30:00.000Z');
  });

  it('formatRfc822() has a four-digit year and the right weekday', () => {
    expect(formatRfc822('2022-02-08T00:00:00+07:00')).toBe('Tue, 08 Feb 2022 00:00:00 +0700');
    expect(formatRfc822('1999-12-31T23:59:59-05:30')).toBe('Fri, 31 Dec 1999 23:59:59 -0530');
  });

  it('resolveTimestamp() reads a zoneless date as wall time in the configured zone', () => {
    expect(resolveTimestamp('2022-02-08', 'Asia/Jakarta')).toBe('2022-02-08T00:00:00+07:00');
    expect(resolveTimestamp('2022-02-08T10:00:00Z', 'Asia/Jakarta')).toBe('2022-02-08T17:00:00+07:00');
    expect(resolveTimestamp('8 Feb', 'Asia/Jakarta')).toBeNull();
  });
});

describe('findDateInText()', () => {
  const tz = 'Asia/Jakarta';
  it('reads an Indonesian date with its day name', () => {
    expect(findDateInText('dilansir dari The Guardian, Selasa, 8 Februari 2022.', tz)?.iso).toBe('2022-02-08T00:00:00+07:00');
  });
  it('reads a time and a WITA zone', () => {
    expect(findDateInText('Makassar, 12 Mei 2025 14:30 WITA - Hujan', tz)?.iso).toBe('2025-05-12T14:30:00+08:00');
  });
  it('reads "Senin (12/5/2025)" as day/month/year', () => {
    expect(findDateInText('Jakarta, Senin (12/5/2025) - Presiden', tz)?.iso).toBe('2025-05-12T00:00:00+07:00');
  });
  it('reads abbreviations such as Agt and Des, and English dates', () => {
    expect(findDateInText('17 Agt 2024', tz)?.iso).toBe('2024-08-17T00:00:00+07:00');
    expect(findDateInText('pada 1 Des 2023', tz)?.iso).toBe('2023-12-01T00:00:00+07:00');
    expect(findDateInText('on February 8, 2022, officials said', tz)?.iso).toBe('2022-02-08T00:00:00+07:00');
  });
  it('ignores impossible dates', () => {
    expect(findDateInText('31 Februari 2022', tz)).toBeNull();
  });
});

describe('titles', () => {
  it('titleFromLede() takes the first sentence, cut on a word boundary', () => {
    expect(titleFromLede(['Harga cabai turun. Pedagang senang.'])).toBe('Harga cabai turun');
    const long = titleFromLede(['a'.repeat(5) + ' word'.repeat(40) + '.']);
    expect(long!.endsWith('word…')).toBe(true);
    expect([...long!].length).toBeLessThanOrEqual(111);
  });
  it('cutOnWord() leaves short text alone', () => {
    expect(cutOnWord('  short  text ', 50)).toBe('short text');
  });
});

describe('findDateInText() with times, zones and day names', () => {
  const tz = 'Asia/Jakarta';
  const iso = (text: string): string | null => findDateInText(text, tz)?.iso ?? null;

  it('reads "pukul 09.15 WITA" and "14:30 WIT" with their fixed offsets', () => {
    expect(iso('Makassar, Senin, 12 Mei 2025 pukul 09.15 WITA')).toBe('2025-05-12T09:15:00+08:00');
    expect(iso('Jayapura, 3 Agu 2024 14:30 WIT')).toBe('2024-08-03T14:30:00+09:00');
  });

  it('reads numeric dates with a time after a comma or a bar', () => {
    expect(iso('Kompas.com - 12/05/2025, 14:30 WIB')).toBe('2025-05-12T14:30:00+07:00');
    expect(iso('Senin, 12-05-2025 | 07:05')).toBe('2025-05-12T07:05:00+07:00');
  });

  it('reads explicit offsets and GMT+7', () => {
    expect(iso('Published 12 May 2025 14:30 +07:00')).toBe('2025-05-12T14:30:00+07:00');
    expect(iso('May 12, 2025 2:30 PM GMT+8')).toBe('2025-05-12T14:30:00+08:00');
    expect(iso('2025-05-12T14:30:00+09:00 update')).toBe('2025-05-12T14:30:00+09:00');
  });

  it('reads English dates with AM/PM and ordinals', () => {
    expect(iso('Feb. 8th 2022 at 9:05 a.m.')).toBe('2022-02-08T09:05:00+07:00');
    expect(iso('Tuesday, 8 February 2022 12:00 AM')).toBe('2022-02-08T00:00:00+07:00');
  });

  it('reads Nop, Nov, Des, Agt and Pebruari', () => {
    expect(iso('10 Nop 2023')).toBe('2023-11-10T00:00:00+07:00');
    expect(iso('5 Pebruari 2021')).toBe('2021-02-05T00:00:00+07:00');
    expect(iso('31 Des. 2020')).toBe('2020-12-31T00:00:00+07:00');
  });

  it('prefers the dated line of the article to a historical date the story mentions first', () => {
    expect(iso('Pada 17 Agustus 1945, kemerdekaan diproklamasikan.\nJakarta, Rabu (13/8/2025) - Upacara digelar.')).toBe('2025-08-13T00:00:00+07:00');
  });

  it('does not read a decimal after a date as a time', () => {
    const found = findDateInText('Hingga 12 Mei 2025, 3.50 persen warga', tz);
    expect(found).toEqual({ iso: '2025-05-12T00:00:00+07:00', text: '12 Mei 2025' });
  });

  it('rejects impossible times and dates', () => {
    expect(iso('12 Mei 2025 25:10 WIB')).toBe('2025-05-12T00:00:00+07:00');
    expect(iso('30/2/2024')).toBeNull();
  });
});

describe('zoneOffsetMinutes() against formatToParts()', () => {
  // The reference: the offset read from the formatter's parts (what zoneOffsetMinutes did
  // before it parsed format() instead).
  const reference = (ms: number, timeZone: string): number => {
    const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const p: Record<string, number> = {};
    for (const x of f.formatToParts(new Date(ms))) if (x.type !== 'literal') p[x.type] = Number(x.value);
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
  };

  it('agrees at random instants from 1000 to 2100 in zones with and without daylight saving', () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        expect(zoneOffsetMinutes(ms, zone)).toBe(reference(ms, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives every millisecond of a second the offset of that second, across a change', () => {
    // Europe/Berlin went from +01:00 to +02:00 at 2024-03-31T01:00:00Z.
    const change = Date.UTC(2024, 2, 31, 1);
    for (const ms of [change - 999, change - 1, change - 500, change, change + 999, change + 1, change - 1000]) {
      expect(zoneOffsetMinutes(ms, 'Europe/Berlin')).toBe(reference(ms, 'Europe/Berlin'));
    }
    expect(zoneOffsetMinutes(change - 1, 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(change, 'Europe/Berlin')).toBe(120);
  });
});

describe('cutOnWord() against its first version', () => {
  const reference = (text: string, max: number): string => {
    const t = text.replace(/\s+/g, ' ').trim();
    if ([...t].length <= max) return t;
    let cut = [...t].slice(0, max).join('');
    const space = cut.lastIndexOf(' ');
    if (space > max / 2) cut = cut.slice(0, space);
    return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
  };
  it('cuts the same on any text of letters, spaces, punctuation, astral and lone surrogates', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', '  ', ',', '.', '—', 'é', '🙂', '𝔸', '\ud83d', '\n', '\t', '\u00a0', '\u3000', '\ufeff');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 30 }), (parts, max) => {
        const text = parts.join('');
        expect(cutOnWord(text, max)).toBe(reference(text, max));
      }),
      { numRuns: 3000 },
    );
  });
});
