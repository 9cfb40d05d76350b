import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { expect, test } from '../support/api-test';

/**
 * No secret is ever committed: every tracked file, and every new one git would take (git ls-files
 * --cached --others --exclude-standard), is scanned for private keys, the
 * edge's own API keys (`bk_` and 40 or more key characters), cloud and registry tokens.
 */

const SECRET_PATTERNS: Record<string, RegExp> = {
  'private key': /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/,
  'billing API key': /\bbk_[A-Za-z0-9_-]{40,}/,
  'AWS access key id': /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
  'AWS secret access key': /aws_?secret_?access_?key\s*[:=]\s*["']?[A-Za-z0-9/+=]{40}\b/i,
  'GitHub token': /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/,
  'npm token': /\bnpm_[A-Za-z0-9]{36}\b/,
  'Slack token': /\bxox[abposr]-[A-Za-z0-9-]{10,}/,
  'Stripe live key': /\b[rs]k_live_[A-Za-z0-9]{20,}/,
  'Google API key': /\bAIza[0-9A-Za-z_-]{35}\b/,
  'Cloudflare API token': /CLOUDFLARE_API_TOKEN\s*[:=]\s*["']?[A-Za-z0-9_-]{40}\b/,
};

/** Larger files are generated or vendored data (lock files are scanned, they are text). */
const MAX_BYTES = 5 * 1024 * 1024;

test.describe('supply chain', () => {
  test('no tracked file holds a private key, an API key or a cloud token', async ({ securitySummary }) => {
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      encoding: 'utf8',
    })
      .split('\0')
      .filter(Boolean);
    const findings: string[] = [];
    let scanned = 0;
    for (const file of files) {
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        continue; // tracked but deleted in the working tree
      }
      if (size > MAX_BYTES) continue;
      const content = readFileSync(file);
      if (content.includes(0)) continue; // binary
      scanned += 1;
      const text = content.toString('utf8');
      for (const [name, pattern] of Object.entries(SECRET_PATTERNS)) {
        const match = pattern.exec(text);
        if (match) {
          const line = text.slice(0, match.index).split('\n').length;
          findings.push(`${file}:${line}: ${name} (${match[0].slice(0, 12)}…)`);
        }
      }
    }
    securitySummary.count('secrets', 'filesScanned', scanned);
    expect(scanned).toBeGreaterThan(100);
    expect(findings).toEqual([]);
  });
});
