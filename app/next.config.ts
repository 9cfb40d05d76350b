import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // npm workspaces hoist the dependencies to the repository root, one level up.
  turbopack: { root: dirname(dirname(fileURLToPath(import.meta.url))) },
};

export default nextConfig;
