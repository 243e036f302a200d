/**
 * Politeness per host: at most `concurrency` requests at a time, at least `delayMs` between the
 * starts of two requests, and nothing more once the host has sent Retry-After in this tick.
 */
import { FetchError } from './client.js';

interface HostState {
  active: number;
  lastStart: number;
  waiting: (() => void)[];
  /** Wall time until which the host asked us not to come back (Retry-After). */
  blockedUntil: number;
}

export interface HostGateOptions {
  readonly concurrency: number;
  readonly delayMs: number;
  /** How to wait (injectable: tests record the delays instead of sleeping them). */
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class HostGate {
  private readonly hosts = new Map<string, HostState>();
  constructor(private readonly options: HostGateOptions) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { active: 0, lastStart: -Infinity, waiting: [], blockedUntil: 0 };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Wait for a slot on `url`'s host; call the returned function when the request is over. */
  async acquire(url: URL): Promise<() => void> {
    const s = this.state(url.host);
    while (s.active >= this.options.concurrency) await new Promise<void>((r) => s.waiting.push(r));
    s.active++;
    try {
      if (Date.now() < s.blockedUntil) {
        throw new FetchError(url.href, `${url.host} asked to wait (Retry-After) until ${new Date(s.blockedUntil).toISOString()}: retried on a later tick`);
      }
      // Claimed before sleeping, so the next request waits for this one's slot, not the same one.
      const start = Math.max(Date.now(), s.lastStart + this.options.delayMs);
      s.lastStart = start;
      const wait = start - Date.now();
      if (wait > 0) await (this.options.sleep ?? realSleep)(wait);
    } catch (e) {
      this.release(s);
      throw e;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(s);
    };
  }

  /** The host sent Retry-After: no more requests to it in this tick until then. */
  block(url: URL, ms: number): void {
    const s = this.state(url.host);
    s.blockedUntil = Math.max(s.blockedUntil, Date.now() + ms);
  }

  private release(s: HostState): void {
    s.active--;
    s.waiting.shift()?.();
  }
}
