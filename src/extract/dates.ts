/**
 * Dates written in article text, Indonesian and English: "Selasa, 8 Februari 2022",
 * "Senin (12/5/2025)", "12 Mei 2025 14:30 WIB", "12 Agt. 2025 pukul 09.15 WITA",
 * "Feb. 8, 2022 2:30 PM", "2025-05-12 14:30 +07:00". Pure: the zone comes in.
 */
import { zonedTimeToMs, formatWithOffset, formatInZone } from '../domain/time.js';

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, pebruari: 2, peb: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, ags: 8, agst: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nopember: 11, nop: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

/** Indonesian time-zone names and their fixed offsets in minutes east of UTC. */
const ZONES: Record<string, number> = { wib: 420, wita: 480, wit: 540, gmt: 0, utc: 0, z: 0 };

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

// No `u` flag on these case-insensitive patterns: V8 runs /iu many times slower than /i, and
// nothing here needs it (ASCII names and digits; see also clean/engine.ts compileRegex).
const DAY_NAMES = String.raw`senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun`;
/** A day name just before a date: "Senin, ", "Selasa (", "Tuesday, ". */
const DAY_BEFORE = new RegExp(String.raw`\b(?:${DAY_NAMES})\.?\s*[,(]?\s*\(?\s*$`, 'i');

const ZONE = String.raw`wita|wib|wit|(?:gmt|utc)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|z`;
/** An optional time after a date: ", 14:30 WIB", " pukul 09.15 WITA", " | 2:30 PM GMT+7". */
const TIME = String.raw`(?:\s*(?:[,|•·/\-–—]|at)?\s*(pukul|pkl\.?|jam)?\s*(\d{1,2})([:.])(\d{2})(?:[:.](\d{2}))?(?:\s*([ap])\.?\s?m\.?)?(?:\s*(${ZONE}))?\b)?`;

/** 8 Februari 2022, 8-Feb-2022, 8 Februari, 2022 */
const DMY = new RegExp(String.raw`\b(\d{1,2})(?:\s+|-)(${MONTH_NAMES})\.?(?:\s+|-|,\s*)(\d{4})\b` + TIME, 'gi');
/** February 8, 2022; Feb. 8th 2022 */
const MDY = new RegExp(String.raw`\b(${MONTH_NAMES})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b` + TIME, 'gi');
/** (12/5/2025), 12/05/2025, 12-05-2025: day first, as Indonesian portals write it. */
const NUMERIC = new RegExp(String.raw`\b(\d{1,2})([/\-])(\d{1,2})\2(\d{4})\b` + TIME, 'gi');
/** 2025-05-12, 2025-05-12 14:30, 2025-05-12T14:30:00+07:00 */
const ISO = new RegExp(String.raw`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?![\d-])`, 'gu');

export interface FoundDate {
  /** ISO 8601 with offset (the written zone when named, else `timeZone`'s). */
  readonly iso: string;
  /** The text that was read as a date. */
  readonly text: string;
}

/** Minutes east of UTC of a written zone ("WITA", "GMT+7", "+07:00"), or undefined. */
function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  const z = zone.toLowerCase().replace(/\s+/g, '');
  const named = ZONES[z];
  if (named !== undefined) return named;
  const m = /^(?:gmt|utc)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return undefined;
  return (m[1] === '-' ? -1 : 1) * minutes;
}

interface Parts {
  y: number;
  mo: number;
  d: number;
  h?: string | undefined;
  mi?: string | undefined;
  s?: string | undefined;
  ampm?: string | undefined;
  zone?: string | undefined;
}

function build(p: Parts, timeZone: string): string | null {
  const { y, mo, d } = p;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  let h = p.h === undefined ? 0 : Number(p.h);
  const mi = p.mi === undefined ? 0 : Number(p.mi);
  const s = p.s === undefined ? 0 : Number(p.s);
  if (p.ampm) {
    if (h < 1 || h > 12) return null;
    if (p.ampm.toLowerCase() === 'p' && h !== 12) h += 12;
    if (p.ampm.toLowerCase() === 'a' && h === 12) h = 0;
  }
  if (h > 23 || mi > 59 || s > 59) return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCDate() !== d) return null;
  const fixed = zoneOffset(p.zone);
  if (fixed !== undefined) {
    const ms = Date.UTC(y, mo - 1, d, h, mi, s) - fixed * 60000;
    return formatWithOffset(ms, fixed);
  }
  return formatInZone(zonedTimeToMs(y, mo, d, h, mi, s, timeZone), timeZone);
}

/**
 * The time captured after a date, or nothing when it is not one: "3.50" after a date is a
 * number ("... 2025, 3.50 persen") unless "pukul"/"jam" or a zone says it is a time.
 */
function timeOf(m: RegExpExecArray, at: number): Pick<Parts, 'h' | 'mi' | 's' | 'ampm' | 'zone'> {
  const [word, h, sep, mi, s, ampm, zone] = m.slice(at, at + 7);
  if (h === undefined) return {};
  if (sep === '.' && !word && !zone && !ampm) return {};
  return { h, mi, s, ampm, zone };
}

interface Candidate {
  readonly index: number;
  readonly score: number;
  readonly iso: string;
  readonly text: string;
}

/**
 * Every full date (day, month, year) written in `text`, in order of appearance, with a score:
 * a time, a zone and a day name each make it more likely to be the article's own date than a
 * date the story mentions ("Pada 17 Agustus 1945 ...").
 */
function candidates(text: string, timeZone: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (m: RegExpExecArray, written: Parts): void => {
    let parts = written;
    let iso = build(parts, timeZone);
    if (!iso && parts.h !== undefined) {
      // "12 Mei 2025 25:10": the date stands even when what follows is not a time.
      parts = { y: parts.y, mo: parts.mo, d: parts.d };
      iso = build(parts, timeZone);
    }
    if (!iso) return;
    const dayName = DAY_BEFORE.test(text.slice(Math.max(0, m.index - 14), m.index));
    const score = (parts.h !== undefined ? 2 : 0) + (parts.zone ? 1 : 0) + (dayName ? 1 : 0);
    // Without a time, the text ends with the year (a number after it was not read).
    const year = m[0].lastIndexOf(String(parts.y));
    const used = parts.h === undefined && year > 0 ? m[0].slice(0, year + 4) : m[0];
    out.push({ index: m.index, score, iso, text: used.trim() });
  };
  for (const m of text.matchAll(DMY)) {
    push(m, { y: Number(m[3]), mo: MONTHS[m[2]!.toLowerCase()] ?? 0, d: Number(m[1]), ...timeOf(m, 4) });
  }
  for (const m of text.matchAll(MDY)) {
    push(m, { y: Number(m[3]), mo: MONTHS[m[1]!.toLowerCase()] ?? 0, d: Number(m[2]), ...timeOf(m, 4) });
  }
  for (const m of text.matchAll(NUMERIC)) {
    push(m, { y: Number(m[4]), mo: Number(m[3]), d: Number(m[1]), ...timeOf(m, 5) });
  }
  for (const m of text.matchAll(ISO)) {
    push(m, { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), h: m[4], mi: m[5], s: m[6], zone: m[7] });
  }
  return out;
}

/**
 * The date of the article as written in its text, or null: the best-marked full date (with a
 * time, a zone or a day name), the earliest among equals.
 * @example
 * findDateInText('Jakarta, Senin (12/5/2025) 14:30 WIB - Presiden ...', 'Asia/Jakarta')?.iso;
 * // '2025-05-12T14:30:00+07:00'
 */
export function findDateInText(text: string, timeZone: string): FoundDate | null {
  const found = candidates(text, timeZone).sort((a, b) => b.score - a.score || a.index - b.index);
  const best = found[0];
  return best ? { iso: best.iso, text: best.text } : null;
}
