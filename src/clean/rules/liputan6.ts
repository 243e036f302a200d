import type { RulePack } from '../../domain/types.js';
import { LEAD } from './shapes.js';

/** liputan6.com (Emtek). */
export const liputan6: RulePack = {
  id: 'liputan6',
  description: 'liputan6.com: infographic embed titles',
  sites: ['liputan6.com', 'liputan6'],
  rules: [
    {
      id: 'liputan6.page.infografis',
      reason: 'Title of an embedded "Infografis ..." card',
      kind: 'line',
      maxLength: 140,
      pattern: String.raw`${LEAD}infografis\s+(?![^.]*\.\s*$).{3,120}$`,
      examples: {
        drop: ['Infografis Harga BBM Naik Mulai Hari Ini'],
        keep: ['Infografis itu menunjukkan kenaikan harga beras.'],
      },
    },
  ],
};
