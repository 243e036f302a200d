/**
 * A fixture HTTP server on 127.0.0.1 (random free port) for the sources tests: serves routes,
 * answers 304 to a conditional request whose validator matches, and counts every request.
 */
import http from 'node:http';
import { afterAll, beforeAll } from 'vitest';

export interface Route {
  readonly body?: string | Buffer;
  readonly type?: string;
  readonly status?: number;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly headers?: Record<string, string>;
  /** Full control instead of the fields above. */
  readonly handle?: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

export interface Seen {
  readonly path: string;
  readonly host: string;
  readonly userAgent: string;
  readonly conditional: boolean;
  readonly status: number;
}

export interface FixtureServer {
  /** `http://127.0.0.1:PORT` */
  readonly base: string;
  readonly port: number;
  readonly requests: Seen[];
  /** Most requests in flight at once, per Host header. */
  readonly maxInFlight: Map<string, number>;
  set(path: string, route: Route): void;
  count(path: string): number;
  reset(): void;
}

/** Start a server for this test file (closed after it); `{{base}}` in bodies becomes its URL. */
export function fixtureServer(): FixtureServer {
  const routes = new Map<string, Route>();
  const requests: Seen[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const sockets = new Set<import('node:net').Socket>();
  let base = '';
  let port = 0;
  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    const n = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, n);
    maxInFlight.set(host, Math.max(maxInFlight.get(host) ?? 0, n));
    res.on('close', () => inFlight.set(host, (inFlight.get(host) ?? 1) - 1));
    const p = (req.url ?? '/').split('?')[0]!;
    const route = routes.get(p);
    const conditional = req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
    const record = (status: number): void => {
      requests.push({ path: p, host, userAgent: req.headers['user-agent'] ?? '', conditional, status });
    };
    if (!route) {
      record(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.handle) {
      record(route.status ?? 200);
      route.handle(req, res);
      return;
    }
    const fresh =
      (route.etag !== undefined && req.headers['if-none-match'] === route.etag) ||
      (route.lastModified !== undefined && req.headers['if-modified-since'] === route.lastModified);
    const headers: Record<string, string> = { 'content-type': route.type ?? 'text/html; charset=utf-8', ...(route.headers ?? {}) };
    if (route.etag) headers.etag = route.etag;
    if (route.lastModified) headers['last-modified'] = route.lastModified;
    if (fresh) {
      record(304);
      res.writeHead(304, headers).end();
      return;
    }
    record(route.status ?? 200);
    const body = typeof route.body === 'string' ? route.body.replaceAll('{{base}}', base) : (route.body ?? '');
    res.writeHead(route.status ?? 200, headers).end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as import('node:net').AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    get base() {
      return base;
    },
    get port() {
      return port;
    },
    requests,
    maxInFlight,
    set: (path, route) => routes.set(path, route),
    count: (path) => requests.filter((r) => r.path === path).length,
    reset: () => {
      routes.clear();
      requests.length = 0;
      maxInFlight.clear();
    },
  };
}
