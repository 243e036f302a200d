/**
 * Real feed consumers: xmllint, Python feedparser, jing, sfeed, newsboat. Where CI is set a missing tool fails
 * the test run instead of skipping (.ci/run installs them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ROOT } from './paths.js';

const PYTHON = '/usr/bin/python3';

function have(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0;
}

export const tools = {
  xmllint: have('xmllint', ['--version']),
  feedparser: existsSync(PYTHON) && have(PYTHON, ['-c', 'import feedparser']),
  jing: have('sh', ['-c', 'command -v jing']),
  sfeed: have('sh', ['-c', 'command -v sfeed']),
  newsboat: have('sh', ['-c', 'command -v newsboat']),
};

export function requireTool(name: keyof typeof tools): boolean {
  if (!tools[name] && process.env.CI) throw new Error(`${name} is missing: .ci/run must install it`);
  return tools[name];
}

/** xmllint --noout: returns stderr (empty when every file is well formed). */
export function xmllint(...files: string[]): string {
  const r = spawnSync('xmllint', ['--noout', ...files], { encoding: 'utf8' });
  return `${r.stderr}${r.status === 0 ? '' : `exit ${r.status}`}`;
}

export const ATOM_RNC = path.join(ROOT, 'tests/schemas/atom.rnc');
export const JSON_FEED_SCHEMA = path.join(ROOT, 'tests/schemas/jsonfeed-1.1.schema.json');

/**
 * jing with the RFC 4287 RELAX NG schema: returns its findings (empty when every file is
 * valid). Debian's wrapper script warns on stderr about optional jars; that is not a finding.
 */
export function jing(...files: string[]): string {
  const r = spawnSync('jing', ['-c', ATOM_RNC, ...files], { encoding: 'utf8' });
  const stderr = r.stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\[warning\] \/usr\/bin\/jing: Unable to locate /.test(l))
    .join('\n');
  return `${r.stdout}${stderr}${r.status === 0 ? '' : `exit ${r.status}`}`;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: true, strictRequired: false }));
const validateJsonFeed = ajv.compile(JSON.parse(readFileSync(JSON_FEED_SCHEMA, 'utf8')) as object);

/** Problems ajv finds in a JSON Feed document against the JSON Feed 1.1 schema (empty when valid). */
export function jsonFeedSchemaErrors(doc: string): string[] {
  if (validateJsonFeed(JSON.parse(doc))) return [];
  return (validateJsonFeed.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

export interface Parsed {
  bozo: number;
  bozo_exception: string | null;
  version: string;
  title: string;
  ids: string[];
  titles: string[];
  links: (string | null)[];
  published: (string | null)[];
  updated: (string | null)[];
  summaries: (string | null)[];
  contents: (string | null)[];
  authors: (string | null)[][];
  enclosures: { href: string; type: string; length: string }[][];
  /** The feed's links with a rel, as [rel, href]. */
  feedLinks: [string, string][];
  /** The feed's language as feedparser reads it. */
  language: string | null;
}

/** Parse a feed file with Python feedparser. */
export function feedparser(file: string): Parsed {
  const script = `
import json, sys, feedparser
d = feedparser.parse(sys.argv[1])
print(json.dumps({
  "bozo": int(d.bozo),
  "bozo_exception": str(d.get("bozo_exception")) if d.bozo else None,
  "version": d.version,
  "title": d.feed.get("title", ""),
  "ids": [e.get("id") for e in d.entries],
  "titles": [e.get("title") for e in d.entries],
  "links": [e.get("link") for e in d.entries],
  "published": [e.get("published") for e in d.entries],
  "updated": [e.get("updated") for e in d.entries],
  "summaries": [e.get("summary") for e in d.entries],
  "contents": [(e.get("content") or [{}])[0].get("value") for e in d.entries],
  "authors": [[a.get("name") for a in e.get("authors", [])] for e in d.entries],
  "enclosures": [[{"href": x.get("href"), "type": x.get("type"), "length": x.get("length")} for x in e.get("enclosures", [])] for e in d.entries],
  "feedLinks": [[l.get("rel"), l.get("href")] for l in d.feed.get("links", [])],
  "language": d.feed.get("language"),
}))`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Parsed;
}

/** An item as sfeed(1) reads it: its TSV fields by name. */
export interface SfeedItem {
  readonly timestamp: string;
  readonly title: string;
  readonly link: string;
  readonly id: string;
}

/** Parse an RSS or Atom file with sfeed (the suckless feed parser). */
export function sfeed(file: string): SfeedItem[] {
  const out = execFileSync('sfeed', { input: readFileSync(file), encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const f = line.split('\t');
      return { timestamp: f[0] ?? '', title: f[1] ?? '', link: f[2] ?? '', id: f[5] ?? '' };
    });
}

/**
 * Load a feed file into newsboat (no terminal: `-x reload print-unread`) with a fresh cache;
 * returns how many articles it took in and the errors it logged.
 */
export function newsboat(file: string, workDir: string): { unread: number; errors: string[] } {
  const urls = path.join(workDir, 'urls');
  const log = path.join(workDir, 'newsboat.log');
  execFileSync('sh', ['-c', `printf '%s\\n' "$1" > "$2"`, 'sh', `file://${file}`, urls]);
  const r = spawnSync('newsboat', ['-u', urls, '-c', path.join(workDir, 'cache.db'), '-x', 'reload', 'print-unread', '-l', '3', '-d', log], {
    encoding: 'utf8',
    env: { ...process.env, HOME: workDir },
    timeout: 30_000,
  });
  const m = /(\d+) unread articles?/.exec(r.stdout);
  const logged = existsSync(log) ? readFileSync(log, 'utf8') : '';
  return { unread: m ? Number(m[1]) : -1, errors: logged.split('\n').filter((l) => /ERROR/.test(l)) };
}
