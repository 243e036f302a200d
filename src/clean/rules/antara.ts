import type { RulePack } from '../../domain/types.js';

/** antaranews.com (LKBN ANTARA) and its regional sites. */
export const antara: RulePack = {
  id: 'antara',
  description: 'antaranews.com: photo credits',
  sites: ['antaranews.com', 'antaranews', 'antara'],
  rules: [
    {
      id: 'antara.credit.foto',
      reason: 'ANTARA FOTO photo credit alone on its line',
      kind: 'line',
      maxLength: 120,
      pattern: String.raw`^(?:foto\s*:\s*)?antara\s+foto\s*/\s*[^/,.]{2,60}(?:/[^/,.]{2,20})?$`,
      examples: {
        drop: ['ANTARA FOTO/Hafidz Mubarak A/wpa', 'Foto: ANTARA FOTO/Aditya Pradana Putra'],
        keep: ['ANTARA FOTO/Hafidz memotret peristiwa itu dari atas gedung, katanya.'],
      },
    },
  ],
};
