/**
 * The one typed config: defaults and validation, pure. Validation is hand-written rather than
 * zod: importing zod costs ~50 ms, more than bare Node's whole start-up (~20 ms), and a cron
 * tick pays it every minute. Every problem is reported with its key path.
 */
import type { ConfigIssue } from '../domain/errors.js';
import type { RuleSpec } from '../domain/types.js';
import { isValidTimeZone } from '../domain/time.js';
import { validateRule } from '../clean/engine.js';

export interface Config {
  readonly paths: { readonly inbox: string; readonly archive: string; readonly feeds: string; readonly pages: string };
  readonly timeZone: string;
  readonly site: {
    readonly title: string;
    readonly description: string;
    /** Absolute URL where `feeds/` is served from its parent, ending in "/". */
    readonly url: string;
    /** BCP 47 language of the articles unless an article says otherwise. */
    readonly language: string;
    readonly author: string | null;
  };
  readonly feeds: {
    /** Newest items in each subscription feed. */
    readonly limit: number;
    /** Publish monthly RFC 5005 archive documents under `feeds/archive/`. */
    readonly archives: boolean;
    /** WebSub: hub URL announced in the feeds and pinged after a feed changes; null = off. */
    readonly websub: { readonly hub: string | null };
  };
  /** Static HTML pages of the archive, published with the feeds into `paths.pages`. */
  readonly pages: { readonly enabled: boolean };
  readonly rules: { readonly add: readonly RuleSpec[]; readonly disable: readonly string[] };
  readonly inbox: {
    /** A file modified less than this many seconds ago may still be being written: skipped. */
    readonly settleSeconds: number;
    /** Larger inputs are refused. */
    readonly maxBytes: number;
  };
  /** Cron expression of `kliping schedule` (5 fields, or 6 with seconds first), in `timeZone`. */
  readonly schedule: string;
  /** Upstream feeds and article pages fetched over HTTP on each tick whose interval has come. */
  readonly sources: readonly SourceConfig[];
  /** How sources are fetched. */
  readonly fetch: FetchConfig;
}

/** One upstream: a feed whose items' pages are archived, or a single article page. */
export interface SourceConfig {
  /** Unique name, shown in `kliping sources` and the run report. */
  readonly name: string;
  /** Absolute http(s) URL. */
  readonly url: string;
  /** `auto`: a feed when the response is RSS, Atom, RDF or JSON Feed, else a page. */
  readonly kind: 'feed' | 'page' | 'auto';
  /** Cleaning rules added or switched off for this source's articles only. */
  readonly rules: { readonly add: readonly RuleSpec[]; readonly disable: readonly string[] };
  /** Newest feed items considered per fetch. */
  readonly limit: number;
  /** Minutes between fetches of this source. */
  readonly intervalMinutes: number;
}

export interface FetchConfig {
  /** User-Agent header; null: `kliping/<version> (+<contact>)`. */
  readonly userAgent: string | null;
  /** URL (or mailto:) where upstream operators reach whoever runs kliping; null: `site.url`. */
  readonly contact: string | null;
  readonly connectTimeoutMs: number;
  /** Limit for a whole response (all redirects and the body). */
  readonly timeoutMs: number;
  /** Larger responses are refused (after decompression). */
  readonly maxBytes: number;
  readonly perHostConcurrency: number;
  /** Pause between the starts of two requests to one host. */
  readonly perHostDelayMs: number;
  /** Fetch loopback, private and link-local addresses too (off: refused after DNS). */
  readonly allowPrivateAddresses: boolean;
}

export const DEFAULT_CONFIG: Config = {
  paths: { inbox: 'inbox', archive: 'archive', feeds: 'feeds', pages: 'pages' },
  timeZone: 'Asia/Jakarta',
  site: {
    title: 'kliping',
    description: 'Cleaned news articles, archived by kliping',
    url: 'http://localhost:8080/',
    language: 'id',
    author: null,
  },
  feeds: { limit: 50, archives: true, websub: { hub: null } },
  pages: { enabled: true },
  rules: { add: [], disable: [] },
  inbox: { settleSeconds: 2, maxBytes: 10 * 1024 * 1024 },
  schedule: '*/15 * * * *',
  sources: [],
  fetch: {
    userAgent: null,
    contact: null,
    connectTimeoutMs: 10000,
    timeoutMs: 30000,
    maxBytes: 5 * 1024 * 1024,
    perHostConcurrency: 2,
    perHostDelayMs: 1000,
    allowPrivateAddresses: false,
  },
};

/** Defaults of a source's optional keys. */
export const SOURCE_DEFAULTS = { kind: 'auto', limit: 20, intervalMinutes: 60 } as const;

type Check = (value: unknown, path: string, issues: ConfigIssue[]) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function str(nonEmpty = true): Check {
  return (v, path, issues) => {
    if (typeof v !== 'string' || (nonEmpty && v.trim() === '')) {
      issues.push({ path, message: `must be ${nonEmpty ? 'a non-empty ' : ''}string (got ${JSON.stringify(v)})` });
    }
    return v;
  };
}

function int(min: number, max: number): Check {
  return (v, path, issues) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      issues.push({ path, message: `must be a whole number from ${min} to ${max} (got ${JSON.stringify(v)})` });
    }
    return v;
  };
}

const timeZone: Check = (v, path, issues) => {
  if (typeof v !== 'string' || !isValidTimeZone(v)) {
    issues.push({ path, message: `must be an IANA time zone such as "Asia/Jakarta" (got ${JSON.stringify(v)})` });
  }
  return v;
};

const siteUrl: Check = (v, path, issues) => {
  if (typeof v !== 'string' || !/^https?:\/\/[^\s/]+/i.test(v)) {
    issues.push({ path, message: `must be an absolute http(s) URL such as "https://example.org/news/" (got ${JSON.stringify(v)})` });
    return v;
  }
  return v.endsWith('/') ? v : `${v}/`;
};

const language: Check = (v, path, issues) => {
  if (typeof v !== 'string' || !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(v)) {
    issues.push({ path, message: `must be a language tag such as "id" or "en-US" (got ${JSON.stringify(v)})` });
  }
  return v;
};

const bool: Check = (v, path, issues) => {
  if (typeof v !== 'boolean') issues.push({ path, message: `must be true or false (got ${JSON.stringify(v)})` });
  return v;
};

const hubUrl: Check = (v, path, issues) => {
  if (v === null) return v;
  let ok = false;
  try {
    ok = typeof v === 'string' && /^https?:$/.test(new URL(v).protocol);
  } catch {
    ok = false;
  }
  if (!ok) issues.push({ path, message: `must be null or an absolute http(s) URL of a WebSub hub such as "https://pubsubhubbub.appspot.com/" (got ${JSON.stringify(v)})` });
  return v;
};

const nullableStr: Check = (v, path, issues) => (v === null ? null : str()(v, path, issues));

const ruleList: Check = (v, path, issues) => {
  if (!Array.isArray(v)) {
    issues.push({ path, message: 'must be a list of rules' });
    return v;
  }
  v.forEach((r, i) => issues.push(...validateRule(r, `${path}[${i}]`)));
  return v;
};

const idList: Check = (v, path, issues) => {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) {
    issues.push({ path, message: 'must be a list of rule ids (see `kliping rules`)' });
  }
  return v;
};

// Only the shape is checked here: the field values are checked by node-cron when
// `kliping schedule` starts, so other commands do not pay for importing it.
const cronShape: Check = (v, path, issues) => {
  const fields = typeof v === 'string' ? v.trim().split(/\s+/).length : 0;
  if (typeof v !== 'string' || (!v.trim().startsWith('@') && fields !== 5 && fields !== 6)) {
    issues.push({ path, message: `must be a cron expression of 5 fields (minute hour day month weekday) or 6 (seconds first), such as "*/15 * * * *" (got ${JSON.stringify(v)})` });
  }
  return typeof v === 'string' ? v.trim() : v;
};

function httpUrl(what: string): Check {
  return (v, path, issues) => {
    let ok = false;
    try {
      ok = typeof v === 'string' && /^https?:$/.test(new URL(v).protocol);
    } catch {
      ok = false;
    }
    if (!ok) issues.push({ path, message: `must be an absolute http(s) URL ${what} (got ${JSON.stringify(v)})` });
    return v;
  };
}

const contactUrl: Check = (v, path, issues) => {
  if (v === null) return v;
  let ok = false;
  try {
    ok = typeof v === 'string' && /^(?:https?|mailto):$/.test(new URL(v).protocol);
  } catch {
    ok = false;
  }
  if (!ok) issues.push({ path, message: `must be null or an http(s) or mailto: URL where upstream sites can reach you, such as "https://example.org/about" (got ${JSON.stringify(v)})` });
  return v;
};

const SOURCE_KEYS = ['name', 'url', 'kind', 'rules', 'limit', 'intervalMinutes'];

/** `sources`: each entry checked by key path, optional keys filled in, names unique. */
const sourceList: Check = (v, path, issues) => {
  if (!Array.isArray(v)) {
    issues.push({ path, message: 'must be a list of sources such as [{ "name": "antara", "url": "https://www.antaranews.com/rss/terkini.xml" }]' });
    return [];
  }
  const names = new Set<string>();
  return v.map((entry, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(entry)) {
      issues.push({ path: p, message: 'must be an object with a name and a url' });
      return entry;
    }
    for (const key of Object.keys(entry)) {
      if (!SOURCE_KEYS.includes(key) && !key.startsWith('$')) issues.push({ path: `${p}.${key}`, message: `is not a known key (known: ${SOURCE_KEYS.join(', ')})` });
    }
    str()(entry.name, `${p}.name`, issues);
    if (typeof entry.name === 'string') {
      if (names.has(entry.name)) issues.push({ path: `${p}.name`, message: `${JSON.stringify(entry.name)} is used by another source: give each source its own name` });
      names.add(entry.name);
    }
    httpUrl('of a feed or an article page, such as "https://www.antaranews.com/rss/terkini.xml"')(entry.url, `${p}.url`, issues);
    const kind = entry.kind ?? SOURCE_DEFAULTS.kind;
    if (!['feed', 'page', 'auto'].includes(kind as string)) issues.push({ path: `${p}.kind`, message: `must be "feed", "page" or "auto" (got ${JSON.stringify(kind)})` });
    const rules = merge({ add: ruleList, disable: idList }, { add: [], disable: [] }, entry.rules, `${p}.rules`, issues);
    const limit = entry.limit === undefined ? SOURCE_DEFAULTS.limit : int(1, 1000)(entry.limit, `${p}.limit`, issues);
    const intervalMinutes = entry.intervalMinutes === undefined ? SOURCE_DEFAULTS.intervalMinutes : int(1, 7 * 24 * 60)(entry.intervalMinutes, `${p}.intervalMinutes`, issues);
    return { name: entry.name, url: entry.url, kind, rules, limit, intervalMinutes };
  });
};

type Shape = { readonly [key: string]: Check | Shape };

const SHAPE: Shape = {
  paths: { inbox: str(), archive: str(), feeds: str(), pages: str() },
  timeZone,
  site: { title: str(), description: str(false), url: siteUrl, language, author: nullableStr },
  feeds: { limit: int(1, 10000), archives: bool, websub: { hub: hubUrl } },
  pages: { enabled: bool },
  rules: { add: ruleList, disable: idList },
  inbox: { settleSeconds: int(0, 86400), maxBytes: int(1, 1024 * 1024 * 1024) },
  schedule: cronShape,
  sources: sourceList,
  fetch: {
    userAgent: nullableStr,
    contact: contactUrl,
    connectTimeoutMs: int(1, 300000),
    timeoutMs: int(1, 3600000),
    maxBytes: int(1024, 1024 * 1024 * 1024),
    perHostConcurrency: int(1, 2),
    perHostDelayMs: int(0, 3600000),
    allowPrivateAddresses: bool,
  },
};

function merge(shape: Shape, defaults: Record<string, unknown>, input: unknown, path: string, issues: ConfigIssue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (input !== undefined && !isObject(input)) {
    issues.push({ path: path || '(top level)', message: 'must be an object' });
    input = {};
  }
  const given = (input ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(key in shape) && !key.startsWith('$')) {
      issues.push({ path: join(path, key), message: `is not a known key (known: ${Object.keys(shape).join(', ')})` });
    }
  }
  for (const [key, check] of Object.entries(shape)) {
    const p = join(path, key);
    const def = defaults[key];
    if (typeof check === 'function') {
      out[key] = given[key] === undefined ? def : check(given[key], p, issues);
    } else {
      out[key] = merge(check, def as Record<string, unknown>, given[key], p, issues);
    }
  }
  return out;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Defaults overlaid with `input` (a parsed config file), and every problem found. */
export function resolveConfig(input: unknown): { config: Config; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const config = merge(SHAPE, DEFAULT_CONFIG as unknown as Record<string, unknown>, input, '', issues) as unknown as Config;
  return { config, issues };
}
