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
};

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
