/**
 * One polite, bounded HTTP GET. node:http/https rather than the global fetch: their `lookup`
 * hook lets the connection go to the very address that was resolved and checked (no second DNS
 * answer between the check and the connect), and the socket's `connect` event gives a real
 * connect timeout; Node 20's fetch offers neither without installing undici.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { isIpLiteral, nonPublicReason } from './address.js';

/** Resolve a host name to its addresses (injectable: tests map names to 127.0.0.1). */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export interface HttpGetOptions {
  readonly userAgent: string;
  readonly accept: string;
  readonly connectTimeoutMs: number;
  /** For everything: every redirect hop and the whole body. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly allowPrivateAddresses: boolean;
  readonly resolve?: Resolver;
  /** Validators of the copy we have: sent as If-None-Match / If-Modified-Since. */
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  /** Called before each request (redirect hops too) with its URL; the gate of its host. */
  readonly beforeRequest?: (url: URL) => Promise<() => void>;
  readonly now: () => number;
}

export interface HttpResponse {
  /** 200..299, or 304 when the validators still hold. */
  readonly status: number;
  /** The URL after redirects. */
  readonly url: string;
  readonly contentType: string | null;
  readonly charset: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly body: Buffer;
}

/** A fetch that did not give a usable response; `reason` says why, for the state file and report. */
export class FetchError extends Error {
  readonly url: string;
  readonly status: number | null;
  /** When the server asked us to wait (Retry-After), in ms from now. */
  readonly retryAfterMs: number | null;
  constructor(url: string, reason: string, options: { status?: number; retryAfterMs?: number | null } = {}) {
    super(reason);
    this.name = 'FetchError';
    this.url = url;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** Retry-After as ms from `nowMs`: delta-seconds or an HTTP date; capped at a week. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (!value) return null;
  const v = value.trim();
  let ms: number;
  if (/^\d+$/.test(v)) ms = Number(v) * 1000;
  else {
    const t = Date.parse(v);
    if (Number.isNaN(t)) return null;
    ms = t - nowMs;
  }
  return Math.min(Math.max(ms, 0), 7 * 24 * 3600 * 1000);
}

/** The address to connect to, checked; throws FetchError when the host is refused. */
async function resolveChecked(url: URL, options: HttpGetOptions): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIpLiteral(host)) addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch (e) {
      throw new FetchError(url.href, `cannot resolve ${host} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): check the host name`);
    }
  }
  const first = addresses[0];
  if (!first) throw new FetchError(url.href, `${host} has no address: check the host name`);
  if (!options.allowPrivateAddresses) {
    // Every address, not just the first: a name must not be a way into the private network.
    for (const a of addresses) {
      const why = nonPublicReason(a.address);
      if (why) {
        throw new FetchError(url.href, `refused to fetch ${host}: it resolves to ${a.address}, a ${why} address (set fetch.allowPrivateAddresses to true to allow it)`);
      }
    }
  }
  return first;
}

function header(res: http.IncomingMessage, name: string): string | null {
  const v = res.headers[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? null) : null;
}

interface HopResult {
  readonly res: http.IncomingMessage;
  readonly done: Promise<Buffer>;
}

/** One request, no redirects followed. */
function requestOnce(url: URL, target: { address: string; family: number }, options: HttpGetOptions, clock: Deadline): Promise<HopResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: options.accept,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(url, {
      method: 'GET',
      headers,
      agent: false,
      // The connection goes to the address that was checked, whatever DNS says now.
      lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
        if (opts?.all) cb(null, [{ address: target.address, family: target.family }]);
        else cb(null, target.address, target.family);
      }) as never,
    });
    clock.active = req;
    const connectTimer = setTimeout(() => req.destroy(new FetchError(url.href, `no connection within ${options.connectTimeoutMs} ms (fetch.connectTimeoutMs)`)), options.connectTimeoutMs);
    req.on('socket', (socket) => {
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (e) => {
      clearTimeout(connectTimer);
      reject(e instanceof FetchError ? e : new FetchError(url.href, `request failed: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
    });
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      const done = new Promise<Buffer>((ok, failed) => {
        // Destroying the request for the whole-response timeout surfaces here as an abort.
        const fail = (e: FetchError): void => failed(clock.timedOut ? clock.timeoutError(url) : e);
        req.on('error', (e) => fail(e instanceof FetchError ? e : new FetchError(url.href, `reading the response failed: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
        const declared = Number(header(res, 'content-length'));
        if (Number.isFinite(declared) && declared > options.maxBytes) {
          res.destroy();
          fail(new FetchError(url.href, `response of ${declared} bytes is over fetch.maxBytes (${options.maxBytes})`));
          return;
        }
        const encoding = (header(res, 'content-encoding') ?? '').trim().toLowerCase();
        let stream: Readable = res;
        if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
        else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
        else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size > options.maxBytes) {
            req.destroy();
            fail(new FetchError(url.href, `response is over fetch.maxBytes (${options.maxBytes} bytes)`));
            return;
          }
          chunks.push(c);
        });
        stream.on('end', () => ok(Buffer.concat(chunks)));
        stream.on('error', (e) => fail(e instanceof FetchError ? e : new FetchError(url.href, `reading the response failed: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
        res.on('error', (e) => fail(e instanceof FetchError ? e : new FetchError(url.href, `reading the response failed: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
        res.on('aborted', () => fail(new FetchError(url.href, 'the server closed the connection mid-response')));
      });
      resolve({ res, done });
    });
    req.end();
  });
}

/**
 * GET `url`, following at most `maxRedirects` redirects, each hop checked like the first
 * (http/https only, public address unless allowed). A 304 is returned with an empty body; any
 * other status outside 2xx is a FetchError carrying the server's Retry-After.
 */
interface Deadline {
  active: http.ClientRequest | null;
  timedOut: boolean;
  timeoutError(url: URL): FetchError;
}

export async function httpGet(url: string, options: HttpGetOptions): Promise<HttpResponse> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new FetchError(url, 'not a URL: write an absolute http(s) URL');
  }
  // Wall time, not options.now: the injected clock stamps records, it does not run timers.
  const clock: Deadline = {
    active: null,
    timedOut: false,
    timeoutError: (u) => new FetchError(u.href, `no complete response within ${options.timeoutMs} ms (fetch.timeoutMs)`),
  };
  // Started with the first request, not before: time spent waiting for the host's turn
  // (perHostDelayMs behind earlier items) is politeness, not a slow server.
  let timer: NodeJS.Timeout | null = null;
  const startTimer = (): void => {
    timer ??= setTimeout(() => {
      clock.timedOut = true;
      clock.active?.destroy(clock.timeoutError(current));
    }, options.timeoutMs);
  };
  try {
    for (let hop = 0; ; hop++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        throw new FetchError(current.href, `refused: only http and https URLs are fetched (got ${current.protocol.replace(/:$/, '')})`);
      }
      const target = await resolveChecked(current, options);
      const release = options.beforeRequest ? await options.beforeRequest(current) : () => undefined;
      startTimer();
      if (clock.timedOut) {
        release();
        throw clock.timeoutError(current);
      }
      let hopResult: HopResult;
      let body: Buffer;
      try {
        hopResult = await requestOnce(current, target, options, clock);
        body = await hopResult.done;
      } finally {
        release();
      }
      const { res } = hopResult;
      const status = res.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status)) {
        const location = header(res, 'location');
        if (!location) throw new FetchError(current.href, `HTTP ${status} redirect without a Location header`, { status });
        if (hop >= options.maxRedirects) throw new FetchError(url, `more than ${options.maxRedirects} redirects (last to ${location})`, { status });
        try {
          current = new URL(location, current);
        } catch {
          throw new FetchError(current.href, `HTTP ${status} redirect to a bad URL ${JSON.stringify(location)}`, { status });
        }
        continue;
      }
      if (status === 304) {
        return { status, url: current.href, contentType: null, charset: null, etag: header(res, 'etag'), lastModified: header(res, 'last-modified'), body: Buffer.alloc(0) };
      }
      if (status < 200 || status > 299) {
        throw new FetchError(current.href, `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, {
          status,
          retryAfterMs: parseRetryAfter(header(res, 'retry-after') ?? undefined, options.now()),
        });
      }
      const contentType = header(res, 'content-type');
      const charset = contentType ? (/;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ?? null) : null;
      return {
        status,
        url: current.href,
        contentType: contentType ? contentType.split(';')[0]!.trim().toLowerCase() : null,
        charset,
        etag: header(res, 'etag'),
        lastModified: header(res, 'last-modified'),
        body,
      };
    }
  } finally {
    if (timer) clearTimeout(timer);
  }
}
