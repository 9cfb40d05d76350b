import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleOnce, METAFILE, SUPERSEDED_BUNDLE_TTL_MS } from '../../../edge/scripts/bundle-cache.mjs';
import { expect, test } from '../../support/api-test';

/**
 * The test run's edges serve a Worker bundle kept between starts (edge/scripts/bundle-cache.mjs). A
 * kept bundle is only right while every file it was made from is unchanged: a stale one would serve
 * yesterday's code to today's tests.
 */
test.describe('the kept Worker bundle (serve-bundle.mjs)', () => {
  let root: string;
  let bundles: number;
  const write = (file: string, text: string) => writeFileSync(join(root, file), text);
  /** A stand-in for wrangler: a "bundle" of src/*.ts, and esbuild's metafile naming what it read. */
  const bundle = (outdir: string) => {
    bundles += 1;
    writeFileSync(join(outdir, 'worker.js'), `// bundle ${bundles}`);
    const inputs = Object.fromEntries(readdirSync(join(root, 'src')).map((name) => [`src/${name}`, {}]));
    writeFileSync(join(outdir, METAFILE), JSON.stringify({ inputs }));
  };
  const bundleNow = () =>
    bundleOnce({ root, cacheDir: join(root, 'cache'), configuration: ['wrangler.jsonc'], bundle });

  test.beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'bundle-cache-'));
    mkdirSync(join(root, 'src'));
    write('src/a.ts', 'export const a = 1;');
    write('src/b.ts', 'export const b = 2;');
    write('wrangler.jsonc', '{ "main": "src/a.ts" }');
    bundles = 0;
  });
  test.afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('is made once and served again while nothing it was made from changes', () => {
    const first = bundleNow();
    expect(bundleNow()).toBe(first);
    expect(bundles).toBe(1);
  });

  test('is made again when one of its inputs changes, and again when the change is undone', () => {
    const first = bundleNow();
    write('src/b.ts', 'export const b = 3;');
    const second = bundleNow();
    expect(bundles).toBe(2);
    expect(second).not.toBe(first);
    write('src/b.ts', 'export const b = 2;');
    // The latest kept bundle is the changed one: the first is not looked for, a new one is made.
    expect(bundleNow()).toBe(first);
    expect(bundles).toBe(3);
  });

  test('is made again when the configuration changes or an input is gone', () => {
    bundleNow();
    write('wrangler.jsonc', '{ "main": "src/a.ts", "compatibility_flags": ["nodejs_compat"] }');
    bundleNow();
    expect(bundles).toBe(2);
    rmSync(join(root, 'src/b.ts'));
    bundleNow();
    expect(bundles).toBe(3);
  });

  test('a failed bundle leaves nothing kept behind', () => {
    expect(() =>
      bundleOnce({
        root,
        cacheDir: join(root, 'cache'),
        configuration: [],
        bundle: () => {
          throw new Error('esbuild: syntax error');
        },
      }),
    ).toThrow('syntax error');
    expect(bundleNow()).toContain(join(root, 'cache'));
    expect(bundles).toBe(1);
  });

  test('a superseded bundle is removed once it has been left alone for a while, a recent one is not', () => {
    const oldest = bundleNow();
    write('src/a.ts', 'export const a = 2;');
    const recent = bundleNow();
    const longAgo = new Date(Date.now() - SUPERSEDED_BUNDLE_TTL_MS - 60_000);
    utimesSync(oldest, longAgo, longAgo);
    write('src/a.ts', 'export const a = 3;');
    const newest = bundleNow();
    expect([existsSync(oldest), existsSync(recent), existsSync(newest)]).toEqual([false, true, true]);
  });

  test('a file saved while the bundle was being made makes it again, so the kept one holds the saved text', () => {
    let edited = false;
    const editingBundle = (outdir: string) => {
      bundle(outdir);
      if (edited) return;
      // The save lands after esbuild read the file: this build holds the old text. Its time is set
      // a moment on (file times are coarser than the clock), and the build ends after that moment.
      write('src/a.ts', 'export const a = 42;');
      const saved = new Date(Date.now() + 2);
      utimesSync(join(root, 'src/a.ts'), saved, saved);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      edited = true;
    };
    const options = { root, cacheDir: join(root, 'cache'), configuration: [], bundle: editingBundle };
    const kept = bundleOnce(options);
    expect(bundles).toBe(2);
    expect(readFileSync(join(kept, 'worker.js'), 'utf8')).toBe('// bundle 2');
    expect(bundleOnce(options)).toBe(kept);
    expect(bundles).toBe(2);
  });

  test('is made again when a tsconfig or package.json above an input changes, or a file appears beside one', () => {
    write('tsconfig.json', '{ "compilerOptions": { "target": "ES2023" } }');
    bundleNow();
    write('tsconfig.json', '{ "compilerOptions": { "target": "ES2020" } }');
    bundleNow();
    expect(bundles).toBe(2);
    write('package.json', '{ "exports": { ".": "./src/a.ts" } }');
    bundleNow();
    expect(bundles).toBe(3);
    // esbuild would resolve ./b to b.tsx before b.ts.
    write('src/b.tsx', 'export const b = 4;');
    bundleNow();
    expect(bundles).toBe(4);
    bundleNow();
    expect(bundles).toBe(4);
  });

  test('a package.json in a folder above an input, with no input of its own, does not stop the bundle being served again', () => {
    mkdirSync(join(root, 'lib/src'), { recursive: true });
    write('lib/package.json', '{ "name": "lib", "exports": "./src/c.ts" }');
    write('lib/src/c.ts', 'export const c = 1;');
    const libBundle = (outdir: string) => {
      bundles += 1;
      writeFileSync(join(outdir, 'worker.js'), `// bundle ${bundles}`);
      writeFileSync(join(outdir, METAFILE), JSON.stringify({ inputs: { 'lib/src/c.ts': {} } }));
    };
    const options = { root, cacheDir: join(root, 'cache'), configuration: [], bundle: libBundle };
    const kept = bundleOnce(options);
    expect(bundleOnce(options)).toBe(kept);
    expect(bundles).toBe(1);
  });
});
