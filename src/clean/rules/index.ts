import type { RulePack } from '../../domain/types.js';
import { idGeneric } from './id-generic.js';
import { htmlFurniture, htmlSites } from './html-furniture.js';

/** Every built-in pack, generic first, in the order their rules are tried. */
export const BUILTIN_PACKS: readonly RulePack[] = [idGeneric, htmlFurniture, ...htmlSites];
