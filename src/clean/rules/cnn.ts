import type { RulePack } from '../../domain/types.js';
import { HEADLINE, LEAD } from './shapes.js';

/** CNN Indonesia and CNBC Indonesia (Trans Media). */
export const cnn: RulePack = {
  id: 'cnn-cnbc',
  description: 'cnnindonesia.com / cnbcindonesia.com: "Next Article" links, CNBC video promos',
  sites: ['cnnindonesia.com', 'cnnindonesia', 'cnbcindonesia.com', 'cnbcindonesia'],
  rules: [
    {
      id: 'cnn.related.next-article',
      reason: '"Next Article" / "Artikel Selanjutnya" and the headline it links to',
      kind: 'pair',
      maxLength: 60,
      pattern: String.raw`${LEAD}(?:next\s+article|artikel\s+selanjutnya)\W*$`,
      next: HEADLINE,
      examples: {
        drop: ['Next Article\nRupiah Ditutup Melemah ke Rp16.200'],
        keep: ['Artikel selanjutnya akan membahas inflasi, kata redaksi.'],
      },
    },
    {
      id: 'cnn.video.cnbc-tv',
      reason: 'CNBC Indonesia TV promo ("Saksikan CNBC Indonesia TV ...")',
      kind: 'line',
      maxLength: 200,
      pattern: String.raw`${LEAD}(?:saksikan|tonton|simak)\s+(?:juga\s+)?(?:siaran\s+)?(?:cnbc|cnn)\s+indonesia\s+(?:tv|live)\b.*$`,
      examples: {
        drop: ['Saksikan CNBC Indonesia TV di kanal 30 TransVision'],
        keep: ['Saksikan bagaimana CNBC Indonesia menyiarkan debat itu, katanya.'],
      },
    },
  ],
};
