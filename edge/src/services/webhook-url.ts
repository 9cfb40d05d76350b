import { IssueCollector } from '@billing/engine';

/**
 * Where webhooks may be sent (DOMAIN §8b; SSRF): in production only `https` to a public host, never
 * to a private, loopback, link-local or otherwise reserved address written as an IP, nor to names
 * that mean this machine or its network (`localhost`, `*.local`, `*.internal`); in local development
 * also `http` to the loopback host, where test receivers listen. No user or password in the URL.
 * A name that resolves to a private address is the runtime's to refuse: Workers cannot reach one.
 */
export interface WebhookUrlRules {
  /** Local development (ENVIRONMENT=development): http to the loopback host is allowed. */
  allowLoopbackHttp: boolean;
}

const MAX_URL_LENGTH = 2048;

/** The reason `url` may not receive webhooks, or null when it may. */
export function webhookUrlProblem(text: string, rules: WebhookUrlRules): string | null {
  if (text.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  // A trailing dot names the same host (`localhost.`, `metadata.google.internal.`).
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  const loopback = isLoopback(host);
  if (url.protocol === 'http:' && rules.allowLoopbackHttp && loopback) return null;
  if (url.protocol !== 'https:') {
    return rules.allowLoopbackHttp
      ? 'must be https (http only to 127.0.0.1 or localhost in local development)'
      : 'must be https';
  }
  if (loopback && rules.allowLoopbackHttp) return null;
  if (isPrivateHost(host)) return 'must not point to a private, loopback or reserved address';
  return null;
}

/** Throws a 422 naming `field` when `url` may not receive webhooks. */
export function assertWebhookUrl(url: string, rules: WebhookUrlRules, field = 'url'): void {
  const problem = webhookUrlProblem(url, rules);
  if (problem === null) return;
  const issues = new IssueCollector();
  issues.add(field, 'webhook-url', problem);
  issues.throwIfAny();
}

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  const v4 = ipv4(host);
  return v4 !== null && v4[0] === 127;
}

function isPrivateHost(host: string): boolean {
  if (isLoopback(host)) return true;
  if (host.includes(':')) return isPrivateIpv6(host);
  const v4 = ipv4(host);
  if (v4) return isPrivateIpv4(v4);
  // A single-label name, or one of these suffixes, is resolved on the host's own network.
  return !host.includes('.') || /\.(local|internal|localdomain|home|lan|corp)$/.test(host);
}

/** Dotted-quad IPv4 (the URL parser has already turned other spellings such as `0x7f.1` into it). */
function ipv4(host: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const parts = match.slice(1).map(Number);
  return parts.every((part) => part <= 255) ? parts : null;
}

function isPrivateIpv4([a, b, c]: number[]): boolean {
  const [x, y, z] = [a as number, b as number, c as number];
  return (
    x === 0 ||
    x === 10 ||
    x === 127 ||
    (x === 100 && y >= 64 && y <= 127) ||
    (x === 169 && y === 254) ||
    (x === 172 && y >= 16 && y <= 31) ||
    (x === 192 && y === 168) ||
    // 192.0.0.0/24 (protocol assignments), 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24 (TEST-NETs),
    // 192.88.99.0/24 (6to4 relays), 198.18.0.0/15 (benchmarking).
    (x === 192 && y === 0 && (z === 0 || z === 2)) ||
    (x === 192 && y === 88 && z === 99) ||
    (x === 198 && y === 51 && z === 100) ||
    (x === 203 && y === 0 && z === 113) ||
    (x === 198 && (y === 18 || y === 19)) ||
    x >= 224
  );
}

function isPrivateIpv6(host: string): boolean {
  if (host === '::' || host === '::1') return true;
  // IPv4-mapped (`::ffff:10.0.0.1`, which the URL parser writes as `::ffff:a00:1`): private when its IPv4 is.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const high = Number.parseInt(mapped[1] as string, 16);
    const low = Number.parseInt(mapped[2] as string, 16);
    return isPrivateIpv4([high >> 8, high & 255, low >> 8, low & 255]);
  }
  const groups = host.split(':');
  const first = Number.parseInt(groups[0] || '0', 16);
  const second = Number.parseInt(groups[1] || '0', 16);
  // 6to4 (2002::/16) wraps an IPv4 address in its next 32 bits: private when that address is.
  if (first === 0x2002) {
    const third = Number.parseInt(groups[2] || '0', 16);
    return isPrivateIpv4([second >> 8, second & 255, third >> 8, third & 255]);
  }
  // 64:ff9b::/96 (NAT64), 100::/64 (discard), 2001::/32 (Teredo), 2001:db8::/32 (documentation),
  // fec0::/10 (site-local, deprecated but still routed by some networks).
  if (first === 0x64 && second === 0xff9b) return true;
  if (first === 0x100 && (groups[1] ?? '') === '') return true;
  if (first === 0x2001 && (second === 0 || second === 0xdb8)) return true;
  if ((first & 0xffc0) === 0xfec0) return true;
  // ::/8 reserved (IPv4-compatible `::127.0.0.1` among them; ::ffff:0:0/96 is handled above),
  // fc00::/7 unique local, fe80::/10 link-local, ff00::/8 multicast.
  return (
    first < 0x0100 ||
    (first & 0xfe00) === 0xfc00 ||
    (first & 0xffc0) === 0xfe80 ||
    (first & 0xff00) === 0xff00
  );
}
