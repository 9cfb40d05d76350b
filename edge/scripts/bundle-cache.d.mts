// Types of ./bundle-cache.mjs, for its unit tests (tests/unit/scripts/bundle-cache.spec.ts).

export const METAFILE: string;
export const SUPERSEDED_BUNDLE_TTL_MS: number;

export function bundleOnce(options: {
  root: string;
  cacheDir: string;
  configuration: string[];
  bundle: (outdir: string) => void;
}): string;
