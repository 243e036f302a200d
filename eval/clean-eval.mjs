// Measures cleaning quality on held-out articles: `npm run eval [-- SET ...] [--json FILE] [--verbose]`.
//
// A set is a folder of eval/heldout/ with one folder per article: the raw input (input.txt,
// input.md or input.html), expected.txt (the story lines that must remain, verbatim, in order)
// and optionally ambiguous.txt (input lines scored neither way). Every other non-blank line of the
// input is junk that should be dropped. Each article goes through the built CLI
// (`kliping clean FILE --explain`), the way an operator would check it, and is scored:
// - story lines lost: an expected line missing from the output (the serious error);
// - junk lines kept: an output line that is a junk line of the input;
// - altered lines: output lines that are neither (a story line changed, or a line made up);
// - clean articles: nothing lost, kept or altered.
// The articles were written by people who had not seen the rules (see eval/README.md): once a
// set has been used to change the rules, it measures nothing new, and a fresh set is needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/cli.js');

/** Whitespace collapsed and trimmed: what a reader sees of a line. */
export function norm(line) {
  return line.replace(/\s+/gu, ' ').trim();
}

/** The non-blank body lines of an input file (text or Markdown after its front matter). */
export function bodyLines(file, text) {
  let body = text.replace(/^\uFEFF/u, '');
  if (file.endsWith('.md')) {
    const m = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/u.exec(body);
    if (m) body = body.slice(m[0].length);
  }
  return body.split(/\r?\n/u).map(norm).filter((l) => l !== '');
}

function readLines(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/u).map(norm).filter((l) => l !== '') : [];
}

/** Counts of a list's entries. */
function bag(lines) {
  const m = new Map();
  for (const l of lines) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

/**
 * Scores one article: `input` its body lines (null for HTML, whose lines are not the output's),
 * `expected` and `ambiguous` the labels, `output` the cleaned lines.
 */
export function score({ input, expected, ambiguous, output }) {
  const amb = new Set(ambiguous);
  const story = expected.filter((l) => !amb.has(l));
  const storySet = new Set(expected);
  const junk = input === null ? null : input.filter((l) => !storySet.has(l) && !amb.has(l));
  const junkSet = new Set(junk ?? []);
  const out = bag(output);
  const lost = [];
  for (const l of story) {
    const n = out.get(l) ?? 0;
    if (n > 0) out.set(l, n - 1);
    else lost.push(l);
  }
  const kept = [];
  const altered = [];
  for (const [l, n] of out) {
    for (let i = 0; i < n; i++) {
      if (amb.has(l)) continue;
      // Anything else is altered: a changed or made-up line, or a story line printed twice.
      (junkSet.has(l) ? kept : altered).push(l);
    }
  }
  return { story: story.length, junk: junk === null ? null : junk.length, lost, kept, altered };
}

function inputOf(dir) {
  return ['input.md', 'input.txt', 'input.html'].find((f) => existsSync(path.join(dir, f))) ?? null;
}

/** Runs the CLI on one article folder: its kept lines and, per dropped line, the rule. */
function clean(file) {
  const r = spawnSync(process.execPath, [CLI, 'clean', file, '--explain'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`kliping clean ${file} exited ${r.status}: ${r.stderr.trim()}`);
  const rules = new Map();
  for (const m of r.stderr.matchAll(/^dropped line \d+ \[([^\]]+)\]: (.*)$/gmu)) rules.set(norm(m[2]), m[1]);
  return { output: r.stdout.split('\n').map(norm).filter((l) => l !== ''), rules };
}

export function evaluate(setDir) {
  const articles = [];
  for (const name of readdirSync(setDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const dir = path.join(setDir, name);
    const file = inputOf(dir);
    if (!file || !existsSync(path.join(dir, 'expected.txt'))) {
      throw new Error(`${dir}: needs input.txt, input.md or input.html, and expected.txt (see eval/README.md)`);
    }
    const abs = path.join(dir, file);
    const input = file.endsWith('.html') ? null : bodyLines(file, readFileSync(abs, 'utf8'));
    const expected = readLines(path.join(dir, 'expected.txt'));
    if (input) {
      const have = new Set(input);
      const missing = expected.filter((l) => !have.has(l));
      if (missing.length > 0) throw new Error(`${dir}/expected.txt: ${JSON.stringify(missing[0])} is not a line of ${file}; copy story lines verbatim`);
    }
    const { output, rules } = clean(abs);
    const s = score({ input, expected, ambiguous: readLines(path.join(dir, 'ambiguous.txt')), output });
    articles.push({ name, file, ...s, lostRules: s.lost.map((l) => rules.get(l) ?? null) });
  }
  return articles;
}

function pct(a, b) {
  return b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`;
}

export function summary(articles) {
  const sum = (f) => articles.reduce((a, x) => a + f(x), 0);
  const story = sum((a) => a.story);
  const lost = sum((a) => a.lost.length);
  const junk = sum((a) => a.junk ?? 0);
  const kept = sum((a) => a.kept.length);
  const altered = sum((a) => a.altered.length);
  const clean = articles.filter((a) => a.lost.length + a.kept.length + a.altered.length === 0).length;
  return { articles: articles.length, clean, story, lost, junk, kept, altered };
}

async function main() {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const jsonAt = args.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : null;
  if (jsonAt >= 0 && !jsonFile) throw new Error('--json needs a file name');
  const sets = args.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));
  const base = path.join(ROOT, 'eval/heldout');
  // The sets in the order they were made: dev, test, then final, final2, ...
  const rank = (n) => (n === 'dev' ? 0 : n === 'test' ? 1 : 2);
  const names = sets.length > 0 ? sets : readdirSync(base, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const results = {};
  console.log('| set | articles | clean articles | story lines kept | junk lines dropped | altered lines |');
  console.log('|---|---|---|---|---|---|');
  for (const set of names) {
    const dir = path.isAbsolute(set) || set.includes('/') ? path.resolve(set) : path.join(base, set);
    if (!existsSync(dir)) throw new Error(`no set ${JSON.stringify(set)}: ${dir} does not exist`);
    const articles = evaluate(dir);
    const s = summary(articles);
    results[set] = { summary: s, articles };
    console.log(
      `| ${set} | ${s.articles} | ${s.clean} | ${s.story - s.lost}/${s.story} (${pct(s.story - s.lost, s.story)}) | ${s.junk - s.kept}/${s.junk} (${pct(s.junk - s.kept, s.junk)}) | ${s.altered} |`,
    );
  }
  for (const [set, { articles }] of Object.entries(results)) {
    for (const a of articles) {
      if (a.lost.length + a.kept.length + a.altered.length === 0) continue;
      console.log(`\n${set}/${a.name}: ${a.lost.length} story lost, ${a.kept.length} junk kept, ${a.altered.length} altered`);
      if (!verbose) continue;
      a.lost.forEach((l, i) => console.log(`  LOST [${a.lostRules[i] ?? 'not in output'}] ${l}`));
      for (const l of a.kept) console.log(`  KEPT ${l}`);
      for (const l of a.altered) console.log(`  ALTERED ${l}`);
    }
  }
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`eval: ${e.message}`);
    process.exit(2);
  });
}
