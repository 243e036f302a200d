/**
 * A preview server for the published files (`kliping serve`): the pages folder at `/`, the
 * feeds folder at `/feeds/`, on 127.0.0.1 only. node:http alone: a preview needs GET/HEAD,
 * content types, validators and 304s, and every dependency added here would be loaded by a
 * command that cron never runs anyway.
 *
 * What can be reached: regular files below the two folders whose path has no hidden segment
 * (state files and atomic-write temps start with "."). Refused: `..` and `.` segments, in any
 * encoding (the path is percent-decoded once, then checked segment by segment), backslashes,
 * NUL and other control characters, and any file whose real path (symlinks resolved) is not
 * below its folder's real path.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface ServeRoots {
  /** Served at `/feeds/`. */
  readonly feeds: string;
  /** Served at `/`; null when pages are not published. */
  readonly pages: string | null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xsl': 'text/xsl; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** The media type of a served file, by the name conventions of the feeds folder. */
export function contentTypeOf(name: string): string {
  if (name.endsWith('rss.xml')) return 'application/rss+xml; charset=utf-8';
  if (name.endsWith('atom.xml')) return 'application/atom+xml; charset=utf-8';
  if (name === 'feed.json' || /(?:^|\/)archive\/\d{4}-\d{2}\.json$/.test(name)) return 'application/feed+json; charset=utf-8';
  return TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The media type to send for `name` to a client that accepts `accept`. Chromium shows a document
 * sent as application/rss+xml or application/atom+xml as plain text, without applying its
 * stylesheet; so a browser navigation (its Accept header names text/html) gets RSS and Atom as
 * application/xml, which browsers render through the XSL. Feed readers do not ask for text/html
 * and get the registered types. Same bytes either way; responses say `Vary: Accept`.
 */
export function negotiatedType(name: string, accept: string | undefined): { type: string; negotiated: boolean; varies: boolean } {
  const type = contentTypeOf(name);
  const varies = type.startsWith('application/rss+xml') || type.startsWith('application/atom+xml');
  if (varies && accept !== undefined && /(?:^|,)\s*text\/html\s*(?:[;,]|$)/i.test(accept)) return { type: 'application/xml; charset=utf-8', negotiated: true, varies };
  return { type, negotiated: false, varies };
}

/**
 * The folder and the relative segments a request path names, or null when it is not allowed.
 * Pure: the file system is checked afterwards (symlinks).
 */
export function resolveRequest(rawPath: string, roots: ServeRoots): { root: string; segments: string[]; prefix: string } | null {
  const pathname = rawPath.split('?')[0]!.split('#')[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // Controls (NUL included) and backslashes have no business in a published name.
  if (/[\u0000-\u001f\u007f\\]/.test(decoded) || !decoded.startsWith('/')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s.startsWith('.'))) return null;
  if (segments[segments.length - 1] === '') segments[segments.length - 1] = 'index.html';
  if (segments.slice(0, -1).some((s) => s === '')) return null;
  if (segments[0] === 'feeds' && segments.length === 1) return { root: roots.feeds, segments: [], prefix: 'feeds/' };
  if (segments[0] === 'feeds' && segments.length > 1) return { root: roots.feeds, segments: segments.slice(1), prefix: 'feeds/' };
  if (roots.pages === null) return null;
  return { root: roots.pages, segments, prefix: '' };
}

/** A strong validator from size and mtime: files are replaced atomically, never edited in place. */
function etagOf(size: number, mtimeMs: number): string {
  return `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
}

function notModified(req: IncomingMessage, etag: string, mtimeMs: number): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2); weak comparison.
    return inm.split(',').some((t) => {
      const tag = t.trim();
      return tag === '*' || tag.replace(/^W\//, '') === etag;
    });
  }
  const ims = req.headers['if-modified-since'];
  if (ims !== undefined) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
  }
  return false;
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...headers });
  res.end(text);
}

async function handle(req: IncomingMessage, res: ServerResponse, roots: ServeRoots, realRoots: Map<string, string>): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Only GET and HEAD are served.\n', { allow: 'GET, HEAD' });
    return;
  }
  const target = resolveRequest(req.url ?? '/', roots);
  if (!target) {
    send(res, 404, 'Not found.\n');
    return;
  }
  const realRoot = realRoots.get(target.root) ?? (await realpath(target.root).catch(() => null));
  if (!realRoot) {
    send(res, 404, 'Not found.\n');
    return;
  }
  realRoots.set(target.root, realRoot);
  const real = await realpath(path.join(realRoot, ...target.segments)).catch(() => null);
  const st = real ? await stat(real).catch(() => null) : null;
  const inside = real !== null && (real === realRoot || real.startsWith(realRoot + path.sep)) && !path.relative(realRoot, real).split(path.sep).some((s) => s.startsWith('.'));
  if (st?.isDirectory() && inside) {
    // A folder without its trailing slash: send the browser to the slash so relative links work.
    send(res, 301, 'Moved.\n', { location: `${(req.url ?? '/').split('?')[0]}/` });
    return;
  }
  if (!real || !st || !st.isFile() || !inside) {
    send(res, 404, 'Not found.\n');
    return;
  }
  const { type, negotiated, varies } = negotiatedType(target.segments.join('/'), req.headers.accept);
  // One strong validator per representation: the browser's application/xml copy gets its own.
  const etag = negotiated ? etagOf(st.size, st.mtimeMs).replace(/"$/, '-xml"') : etagOf(st.size, st.mtimeMs);
  const headers: Record<string, string> = {
    'content-type': type,
    etag,
    'last-modified': new Date(st.mtimeMs).toUTCString(),
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (varies) headers.vary = 'Accept';
  if (notModified(req, etag, st.mtimeMs)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': String(st.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(real)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Start serving `roots` on 127.0.0.1:`port` (0 = any free port). Resolves once listening. */
export async function startServer(roots: ServeRoots, port: number): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const realRoots = new Map<string, string>();
  const server = createServer((req, res) => {
    handle(req, res, roots, realRoots).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error.\n');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
