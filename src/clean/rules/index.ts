import type { RulePack } from '../../domain/types.js';
import { antara } from './antara.js';
import { cnn } from './cnn.js';
import { common } from './common.js';
import { detik } from './detik.js';
import { enGeneric } from './en-generic.js';
import { idGeneric } from './id-generic.js';
import { jpnn } from './jpnn.js';
import { kompas } from './kompas.js';
import { liputan6 } from './liputan6.js';
import { medcom } from './medcom.js';
import { okezone } from './okezone.js';
import { republika } from './republika.js';
import { tempo } from './tempo.js';
import { tribun } from './tribun.js';
import { htmlFurniture, htmlSites } from './html-furniture.js';

/**
 * Every built-in pack, in the order their rules are tried. Site packs (applied when the
 * article's url or source names the site) come first: they know the site's own shape of a
 * marker (jpnn's several headlines under one "Baca Juga:"). Generic packs always apply.
 */
export const BUILTIN_PACKS: readonly RulePack[] = [
  medcom,
  detik,
  kompas,
  tribun,
  cnn,
  liputan6,
  antara,
  tempo,
  okezone,
  jpnn,
  republika,
  // Site packs of HTML pages: their content and furniture selectors, and a few text rules.
  ...htmlSites,
  idGeneric,
  enGeneric,
  common,
  htmlFurniture,
];

export { HEADLINE_RULE } from './common.js';

/**
 * Ids of the built-in rules that drop a page header above the story (`aboveStory`): a date such
 * a line carries is still the article's publication date (pipeline/prepare.ts looks there).
 */
export const HEADER_RULES: ReadonlySet<string> = new Set(BUILTIN_PACKS.flatMap((p) => p.rules).filter((r) => r.aboveStory).map((r) => r.id));
