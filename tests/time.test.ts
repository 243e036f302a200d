import { describe, expect, it } from 'vitest';
import { formatInZone, formatRfc822, zonedTimeToMs } from '../src/domain/time.js';
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
