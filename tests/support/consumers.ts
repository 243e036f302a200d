/**
 * Real feed consumers: xmllint, Python feedparser, jing. Where CI is set a missing tool fails
 * the test run instead of skipping (.ci/run installs them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PYTHON = '/usr/bin/python3';

function have(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0;
}

export const tools = {
  xmllint: have('xmllint', ['--version']),
  feedparser: existsSync(PYTHON) && have(PYTHON, ['-c', 'import feedparser']),
  jing: have('sh', ['-c', 'command -v jing']),
};

export function requireTool(name: keyof typeof tools): boolean {
  if (!tools[name] && process.env.CI) throw new Error(`${name} is missing: .ci/run must install it`);
  return tools[name];
}

/** xmllint --noout: returns stderr (empty when the file is well formed). */
export function xmllint(file: string): string {
  const r = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  return `${r.stderr}${r.status === 0 ? '' : `exit ${r.status}`}`;
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
}))`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as Parsed;
}
