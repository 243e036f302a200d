import type { RulePack } from '../../domain/types.js';
import { LEAD } from './shapes.js';

/** medcom.id (Media Group): its own sponsored scholarship line and channel promos. */
export const medcom: RulePack = {
  id: 'medcom',
  description: 'medcom.id: OSC scholarship promos, Medcom channel invitations',
  sites: ['medcom.id', 'medcom', 'metrotvnews.com'],
  rules: [
    {
      id: 'medcom.ads.osc',
      reason: 'Sponsored Beasiswa OSC line pointing to osc.medcom.id',
      kind: 'line',
      maxLength: 400,
      pattern: String.raw`\b(?:klik|kunjungi|daftar|info(?:rmasi)?(?:\s+lebih)?\s+lengkap)\b.{0,40}\bosc\.medcom\.id\b\W*$`,
      examples: {
        drop: ['Beasiswa full S1 dan S2 dibuka lagi. Info lebih lengkap klik osc.medcom.id'],
        keep: ['Program beasiswa OSC dari osc.medcom.id sudah meluluskan 300 mahasiswa, kata dia.'],
      },
    },
    {
      id: 'medcom.social.channel',
      reason: 'Invitation to follow Medcom.id on a platform',
      kind: 'line',
      maxLength: 250,
      pattern: String.raw`${LEAD}(?:ikuti|follow|simak|gabung)\b.{0,60}\bmedcom(?:\.id)?\b.{0,60}\b(?:di|on|via|lewat)\s+(?:google\s+news|whatsapp|telegram|instagram|tiktok|youtube|x|twitter|facebook)\b.*$`,
      examples: {
        drop: ['Ikuti Medcom.id di Google News dan WhatsApp Channel'],
        keep: ['Ikuti Medcom.id Awards tahun ini, kata panitia di Jakarta.'],
      },
    },
  ],
};
