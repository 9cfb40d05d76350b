import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

/** The repository root: npm workspaces hoist the dependencies there, one level up. */
const repositoryRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const isDevelopment = process.env.NODE_ENV === 'development';
/** A build for `npm run coverage`'s app lane (scripts/coverage.mjs), which sets APP_COVERAGE_DIR. */
const isCoverageBuild = Boolean(process.env.APP_COVERAGE_DIR);

/**
 * What a page may load. The browser only ever talks to this origin (the edge is called from the
 * server), so everything is 'self'. Scripts need 'unsafe-inline': Next streams the page's data in
 * inline scripts, and nonces would make every page render per request through the proxy; React's
 * development build also needs 'unsafe-eval'. Inline styles: React renders `style` attributes.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CONTENT_SECURITY_POLICY },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  // Browsers heed it only over HTTPS, where production serves the app.
  { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `NEXT_DIST_DIR` builds and serves from another folder than .next, so two checkouts' worth of
  // runs (or two people) on one machine do not overwrite each other's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // A self-contained server (<distDir>/standalone/app/server.js) with only the files it runs, for
  // app/Dockerfile. Traced from the repository root, where the dependencies are.
  output: 'standalone',
  outputFileTracingRoot: repositoryRoot,
  // The statement PDF reads its font files at run time (src/pdf/fonts.ts), which tracing cannot see.
  // The key is a glob: `[statementId]` would read as a character class and match nothing.
  outputFileTracingIncludes: {
    '/statements/*/pdf': ['../node_modules/@expo-google-fonts/noto-sans-kr/{400Regular,700Bold}/*.ttf'],
  },
  // A coverage build maps the pages' JavaScript back to app/src: the browser's chunks then need
  // their source maps (the server's have them anyway). Only then: a production build would
  // otherwise publish its sources.
  productionBrowserSourceMaps: isCoverageBuild,
  // Nor is a coverage build minified: the minifier inlines small functions and folds statements
  // together, which leaves the report a coarser, partly wrong map of which lines ran.
  ...(isCoverageBuild ? { experimental: { turbopackMinify: false } } : {}),
  turbopack: { root: repositoryRoot },
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
