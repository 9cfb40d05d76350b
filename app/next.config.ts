import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `NEXT_DIST_DIR` builds and serves from another folder than .next, so two checkouts' worth of
  // runs (or two people) on one machine do not overwrite each other's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // npm workspaces hoist the dependencies to the repository root, one level up.
  turbopack: { root: dirname(dirname(fileURLToPath(import.meta.url))) },
};

export default nextConfig;
