/**
 * Dates written in article text, Indonesian and English: "Selasa, 8 Februari 2022",
 * "Senin (12/5/2025)", "12 Mei 2025 14:30 WIB", "Feb. 8, 2022". Pure: the zone comes in.
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

/** Indonesian time-zone names and their fixed offsets in minutes. */
const ZONES: Record<string, number> = { wib: 420, wita: 480, wit: 540, gmt: 0, utc: 0 };

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const TIME = String.raw`(?:\s*(?:,|pukul|pkl\.?|jam|-|–|at)?\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(wib|wita|wit|gmt|utc)?)?`;
/** 8 Februari 2022 [14:30 WIB] */
const DMY = new RegExp(String.raw`\b(\d{1,2})\s+(${MONTH_NAMES})\.?\s+(\d{4})\b` + TIME, 'iu');
/** February 8, 2022 [14:30] */
const MDY = new RegExp(String.raw`\b(${MONTH_NAMES})\.?\s+(\d{1,2}),?\s+(\d{4})\b` + TIME, 'iu');
/** (12/5/2025) or 12/05/2025 [14:30 WIB] */
const NUMERIC = new RegExp(String.raw`\(?\b(\d{1,2})/(\d{1,2})/(\d{4})\b\)?` + TIME, 'u');

export interface FoundDate {
  /** ISO 8601 with offset (the written zone when named, else `timeZone`'s). */
  readonly iso: string;
  /** The text that was read as a date. */
  readonly text: string;
}

function build(
  y: number,
  mo: number,
  d: number,
  hh: string | undefined,
  mm: string | undefined,
  ss: string | undefined,
  zone: string | undefined,
  timeZone: string,
): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const h = hh === undefined ? 0 : Number(hh);
  const mi = mm === undefined ? 0 : Number(mm);
  const s = ss === undefined ? 0 : Number(ss);
  if (h > 23 || mi > 59 || s > 59) return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCDate() !== d) return null;
  const fixed = zone ? ZONES[zone.toLowerCase()] : undefined;
  if (fixed !== undefined) {
    const ms = Date.UTC(y, mo - 1, d, h, mi, s) - fixed * 60000;
    return formatWithOffset(ms, fixed);
  }
  return formatInZone(zonedTimeToMs(y, mo, d, h, mi, s, timeZone), timeZone);
}

/** The first full date (day, month, year) written in `text`, or null. */
export function findDateInText(text: string, timeZone: string): FoundDate | null {
  const candidates: { index: number; iso: string; text: string }[] = [];
  const dmy = DMY.exec(text);
  if (dmy) {
    const iso = build(Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()] ?? 0, Number(dmy[1]), dmy[4], dmy[5], dmy[6], dmy[7], timeZone);
    if (iso) candidates.push({ index: dmy.index, iso, text: dmy[0] });
  }
  const mdy = MDY.exec(text);
  if (mdy) {
    const iso = build(Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase()] ?? 0, Number(mdy[2]), mdy[4], mdy[5], mdy[6], mdy[7], timeZone);
    if (iso) candidates.push({ index: mdy.index, iso, text: mdy[0] });
  }
  const num = NUMERIC.exec(text);
  if (num) {
    // Indonesian portals write day/month/year.
    const iso = build(Number(num[3]), Number(num[2]), Number(num[1]), num[4], num[5], num[6], num[7], timeZone);
    if (iso) candidates.push({ index: num.index, iso, text: num[0] });
  }
  candidates.sort((a, b) => a.index - b.index);
  const first = candidates[0];
  return first ? { iso: first.iso, text: first.text.trim() } : null;
}
