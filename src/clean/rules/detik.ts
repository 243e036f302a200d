import type { RulePack } from '../../domain/types.js';
import { LEAD } from './shapes.js';

/** detik.com network (detiknews, detikfinance, 20detik, ...). */
export const detik: RulePack = {
  id: 'detik',
  description: 'detik.com network: live-show promos, detikNetwork cross-links',
  sites: ['detik.com', 'detik', 'detiknews', '20detik'],
  rules: [
    {
      id: 'detik.video.live',
      reason: '"Saksikan Live DetikPagi" / "Tonton 20detik" show promo',
      kind: 'line',
      maxLength: 250,
      pattern: String.raw`${LEAD}(?:saksikan|tonton|simak)\s+(?:juga\s+)?(?:live|siaran\s+langsung|program)?\s*(?:detik\p{L}*|20detik)\b.*$`,
      examples: {
        drop: ['Saksikan Live DetikPagi :', 'Tonton 20detik setiap hari di aplikasi'],
        keep: ['Saksikan bagaimana detik-detik banjir itu terjadi, kata warga.'],
      },
    },
    {
      id: 'detik.related.detiknetwork',
      reason: 'Cross-link to a sibling detik site ("Baca juga di detikFood: ...")',
      kind: 'line',
      maxLength: 250,
      pattern: String.raw`${LEAD}(?:baca|simak|lihat)\s+(?:juga\s+)?(?:di|dari)\s+detik\p{L}+\s*[:：].*$`,
      examples: {
        drop: ['Baca juga di detikFood: Resep Rendang Padang'],
        keep: ['Baca juga di detikFood sebelum memasak, saran chef itu.'],
      },
    },
  ],
};
