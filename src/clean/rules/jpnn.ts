import type { RulePack } from '../../domain/types.js';
import { HEADLINE, LEAD } from './shapes.js';

/** jpnn.com (Jawa Pos National Network). */
export const jpnn: RulePack = {
  id: 'jpnn',
  description: 'jpnn.com: multi-headline "Baca Juga", video promo, "Kamu Sudah Tahu?" related block',
  sites: ['jpnn.com', 'jpnn'],
  rules: [
    {
      id: 'jpnn.related.baca-juga-block',
      reason: 'jpnn puts several headlines under one "Baca Juga:" marker',
      kind: 'block',
      maxLength: 60,
      maxNext: 4,
      pattern: String.raw`${LEAD}baca\s+juga\s*[:：]?\s*$`,
      next: HEADLINE,
      examples: {
        drop: ['Baca Juga:\nPSSI Umumkan Skuad Timnas\nPelatih Timnas Puas dengan Latihan Perdana'],
        keep: ['Baca juga aturannya, kata dia.'],
      },
    },
    {
      id: 'jpnn.video.jangan-lewatkan',
      reason: '"Jangan Lewatkan Video Terbaru:" promo',
      kind: 'line',
      maxLength: 120,
      pattern: String.raw`${LEAD}jangan\s+lewatkan\s+video\b.*$`,
      examples: {
        drop: ['Jangan Lewatkan Video Terbaru:'],
        keep: ['Jangan lewatkan kesempatan ini, kata bupati.'],
      },
    },
    {
      id: 'jpnn.related.sudah-tahu',
      reason: '"Kamu Sudah Tahu Belum?" / "Kamu Sudah Baca Ini?" related-links heading and its headlines',
      kind: 'block',
      maxLength: 80,
      maxNext: 5,
      pattern: String.raw`${LEAD}(?:kamu|anda)\s+sudah\s+(?:tahu|baca)(?:\s+(?:belum|yang\s+ini|ini))?\s*\?\s*$`,
      next: HEADLINE,
      examples: {
        drop: ['Kamu Sudah Tahu Belum?\nHarga Emas Antam Naik Lagi'],
        keep: ['Kamu sudah tahu belum? Harga beras naik lagi, kata ibu itu.'],
      },
    },
  ],
};
