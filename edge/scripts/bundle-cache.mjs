// The Worker bundles `serve-bundle.mjs` serves, kept between starts: a test run starts a dozen edges
// of one checkout, and making a bundle is 2 s of CPU on 2 cores. Each is kept beside the digest of
// all that decides it, and is served again only while every part of that reads the same:
// - every file esbuild read to make it (its metafile's inputs);
// - in each folder that holds one of them, and each folder above it up to `root`'s parent, the
//   package.json files (their `exports` decide what an import resolves to) and the tsconfig files
//   (esbuild reads the nearest one, and what it extends, for every file);
// - outside node_modules, the names of the files beside each of them (a new `foo.tsx` beside
//   `foo.ts` would win);
// - the `configuration` files given (wrangler.jsonc, the lockfile) and the environment variables
//   wrangler's build reads.
import { createHash } from 'node:crypto';
import {
  existsSync,
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
import { dirname, join, relative, resolve } from 'node:path';

const INPUTS_FILE = 'inputs.json';
const LATEST_FILE = 'latest';
/** Where esbuild writes its metafile when wrangler is given `--metafile` without a path. */
export const METAFILE = 'bundle-meta.json';
/** What wrangler's build reads from the environment. */
const BUILD_ENVIRONMENT = ['NODE_ENV', 'WRANGLER_BUILD_CONDITIONS', 'WRANGLER_BUILD_PLATFORM'];
/** Files beside an input that change how it is built without being read as code. */
const BUILD_SETTINGS = /^(package\.json|tsconfig.*\.json|jsconfig.*\.json)$/;
/** Builds made while an input changed under them: made again at most this many times. */
const ATTEMPTS = 3;
/**
 * How long a bundle that is no longer the latest is kept after it was last made or served: an edge
 * reads its bundle as it starts, so edges starting meanwhile still find theirs; after that it goes,
 * or every edit of the edge would leave 7 MB behind.
 */
export const SUPERSEDED_BUNDLE_TTL_MS = 60 * 60 * 1000;

/**
 * The directory of a bundle of the Worker in `root` (paths relative to it): the latest one kept in
 * `cacheDir` while everything that decided it is unchanged, else a new one that `bundle(outdir)`
 * writes (the Worker and its metafile), then kept in a directory named by its digest and made the
 * latest by a rename, so that edges starting at once never read a half-written one. A bundle made
 * while one of its inputs changed is made again, since it may hold the old text under the new digest.
 */
export function bundleOnce({ root, cacheDir, configuration, bundle }) {
  const kept = keptBundle(root, cacheDir);
  if (kept) return kept;
  mkdirSync(cacheDir, { recursive: true });
  for (let attempt = 1; ; attempt += 1) {
    // Sub-millisecond, as file times are: a file written just before the build is not one changed in it.
    const started = performance.timeOrigin + performance.now();
    const building = mkdtempSync(join(cacheDir, 'building-'));
    try {
      bundle(building);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      throw error;
    }
    const read = Object.keys(JSON.parse(readFileSync(join(building, METAFILE), 'utf8')).inputs);
    const changedMeanwhile = read.some((file) => statSync(join(root, file)).mtimeMs >= started);
    if (changedMeanwhile && attempt < ATTEMPTS) {
      rmSync(building, { recursive: true, force: true });
      continue;
    }
    const files = [...configuration, ...read];
    const record = JSON.stringify({ files, digests: describe(root, files) });
    const name = createHash('sha256').update(record).digest('hex').slice(0, 16);
    // Still changing after every attempt: served this once, never kept.
    if (changedMeanwhile) return building;
    writeFileSync(join(building, INPUTS_FILE), record);
    return keep(cacheDir, building, name);
  }
}

/** Moves a finished build to `cacheDir/name` and makes it the latest. */
function keep(cacheDir, building, name) {
  const kept = join(cacheDir, name);
  try {
    renameSync(building, kept);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    // Another edge kept the same bundle meanwhile; anything else (no space, no permission) is ours.
    if (!existsSync(join(kept, INPUTS_FILE))) throw error;
  }
  const latest = join(cacheDir, `${LATEST_FILE}-${process.pid}`);
  writeFileSync(latest, name);
  renameSync(latest, join(cacheDir, LATEST_FILE));
  removeSuperseded(cacheDir, name);
  return kept;
}

/** The digest of each file (and folder listing, and build variable) that decides a bundle of `files`. */
function describe(root, files) {
  const parts = new Map(BUILD_ENVIRONMENT.map((name) => [`env:${name}`, process.env[name] ?? '']));
  const digest = (data) => createHash('sha256').update(data).digest('hex');
  const top = resolve(root, '..');
  const inputFolders = new Set();
  const folders = new Set();
  for (const file of files) {
    parts.set(file, digest(readFileSync(join(root, file))));
    inputFolders.add(dirname(resolve(root, file)));
    for (let folder = dirname(resolve(root, file)); ; folder = dirname(folder)) {
      folders.add(folder);
      if (folder === top || !folder.startsWith(top)) break;
    }
  }
  for (const folder of folders) {
    const names = readdirSync(folder).sort();
    const path = relative(root, folder) || '.';
    if (inputFolders.has(folder) && !path.includes('node_modules')) {
      parts.set(`dir:${path}`, digest(names.join('\n')));
    }
    for (const name of names.filter((entry) => BUILD_SETTINGS.test(entry))) {
      const file = join(folder, name);
      if (statSync(file).isFile()) parts.set(relative(root, file), digest(readFileSync(file)));
    }
  }
  return Object.fromEntries([...parts].sort(([a], [b]) => a.localeCompare(b)));
}

/** The latest kept bundle, if everything that decided it still reads the same. */
function keptBundle(root, cacheDir) {
  let directory;
  let recorded;
  try {
    directory = join(cacheDir, readFileSync(join(cacheDir, LATEST_FILE), 'utf8').trim());
    recorded = JSON.parse(readFileSync(join(directory, INPUTS_FILE), 'utf8'));
  } catch {
    // None kept yet.
    return null;
  }
  let current;
  try {
    current = describe(root, recorded.files);
  } catch {
    // One of its inputs is gone.
    return null;
  }
  if (JSON.stringify(current) !== JSON.stringify(recorded.digests)) return null;
  try {
    // Served again: its time starts anew (removeSuperseded).
    const now = new Date();
    utimesSync(directory, now, now);
  } catch {
    // A cache this user may read but not change: the bundle is still the right one.
  }
  return directory;
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
