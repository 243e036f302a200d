import type { RulePack } from '../../domain/types.js';
import { NAMES, anyCase } from './shapes.js';

/** republika.co.id. */
export const republika: RulePack = {
  id: 'republika',
  description: 'republika.co.id: "Rep: ... Red: ..." credits',
  sites: ['republika.co.id', 'republika.id', 'republika'],
  rules: [
    {
      id: 'republika.credit.rep-red',
      reason: 'Republika\'s "Rep: <name> Red: <name>" credit',
      kind: 'line',
      flags: 'u',
      maxLength: 160,
      // Only on Republika: elsewhere "Red:" could start a quoted colour or a chat transcript.
      pattern: String.raw`^(?:${anyCase('rep')}|${anyCase('red')})\s*[:：]\s*${NAMES}?(?:\s*[/|,]?\s+(?:${anyCase('red')}|${anyCase('rep')})\s*[:：]\s*${NAMES})?\s*$`,
      examples: {
        drop: ['Rep: Fauziah Mursid Red: Muhammad Hafil', 'Red: Ani Nursalikah', 'Rep: Nama Satu/ Red: Nama Dua'],
        keep: ['Red: warna itu dipilih karena berani, katanya.'],
      },
    },
  ],
};
