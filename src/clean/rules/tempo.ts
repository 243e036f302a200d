import type { RulePack } from '../../domain/types.js';
import { BULLETED, LEAD } from './shapes.js';

/** tempo.co. */
export const tempo: RulePack = {
  id: 'tempo',
  description: 'tempo.co: AI summary box',
  sites: ['tempo.co', 'tempo'],
  rules: [
    {
      id: 'tempo.page.ringkasan',
      reason: 'The "Ringkasan Berita" summary box and its bullets',
      kind: 'block',
      maxLength: 60,
      maxNext: 6,
      pattern: String.raw`${LEAD}ringkasan\s+berita\W*$`,
      next: BULLETED,
      examples: {
        drop: ['Ringkasan Berita\n• Harga beras naik 10 persen.\n• Bulog menambah stok.'],
        keep: ['Ringkasan berita itu dibuat oleh mesin, kata redaksi.'],
      },
    },
  ],
};
