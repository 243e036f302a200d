/**
 * clean(): extracted body lines -> kept paragraphs + what was dropped and by which rule.
 * Pure: packs and config rules come in, nothing is read from disk.
 */
import type { CleanResult, RulePack, RuleSpec } from '../domain/types.js';
import { cleanLines, compileRule, selectRules, type CompiledRule, type PackContext } from './engine.js';
import { BUILTIN_PACKS } from './rules/index.js';
import { siteNamedIn } from './site.js';

export { splitLines, normalizeLine } from './normalize.js';
export { validateRule, compileRule, checkExamples, cleanLines, packApplies } from './engine.js';
export type { CompiledRule, PackContext, RuleIssue } from './engine.js';
export { BUILTIN_PACKS } from './rules/index.js';
export { HEADER_RULES, HEADLINE_RULE } from './rules/index.js';
export { siteNamedIn } from './site.js';

export interface CleanerOptions {
  readonly packs?: readonly RulePack[];
  /** Extra rules (from the config), already validated. */
  readonly add?: readonly RuleSpec[];
  /** Rule ids switched off. */
  readonly disable?: readonly string[];
}

/** A reusable cleaner: rules are compiled once, then applied to many articles. */
export interface Cleaner {
  clean(lines: readonly string[], ctx: PackContext): CleanResult;
  /** Rules that would apply to an article from `ctx`, in order. */
  rulesFor(ctx: PackContext): readonly CompiledRule[];
  readonly packs: readonly RulePack[];
}

/**
 * Build a cleaner.
 * @example
 * const cleaner = createCleaner();
 * cleaner.clean(['Baca juga: Harga BBM Naik', 'Harga cabai turun.'], { url: null, source: null }).paragraphs;
 * // ['Harga cabai turun.']
 */
export function createCleaner(options: CleanerOptions = {}): Cleaner {
  const packs = options.packs ?? BUILTIN_PACKS;
  const compiled = packs.map((pack) => ({ pack, compiled: pack.rules.map(compileRule) }));
  const extra = (options.add ?? []).map(compileRule);
  const disabled = new Set(options.disable ?? []);
  const rulesFor = (ctx: PackContext): CompiledRule[] => selectRules(compiled, ctx, disabled, extra);
  return {
    packs,
    rulesFor,
    // Without a URL or source, the portal named by the article's dateline picks its site pack.
    clean: (lines, ctx) => cleanLines(lines, rulesFor(ctx.url || ctx.source ? ctx : { url: null, source: siteNamedIn(lines) })),
  };
}
