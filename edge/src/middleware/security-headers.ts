import { secureHeaders } from 'hono/secure-headers';

/**
 * The headers OWASP's REST Security Cheat Sheet asks of every API answer, through Hono's
 * `secureHeaders`: HTTPS only (`Strict-Transport-Security`), no MIME sniffing
 * (`X-Content-Type-Options`), no framing (`X-Frame-Options: DENY`), no path with ids in it sent on
 * to another site (`Referrer-Policy`), and no reading of an answer by another site's page
 * (`Cross-Origin-Resource-Policy`). `Cache-Control: no-store` is `noStore`'s, on `/v1`.
 *
 * Hono's other defaults only change how a browser treats an HTML document (its opener, agent
 * cluster, DNS prefetching, IE's download prompt, Flash's policy files, the removed XSS auditor):
 * they go on the one HTML answer, the `/docs` page (documentSecurityHeaders), where every other
 * answer would pay for their setting, copying and writing: on Node, a legacy calculation's request
 * path costs a fifth more than its bare-Hono twin (bench/README.md), headers a good part of it.
 * Nothing here sets `X-Powered-By`, so nothing removes it; the security tier checks that no answer
 * carries it.
 */
const API_HEADERS: Parameters<typeof secureHeaders>[0] = {
  xFrameOptions: 'DENY',
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  removePoweredBy: false,
};

/** The security headers of every answer. */
export const apiSecurityHeaders = secureHeaders(API_HEADERS);

/** The document headers an HTML page adds to apiSecurityHeaders': Hono's defaults, framing denied. */
export const documentSecurityHeaders = secureHeaders({ xFrameOptions: 'DENY', removePoweredBy: false });
