/**
 * The rule engine: rules are data (see domain/types RuleSpec), compiled once, applied to the
 * lines of one article. Pure: no I/O, no clock.
 */
import type { CleanResult, DroppedLine, RuleKind, RulePack, RuleSpec } from '../domain/types.js';
import { markdownText, normalizeLine } from './normalize.js';

export interface CompiledRule {
  readonly spec: RuleSpec;
  readonly re: RegExp;
  readonly next: RegExp | null;
  readonly notAfter: RegExp | null;
  /** `re`, `next` and `notAfter` are tested against the lower-cased line (see compileRegex). */
  readonly lower: boolean;
  /**
   * With `lower`: the same patterns with `iu`, for the rare line lower-casing would change in
   * meaning (LOWER_CASING_DIFFERS).
   */
  readonly full: { readonly re: RegExp; readonly next: RegExp | null; readonly notAfter: RegExp | null } | null;
  readonly maxNext: number;
  readonly minNext: number;
  /**
   * The spec's limits, copied here with Infinity for "none": every compiled rule has the same
   * shape, so the loop over ~110 rules per line reads them without looking up which of a
   * dozen spec shapes it has (cleanLines() ran ~25% longer reading the specs: 105 against 84 ms
   * for 1,000 synthetic articles).
   */
  readonly maxLength: number;
  readonly firstLines: number;
  readonly lastLines: number;
  readonly aboveStory: boolean;
}

/** A problem with a rule, named by its path inside the pack or config (`rules.add[2].pattern`). */
export interface RuleIssue {
  readonly path: string;
  readonly message: string;
}

const KINDS: readonly RuleKind[] = ['line', 'pair', 'block', 'rest'];
const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const DEFAULT_MAX_NEXT = 12;

/** Syntax that means something only with the `u` flag. */
const NEEDS_UNICODE = /\\[pP]\{|\\u\{|[\u{10000}-\u{10ffff}]/u;

/**
 * Characters where lower-casing and case-insensitive matching part ways: "İ" lower-cases to
 * "i" plus a combining dot (no longer one letter), "ſ" matches "s" under `iu` but stays "ſ".
 */
const LOWER_CASING_DIFFERS = /[\u0130\u017f]/;

/**
 * True when every range in the pattern's character classes is a-z or 0-9 written plainly:
 * a range like [!-~] or [\x00-\x60] holds upper-case letters, which `i` would match in either
 * case and the lower-cased line no longer has.
 */
function plainRanges(source: string): boolean {
  let inClass = false;
  let atClassStart = false;
  let prev: string | null | undefined; // the atom before: a literal, null for an escape, undefined for none
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      // Skip the whole escape: \x41, \u0041, \u{41}, \p{L}, \cJ, or one character.
      const n = source[i + 1];
      if (n === 'x') i += 3;
      else if ((n === 'u' || n === 'p' || n === 'P') && source[i + 2] === '{') i = source.indexOf('}', i);
      else if (n === 'u') i += 5;
      else if (n === 'c') i += 2;
      else i += 1;
      if (i < 0) return false;
      prev = inClass ? null : undefined;
      atClassStart = false;
      continue;
    }
    if (!inClass) {
      if (c === '[') {
        inClass = true;
        atClassStart = true;
        prev = undefined;
      }
      continue;
    }
    if (c === ']') {
      inClass = false;
      continue;
    }
    if (c === '^' && atClassStart) {
      atClassStart = false;
      continue;
    }
    atClassStart = false;
    if (c === '-' && prev !== undefined && i + 1 < source.length && source[i + 1] !== ']') {
      const end = source[i + 1]!;
      if (prev === null || end === '\\') return false;
      if (!((/[a-z]/.test(prev) && /[a-z]/.test(end)) || (/[0-9]/.test(prev) && /[0-9]/.test(end)))) return false;
      i += 1;
      prev = undefined;
      continue;
    }
    prev = c;
  }
  return true;
}

/** Unicode properties that hold of a character and of its lower case alike. */
const CASELESS_PROPERTY = /^(?:L|Letter|M|Mark|N|Number|Nd|P|Punctuation|S|Symbol|Z|Zs|Separator|Extended_Pictographic|Emoji|Emoji_Presentation)$/;

/**
 * Whether a case-insensitive pattern means the same tested on the lower-cased line without
 * `i`: no upper-case ASCII letter, no non-ASCII letter that has a case, and only \p{...}
 * properties that do not depend on case.
 */
function worksLowerCased(source: string): boolean {
  if (!plainRanges(source)) return false;
  for (const m of source.matchAll(/\\[pP]\{([^}]*)\}/g)) if (!CASELESS_PROPERTY.test(m[1]!)) return false;
  // Escapes that name a character count as that character (\x41 is an upper-case A).
  const rest = source
    .replace(/\\[pP]\{[^}]*\}/g, '')
    .replace(/\\x([0-9a-fA-F]{2})|\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g, (_, x, b, u) => String.fromCodePoint(parseInt(x ?? b ?? u, 16)))
    .replace(/\\./g, '');
  for (const c of rest) if (/[A-Z]/.test(c) || (c > '\x7f' && c.toLowerCase() !== c.toUpperCase())) return false;
  return true;
}

function compileRegex(source: string, flags: string | undefined): { re: RegExp; lower: boolean } {
  const f = new Set((flags ?? 'i').split(''));
  f.add('u');
  f.delete('g'); // `g` makes test() stateful, which would skip lines.
  f.delete('y');
  // Compiled with `u` first: its strict syntax refuses what Annex B would quietly misread.
  const strict = new RegExp(source, [...f].join(''));
  if (!f.has('i')) return { re: strict, lower: false };
  // V8 runs a case-insensitive regex up to ~25x slower with `u` than without (measured here:
  // common.ads.script over 14,336 story lines, 319 ms with `iu`, 12 ms with `i`). Where `u`
  // changes nothing a rule can mean (no \p{...}, no \u{...}, nothing outside the BMP), it is
  // left off. Where it is needed, the pattern is tested without `i` on the lower-cased line
  // when that means the same: the built-in `iu` rules went from 299 ms to 113 ms over 15,672
  // synthetic lines.
  if (!NEEDS_UNICODE.test(source)) {
    f.delete('u');
    return { re: new RegExp(source, [...f].join('')), lower: false };
  }
  if (worksLowerCased(source)) {
    f.delete('i');
    return { re: new RegExp(source, [...f].join('')), lower: true };
  }
  return { re: strict, lower: false };
}

/**
 * Every problem with `value` as a rule, or an empty list. `value` is untyped: it may come from
 * a user's config file.
 */
export function validateRule(value: unknown, path: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (key: string, message: string): void => {
    issues.push({ path: key ? `${path}.${key}` : path, message });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    add('', 'must be an object with id, reason, kind, pattern and examples');
    return issues;
  }
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || !ID.test(r.id)) {
    add('id', `must be lower-case words joined by "." or "-", e.g. "my.related.baca" (got ${JSON.stringify(r.id)})`);
  }
  if (typeof r.reason !== 'string' || r.reason.trim() === '') add('reason', 'must say in one line why the line is not story text');
  if (typeof r.kind !== 'string' || !KINDS.includes(r.kind as RuleKind)) {
    add('kind', `must be one of ${KINDS.map((k) => `"${k}"`).join(', ')} (got ${JSON.stringify(r.kind)})`);
  }
  for (const key of ['pattern', 'next', 'notAfter'] as const) {
    const src = r[key];
    if (src === undefined && key !== 'pattern') continue;
    if (typeof src !== 'string' || src === '') {
      add(key, 'must be a non-empty regular expression string');
      continue;
    }
    try {
      compileRegex(src, typeof r.flags === 'string' ? r.flags : undefined);
    } catch (e) {
      add(key, `is not a valid regular expression: ${(e as Error).message}`);
    }
  }
  if (r.flags !== undefined && (typeof r.flags !== 'string' || !/^[imsuv]*$/.test(r.flags))) {
    add('flags', 'must be a string of regular expression flags from "imsu"');
  }
  if ((r.kind === 'pair' || r.kind === 'block') && r.next === undefined) {
    add('next', `is required for kind "${r.kind}": the pattern of the line(s) after the marker`);
  }
  for (const key of ['maxNext', 'minNext', 'maxLength', 'firstLines', 'lastLines'] as const) {
    if (r[key] !== undefined && (!Number.isInteger(r[key]) || (r[key] as number) < 1)) {
      add(key, `must be a whole number of at least 1 (got ${JSON.stringify(r[key])})`);
    }
  }
  for (const key of ['maxNext', 'minNext'] as const) {
    if (r[key] !== undefined && r.kind !== 'block') add(key, 'only applies to kind "block": remove it');
  }
  if (typeof r.minNext === 'number' && r.minNext > ((r.maxNext as number | undefined) ?? DEFAULT_MAX_NEXT)) {
    add('minNext', 'must not be larger than maxNext');
  }
  if (r.firstLines !== undefined && r.lastLines !== undefined) {
    add('lastLines', 'a rule takes firstLines or lastLines, not both: split it into two rules');
  }
  if (r.aboveStory !== undefined && typeof r.aboveStory !== 'boolean') add('aboveStory', `must be true or false (got ${JSON.stringify(r.aboveStory)})`);
  const known = new Set(['id', 'reason', 'kind', 'pattern', 'flags', 'next', 'notAfter', 'maxNext', 'minNext', 'maxLength', 'firstLines', 'lastLines', 'aboveStory', 'examples']);
  for (const key of Object.keys(r)) {
    if (!known.has(key) && !key.startsWith('$')) add(key, `is not a rule key (known: ${[...known].join(', ')})`);
  }
  const ex = r.examples as Record<string, unknown> | undefined;
  if (typeof ex !== 'object' || ex === null) {
    add('examples', 'must be {"drop": [...], "keep": [...]}, at least one line each');
  } else {
    for (const k of ['drop', 'keep'] as const) {
      const list = ex[k];
      if (!Array.isArray(list) || list.length === 0 || !list.every((s) => typeof s === 'string')) {
        add(`examples.${k}`, 'must be a non-empty list of example lines');
      }
    }
  }
  if (issues.length === 0) {
    const failures = checkExamples(compileRule(r as unknown as RuleSpec));
    for (const f of failures) add('examples', f);
  }
  return issues;
}

/** Compile a valid spec. Call validateRule first on untrusted input. */
export function compileRule(spec: RuleSpec): CompiledRule {
  const re = compileRegex(spec.pattern, spec.flags);
  const next = spec.next === undefined ? null : compileRegex(spec.next, spec.flags);
  const notAfter = spec.notAfter === undefined ? null : compileRegex(spec.notAfter, spec.flags);
  // All lower-cased or none: one rule tests one form of the line.
  const lower = re.lower && (next === null || next.lower) && (notAfter === null || notAfter.lower);
  const withI = (r: RegExp): RegExp => new RegExp(r.source, `${r.flags}i`);
  const plain = (r: { re: RegExp; lower: boolean }): RegExp => (r.lower && !lower ? withI(r.re) : r.re);
  return {
    spec,
    re: plain(re),
    next: next === null ? null : plain(next),
    notAfter: notAfter === null ? null : plain(notAfter),
    lower,
    full: lower ? { re: withI(re.re), next: next === null ? null : withI(next.re), notAfter: notAfter === null ? null : withI(notAfter.re) } : null,
    maxNext: spec.maxNext ?? DEFAULT_MAX_NEXT,
    minNext: spec.minNext ?? 0,
    maxLength: spec.maxLength ?? Infinity,
    firstLines: spec.firstLines ?? Infinity,
    lastLines: spec.lastLines ?? Infinity,
    aboveStory: spec.aboveStory === true,
  };
}

/**
 * Run a rule's own examples: each `drop` example (its lines separated by "\n") must lose its
 * first line to this rule, each `keep` example must keep every line. Returns the failures.
 */
export function checkExamples(rule: CompiledRule): string[] {
  const failures: string[] = [];
  for (const example of rule.spec.examples.drop) {
    const result = cleanLines(example.split('\n'), [rule]);
    if (!result.dropped.some((d) => d.line === 1 && d.rule === rule.spec.id)) {
      failures.push(`drop example is kept: ${JSON.stringify(example)}`);
    }
  }
  for (const example of rule.spec.examples.keep) {
    const result = cleanLines(example.split('\n'), [rule]);
    if (result.dropped.length > 0) failures.push(`keep example is dropped: ${JSON.stringify(example)}`);
  }
  return failures;
}

/**
 * Apply `rules` in order to `lines` (already split and trimmed). The first rule that matches
 * a line decides; a `pair` rule whose second line does not match does not apply.
 */
export function cleanLines(lines: readonly string[], rules: readonly CompiledRule[]): CleanResult {
  const norm = lines.map(normalizeLine);
  // Lower-cased lines for `lower` rules, or null where lower-casing would change the meaning.
  const lowered: (string | null | undefined)[] = [];
  const lowerOf = (i: number): string | null => {
    if (lowered[i] === undefined) lowered[i] = LOWER_CASING_DIFFERS.test(norm[i]!) ? null : norm[i]!.toLowerCase();
    return lowered[i]!;
  };
  // Markdown lines are tried a second time as their reader sees them (see markdownText()).
  const text = norm.map(markdownText);
  const loweredText: (string | null | undefined)[] = [];
  const lowerTextOf = (i: number): string | null => {
    if (loweredText[i] === undefined) loweredText[i] = LOWER_CASING_DIFFERS.test(text[i]!) ? null : text[i]!.toLowerCase();
    return loweredText[i]!;
  };
  const test = (rule: CompiledRule, which: 're' | 'next' | 'notAfter', line: string, low: string | null): boolean =>
    !rule.lower ? rule[which]!.test(line) : low === null ? rule.full![which]!.test(line) : rule[which]!.test(low);
  const matches = (rule: CompiledRule, which: 're' | 'next' | 'notAfter', i: number): boolean =>
    test(rule, which, norm[i]!, rule.lower ? lowerOf(i) : null) || (text[i] !== null && test(rule, which, text[i]!, rule.lower ? lowerTextOf(i) : null));
  const droppedBy: (string | null)[] = lines.map(() => null);
  // Positions count non-blank lines only, so blank lines in the input do not move a credit
  // out of a rule's "last N lines".
  const position: number[] = [];
  let count = 0;
  for (const n of norm) position.push(n === '' ? -1 : count++);
  // Whether a line above that reads like story text has been kept: the story has begun (see
  // RuleSpec.aboveStory). A kept kicker ("Bola", "kumparanNEWS") is not story text. Lines are
  // decided in order, and a pair or block only takes lines below its marker.
  let storyBegun = false;
  for (let i = 0; i < lines.length; i++) {
    const line = norm[i]!;
    if (i > 0 && droppedBy[i - 1] === null && readsLikeStory(norm[i - 1]!)) storyBegun = true;
    if (droppedBy[i] !== null || line === '') continue;
    // Read once per line, not once per rule (65 rules a line for an Indonesian text article).
    const low = lowerOf(i);
    const length = line.length;
    const pos = position[i]!;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      if (pos >= rule.firstLines || count - pos > rule.lastLines || (storyBegun && rule.aboveStory)) continue;
      // maxLength holds for the form tested: a pagination line of Markdown links is long, its
      // text ("Halaman : 1 2") is not.
      const onLine = length <= rule.maxLength && (rule.lower ? (low === null ? rule.full!.re.test(line) : rule.re.test(low)) : rule.re.test(line));
      if (!onLine && (text[i] === null || text[i]!.length > rule.maxLength || !test(rule, 're', text[i]!, rule.lower ? lowerTextOf(i) : null))) continue;
      if (rule.notAfter !== null) {
        // The last line kept above the run of marker-like lines this one ends: a list's lead-in
        // stays the lead-in of every item under it, and a dropped line between (an editor's
        // credit, a "Baca juga") is not what the list follows.
        let before = previousNonBlank(norm, i);
        while (before !== -1 && (droppedBy[before] !== null || matches(rule, 're', before))) before = previousNonBlank(norm, before);
        if (before !== -1 && matches(rule, 'notAfter', before)) continue;
      }
      const id = rule.spec.id;
      if (rule.spec.kind === 'line') {
        droppedBy[i] = id;
      } else if (rule.spec.kind === 'pair') {
        const j = nextNonBlank(norm, i);
        if (j === -1 || !matches(rule, 'next', j)) continue;
        droppedBy[i] = id;
        droppedBy[j] = id;
      } else if (rule.spec.kind === 'block') {
        const taken: number[] = [];
        let j = nextNonBlank(norm, i);
        while (j !== -1 && taken.length < rule.maxNext && droppedBy[j] === null && matches(rule, 'next', j)) {
          taken.push(j);
          j = nextNonBlank(norm, j);
        }
        if (taken.length < rule.minNext) continue;
        droppedBy[i] = id;
        for (const t of taken) droppedBy[t] = id;
      } else {
        for (let j = i; j < lines.length; j++) droppedBy[j] = id;
      }
      break;
    }
  }
  const paragraphs: string[] = [];
  const dropped: DroppedLine[] = [];
  lines.forEach((line, i) => {
    const rule = droppedBy[i];
    if (norm[i] === '') return;
    if (rule === null || rule === undefined) paragraphs.push(line.trim());
    else dropped.push({ line: i + 1, text: line.trim(), rule });
  });
  return { paragraphs, dropped };
}

const SENTENCE_END = /[.!?:;"”’)]$/;

/** A line long enough, or ending like a sentence or a lead-in, to be the story's own text. */
function readsLikeStory(norm: string): boolean {
  return norm.length >= 60 || SENTENCE_END.test(norm);
}

function previousNonBlank(norm: readonly string[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (norm[j] !== '') return j;
  return -1;
}

function nextNonBlank(norm: readonly string[], i: number): number {
  for (let j = i + 1; j < norm.length; j++) if (norm[j] !== '') return j;
  return -1;
}

/** Context that decides which site packs apply to an article. */
export interface PackContext {
  readonly url: string | null;
  readonly source: string | null;
}

/** True when `pack` applies to an article from `ctx` (generic packs always do). */
export function packApplies(pack: RulePack, ctx: PackContext): boolean {
  return pack.sites.length === 0 || appliesTo(pack, siteOf(ctx));
}

/** What packs are chosen by: the URL's host and the source name, lower-cased. */
interface Site {
  readonly host: string | null;
  readonly source: string | null;
}

function siteOf(ctx: PackContext): Site {
  let host: string | null = null;
  if (ctx.url) {
    try {
      host = new URL(ctx.url).hostname.toLowerCase();
    } catch {
      host = null;
    }
  }
  return { host, source: ctx.source?.trim().toLowerCase() ?? null };
}

function appliesTo(pack: RulePack, { host, source }: Site): boolean {
  return pack.sites.some((site) => {
    const s = site.toLowerCase();
    if (host && (host === s || host.endsWith(`.${s}`))) return true;
    if (source && (source === s || source === s.split('.')[0] || source.endsWith(`.${s}`))) return true;
    return false;
  });
}

/** Rules in effect for one article: applicable packs in order, minus disabled ids, plus extras. */
export function selectRules(
  packs: readonly { pack: RulePack; compiled: readonly CompiledRule[] }[],
  ctx: PackContext,
  disabled: ReadonlySet<string>,
  extra: readonly CompiledRule[],
): CompiledRule[] {
  const out: CompiledRule[] = [];
  // The URL is parsed once per article, not once per site pack (~20 of them).
  let site: Site | null = null;
  for (const { pack, compiled } of packs) {
    if (pack.sites.length > 0 && !appliesTo(pack, (site ??= siteOf(ctx)))) continue;
    for (const rule of compiled) if (!disabled.has(rule.spec.id)) out.push(rule);
  }
  for (const rule of extra) if (!disabled.has(rule.spec.id)) out.push(rule);
  return out;
}
