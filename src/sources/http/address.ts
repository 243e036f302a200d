/**
 * Which IP addresses a fetch may connect to. Pure. A source URL (or a redirect) must not make
 * kliping reach the machine's own services or the private network it sits in (SSRF): after DNS,
 * every address is checked here, and the connection goes to the address that was checked.
 */

/** IPv4 ranges that are not the public internet: [first octets as a number, prefix length, why]. */
const V4_BLOCKED: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function parseV4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail allowed), or null. */
function parseV6(text: string): number[] | null {
  let s = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = parseV4(v4[1]!);
    if (n === null) return null;
    s = `${s.slice(0, -v4[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

function v4Reason(n: number): string | null {
  if (n === 0xffffffff) return 'broadcast';
  for (const [base, bits, why] of V4_BLOCKED) {
    const b = parseV4(base)!;
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if (((n & mask) >>> 0) === ((b & mask) >>> 0)) return why;
  }
  return null;
}

function v6Reason(g: number[]): string | null {
  const [a = 0, b = 0] = g;
  const embedded = (hi: number, lo: number): number => ((hi << 16) >>> 0) + lo;
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d): the IPv4 decides.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return v4Reason(embedded(g[6]!, g[7]!));
  if (a === 0x64 && b === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4Reason(embedded(g[6]!, g[7]!));
  // 6to4 (2002:a.b.c.d::/48) carries its IPv4 in the second and third groups.
  if (a === 0x2002) return v4Reason(embedded(b, g[2]!));
  if ((a & 0xfe00) === 0xfc00) return 'unique local (private)';
  if ((a & 0xffc0) === 0xfe80) return 'link-local';
  if ((a & 0xffc0) === 0xfec0) return 'site-local';
  if ((a & 0xff00) === 0xff00) return 'multicast';
  if (a === 0x2001 && b === 0x0db8) return 'documentation';
  if (a === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'discard';
  return null;
}

/**
 * Why `address` is not a public internet address (`"loopback"`, `"private"`, ...), or null
 * when it is one. An unparseable address is refused too.
 * @example
 * nonPublicReason('127.0.0.1'); // 'loopback'
 * nonPublicReason('::ffff:10.0.0.1'); // 'private'
 * nonPublicReason('93.184.216.34'); // null
 */
export function nonPublicReason(address: string): string | null {
  const v4 = parseV4(address);
  if (v4 !== null) return v4Reason(v4);
  const v6 = parseV6(address);
  if (v6 !== null) return v6Reason(v6);
  return 'not an IP address';
}

/** True when `host` (a URL's hostname) is an IP literal rather than a name to resolve. */
export function isIpLiteral(host: string): boolean {
  return parseV4(host) !== null || (host.includes(':') && parseV6(host) !== null);
}
