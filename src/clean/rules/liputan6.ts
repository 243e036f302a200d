import type { RulePack } from '../../domain/types.js';
import { LEAD } from './shapes.js';

/** liputan6.com (Emtek). */
export const liputan6: RulePack = {
  id: 'liputan6',
  description: 'liputan6.com: Cek Fakta boilerplate, infographic embed titles',
  sites: ['liputan6.com', 'liputan6'],
  rules: [
    {
      id: 'liputan6.promo.cek-fakta',
      reason: 'Boilerplate inviting readers to send hoaxes to the Cek Fakta WhatsApp number',
      kind: 'line',
      pattern: String.raw`\bwhatsapp\s+(?:ke\s+nomor\s+)?cek\s+fakta\b.*`,
      examples: {
        drop: ['Jika Anda memiliki informasi seputar hoaks yang ingin kami cek, silakan kontak ke nomor WhatsApp Cek Fakta Liputan6.com 0811-9787-670 atau cukup klik tautan berikut ini.', '* Fakta atau Hoaks? Untuk mengetahui kebenaran informasi yang beredar, silakan WhatsApp ke nomor Cek Fakta Liputan6.com 0811-0000-000.'],
        keep: ['Tim Cek Fakta menelusuri video itu di WhatsApp dan menemukan versi aslinya.'],
      },
    },
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
