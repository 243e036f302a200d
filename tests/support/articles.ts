/** Generated inbox articles for the operations tests: many distinct, valid Markdown inputs. */
import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

const WORDS = ['ekonomi', 'pemerintah', 'pasar', 'rupiah', 'investasi', 'pelabuhan', 'banjir', 'sekolah', 'petani', 'listrik', 'kereta', 'nelayan'];

/** The Markdown text of article `n` (`version` > 1: an edit of the same URL). */
export function articleText(n: number, version = 1): string {
  const w = (i: number): string => WORDS[(n * 7 + i) % WORDS.length]!;
  const day = String((n % 27) + 1).padStart(2, '0');
  const paragraphs = Array.from(
    { length: 4 },
    (_, i) =>
      `Paragraf ${i + 1} artikel ${n}: laporan tentang ${w(i)} dan ${w(i + 3)} di kota nomor ${n * 13 + i}, ` +
      `ditulis ulang ${version} kali oleh redaksi agar pembaca mendapat gambaran yang utuh tentang ${w(i + 5)}.`,
  );
  return [
    '---',
    `title: "Berita nomor ${n} tentang ${w(0)} ${w(1)}"`,
    `date: 2025-03-${day}T0${n % 10}:15:00+07:00`,
    `url: https://news.example.id/read/${n}/berita-${n}`,
    'source: Example News',
    '---',
    '',
    ...paragraphs.flatMap((p) => [p, '']),
  ].join('\n');
}

/** Write articles `from`..`to-1` into `inbox` as `a-<n>.md`, with an mtime well in the past. */
export async function writeArticles(inbox: string, from: number, to: number): Promise<string[]> {
  const names: string[] = [];
  const old = new Date(Date.now() - 3_600_000);
  for (let n = from; n < to; n++) {
    const name = `a-${String(n).padStart(4, '0')}.md`;
    await writeFile(path.join(inbox, name), articleText(n));
    await utimes(path.join(inbox, name), old, old);
    names.push(name);
  }
  return names;
}
