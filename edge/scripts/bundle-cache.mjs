// The Worker bundles `serve-bundle.mjs` serves, kept between starts: a test run starts a dozen edges
// of one checkout, and making a bundle is 2 s of CPU on 2 cores. Each is kept beside the digest of
// every file esbuild read to make it (its metafile's inputs) and of the configuration that shaped
// it, and is served again only while every one of them reads the same.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const INPUTS_FILE = 'inputs.json';
/**
 * How long a bundle that is no longer the latest is kept after it was last made or served: an edge
 * reads its bundle as it starts, so edges starting meanwhile still find theirs; after that it goes,
 * or every edit of the edge would leave 7 MB behind.
 */
export const SUPERSEDED_BUNDLE_TTL_MS = 60 * 60 * 1000;
const LATEST_FILE = 'latest';
/** Where esbuild writes its metafile when wrangler is given `--metafile` without a path. */
export const METAFILE = 'bundle-meta.json';

/**
 * The directory of a bundle of the Worker in `root` (paths relative to it): the latest one kept in
 * `cacheDir` while its inputs and `configuration` are unchanged, else a new one that `bundle(outdir)`
 * writes (the Worker and its metafile), then kept in a directory named by its inputs' digest and
 * made the latest by a rename, so that edges starting at once never read a half-written one.
 */
export function bundleOnce({ root, cacheDir, configuration, bundle }) {
  const digestOf = (file) =>
    createHash('sha256')
      .update(readFileSync(join(root, file)))
      .digest('hex');
  const kept = keptBundle(cacheDir, digestOf);
  if (kept) return kept;
  mkdirSync(cacheDir, { recursive: true });
  const building = mkdtempSync(join(cacheDir, 'building-'));
  try {
    bundle(building);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  const read = Object.keys(JSON.parse(readFileSync(join(building, METAFILE), 'utf8')).inputs);
  const record = JSON.stringify(
    Object.fromEntries([...configuration, ...read].map((file) => [file, digestOf(file)])),
  );
  writeFileSync(join(building, INPUTS_FILE), record);
  const name = createHash('sha256').update(record).digest('hex').slice(0, 16);
  try {
    renameSync(building, join(cacheDir, name));
  } catch {
    // Another edge kept the same bundle meanwhile.
    rmSync(building, { recursive: true, force: true });
  }
  const latest = join(cacheDir, `${LATEST_FILE}-${process.pid}`);
  writeFileSync(latest, name);
  renameSync(latest, join(cacheDir, LATEST_FILE));
  removeSuperseded(cacheDir, name);
  return join(cacheDir, name);
}

/** Bundles (and builds cut short) other than `current`, untouched for SUPERSEDED_BUNDLE_TTL_MS. */
function removeSuperseded(cacheDir, current) {
  const before = Date.now() - SUPERSEDED_BUNDLE_TTL_MS;
  for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const directory = join(cacheDir, entry.name);
    try {
      if (statSync(directory).mtimeMs < before) rmSync(directory, { recursive: true, force: true });
    } catch {
      // Removed by another edge meanwhile.
    }
  }
}

/** The latest kept bundle, if every file it was made from still reads the same. */
function keptBundle(cacheDir, digestOf) {
  try {
    const directory = join(cacheDir, readFileSync(join(cacheDir, LATEST_FILE), 'utf8').trim());
    const inputs = JSON.parse(readFileSync(join(directory, INPUTS_FILE), 'utf8'));
    if (!Object.entries(inputs).every(([file, digest]) => digestOf(file) === digest)) return null;
    // Served again: its time starts anew (removeSuperseded).
    const now = new Date();
    utimesSync(directory, now, now);
    return directory;
  } catch {
    // None kept yet, or one of its inputs is gone.
    return null;
  }
}
