import type { RulePack } from '../../domain/types.js';
import { LEAD } from './shapes.js';

/** okezone.com (MNC). */
export const okezone: RulePack = {
  id: 'okezone',
  description: 'okezone.com: ORION account promo',
  sites: ['okezone.com', 'okezone'],
  rules: [
    {
      id: 'okezone.promo.orion',
      reason: 'Promo for the MNC ORION account',
      kind: 'line',
      pattern: String.raw`${LEAD}.{0,200}\bakun\s+di\s+orion\b.*$`,
      examples: {
        drop: ['Dapatkan berita up to date dengan semua berita terkini dari Okezone hanya dengan satu akun di ORION, daftar sekarang dengan klik disini dan nantikan kejutan menarik lainnya'],
        keep: ['Orion adalah rasi bintang yang terlihat jelas dari Indonesia.'],
      },
    },
  ],
};
