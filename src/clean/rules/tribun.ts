import type { RulePack } from '../../domain/types.js';
import { LEAD } from './shapes.js';

/** Tribun Network (tribunnews.com and the regional Tribun sites). */
export const tribun: RulePack = {
  id: 'tribun',
  description: 'Tribun Network: network-wide "berita Tribun lainnya" promos',
  sites: ['tribunnews.com', 'tribunnews', 'tribun'],
  rules: [
    {
      id: 'tribun.footer.network',
      reason: 'Promo for more Tribun news ("Baca berita Tribun Jogja lainnya di ...")',
      kind: 'line',
      maxLength: 250,
      pattern: String.raw`${LEAD}(?:baca|simak|ikuti|dapatkan|update)\s+(?:berita|artikel|informasi)\b.{0,60}\btribun\p{L}*(?:\s+\p{L}+)?(?:\.com)?\b.{0,60}\b(?:lainnya|terkini|terbaru|selengkapnya|di\s+sini|google\s+news|whatsapp)\b.*$`,
      examples: {
        drop: ['Baca berita Tribun Jogja lainnya di Google News', 'Update berita terkini Tribunnews lainnya di sini'],
        keep: ['Baca berita di Tribun setiap pagi sudah jadi kebiasaannya sejak 2010.'],
      },
    },
  ],
};
