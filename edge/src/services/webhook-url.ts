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

function isPrivateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && (b as number) >= 64 && (b as number) <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && (b as number) >= 16 && (b as number) <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a as number) >= 224
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
  const first = Number.parseInt(host.split(':')[0] || '0', 16);
  // ::/8 reserved (IPv4-compatible `::127.0.0.1` among them; ::ffff:0:0/96 is handled above),
  // fc00::/7 unique local, fe80::/10 link-local, ff00::/8 multicast.
  return (
    first < 0x0100 ||
    (first & 0xfe00) === 0xfc00 ||
    (first & 0xffc0) === 0xfe80 ||
    (first & 0xff00) === 0xff00
  );
}
