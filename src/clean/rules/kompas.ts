import type { RulePack } from '../../domain/types.js';
import { LEAD } from './shapes.js';

/** kompas.com and kompas.id. */
export const kompas: RulePack = {
  id: 'kompas',
  description: 'kompas.com / kompas.id: Kompas.com+ upsells, "Tim Redaksi" credit',
  sites: ['kompas.com', 'kompas.id', 'kompas', 'kompas.tv'],
  rules: [
    {
      id: 'kompas.footer.kompas-plus',
      reason: 'Kompas.com+ / Kompas.id subscription upsell',
      kind: 'line',
      maxLength: 250,
      pattern: String.raw`${LEAD}(?:(?:gabung|langganan|berlangganan|nikmati)\b.{0,80}\bkompas(?:\.com\s*\+|\.com\s+plus\b|\.id\b).*|.{0,120}\bkompas\.com\s*\+\W*)$`,
      examples: {
        drop: ['Nikmati artikel tanpa iklan dengan Kompas.com+', 'Berlangganan Kompas.id untuk membaca artikel lengkap'],
        keep: ['Baca laporan lengkap tim riset di halaman Kompas.id edisi Senin, kata editor.'],
      },
    },
    {
      id: 'kompas.credit.tim-redaksi',
      reason: 'The "Tim Redaksi" desk credit alone on its line',
      kind: 'line',
      maxLength: 60,
      pattern: String.raw`^tim\s+redaksi\W*$`,
      examples: {
        drop: ['Tim Redaksi'],
        keep: ['Tim redaksi memverifikasi video itu.'],
      },
    },
  ],
};
