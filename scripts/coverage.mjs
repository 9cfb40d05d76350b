// `npm run coverage`: V8 coverage of every workspace, merged into one report and gated per workspace.
//   node lane: the unit tier and the in-process API lane under c8 (.c8rc.json): engine/ and edge/.
//   app lane: the e2e and e2e-mocked projects on Chromium: the pages' JavaScript coverage (the page
//     fixture, tests/support/fixtures/app-coverage.ts) and the Next server's (NODE_V8_COVERAGE on
//     `next start`), mapped back to app/src through the build's source maps by monocart.
// Then one report of both (coverage/: HTML, lcov.info, coverage-summary.json), lines covered per
// workspace against its gate, printed and written to the job summary on GitHub. Fails when a
// workspace or the whole is under its gate, or was not measured at all.
//   node scripts/coverage.mjs [--lane node|app|all] [--summary-only] [--readme] [--dir coverage]
//   (--lane: one lane alone, `npm run coverage:app` is `--lane app`; --summary-only: only judge the
//   summary an earlier run left in --dir, for the lanes --lane names; --readme: quote the figures
//   of a run of every lane in README.md, between its coverage markers)
// Left out, and why (.c8rc.json): type-only files (nothing runs), and the Workers-only entry and
// Durable Objects, which run on workerd, where Node's V8 coverage does not reach. Lines are each
// lane's converter's: c8 counts every line of a file, monocart the lines that hold a statement.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** Lines covered, at least, per workspace and over all (issue 20's gates). */
export const GATES = { engine: 95, edge: 90, app: 80, all: 85 };

/**
 * Each lane's Playwright projects, and the workspaces it measures. The app lane takes both browser
 * tiers on Chromium: e2e drives every page over the real edge, e2e-mocked the error and loading
 * states only the mock's fault scenarios reach. e2e-phone (the e2e @smoke tests again, on a phone's
 * viewport) and the other browsers add next to nothing, and only Chromium reports coverage.
 */
export const LANES = {
  node: { projects: ['unit', 'integration-inprocess', 'contract-inprocess'], workspaces: ['engine', 'edge'] },
  app: { projects: ['e2e', 'e2e-mocked'], workspaces: ['app'] },
};

/** The lanes `--lane` names: one of them, or every lane for `all`. */
export function lanesOf(option) {
  if (option === 'all') return Object.keys(LANES);
  if (option in LANES) return [option];
  throw new Error(`--lane is node, app or all, not ${option}`);
}

/** Lines covered and total per workspace (the first folder of each file's path), and over all. */
export function linesByWorkspace(summary, root) {
  const totals = {};
  for (const [file, figures] of Object.entries(summary)) {
    if (file === 'total') continue;
    const workspace = relative(root, file).split('/')[0];
    const entry = totals[workspace] ?? { covered: 0, total: 0 };
    entry.covered += figures.lines.covered;
    entry.total += figures.lines.total;
    totals[workspace] = entry;
  }
  const all = Object.values(totals).reduce(
    (sum, { covered, total }) => ({ covered: sum.covered + covered, total: sum.total + total }),
    { covered: 0, total: 0 },
  );
  return { ...totals, all };
}

const percent = ({ covered, total }) => (100 * covered) / total;

/**
 * Each measured workspace, and the whole, against its gate. A workspace the lanes should have
 * measured but the summary has no line of fails: a lane that silently collected nothing (a fixture
 * switched off, a server that wrote no coverage) must not pass as 100%.
 */
export function judge(figures, workspaces, gates = GATES) {
  return [...workspaces, 'all'].map((workspace) => {
    const lines = figures[workspace] ?? { covered: 0, total: 0 };
    const gate = gates[workspace];
    if (lines.total === 0) return { workspace, pct: undefined, gate, lines, ok: false };
    const pct = percent(lines);
    return { workspace, pct, gate, lines, ok: pct >= gate };
  });
}

/** The judgement as a markdown table, for the console and the job summary. */
export function table(rows) {
  return [
    '| workspace | lines covered | gate | |',
    '| --- | ---: | ---: | --- |',
    ...rows.map(({ workspace, pct, gate, lines, ok }) => {
      const figure =
        pct === undefined ? 'not measured' : `${pct.toFixed(2)}% (${lines.covered} of ${lines.total})`;
      return `| ${workspace} | ${figure} | ${gate}% | ${ok ? 'pass' : 'FAIL'} |`;
    }),
  ].join('\n');
}

/** Where README.md quotes the last whole run's figures, written by `--readme`. */
export const README_START = '<!-- coverage:start -->';
export const README_END = '<!-- coverage:end -->';

/** Each workspace and the whole, as judged: `engine 99.59% (gate 95%), …`. */
export function figuresText(rows) {
  return rows
    .map(({ workspace, pct, gate }) => {
      const figure = pct === undefined ? 'not measured' : `${pct.toFixed(2)}%`;
      return `${workspace} ${figure} (gate ${gate}%)`;
    })
    .join(', ');
}

/** The README's line of figures: each workspace and the whole, as judged, and the day of the run. */
export function readmeLine(rows, day) {
  return `Lines covered in the last \`npm run coverage\` (${day}): ${figuresText(rows)}.`;
}

/**
 * The figures of the report an earlier `npm run coverage` left in `dir`, with its day, or nothing
 * when there is none: the Allure report's environment quotes them (playwright.config.ts), so a
 * `.ci/run`, which measures coverage before `npm test`, shows them beside the tests.
 */
export function lastRunFigures(dir = 'coverage', root = process.cwd()) {
  const file = join(dir, 'coverage-summary.json');
  if (!existsSync(file)) return undefined;
  const figures = linesByWorkspace(JSON.parse(readFileSync(file, 'utf8')), root);
  const rows = judge(
    figures,
    Object.values(LANES).flatMap(({ workspaces }) => workspaces),
  );
  return `${figuresText(rows)}; ${statSync(file).mtime.toISOString().slice(0, 10)}`;
}

/** `text` with what lies between the README's markers replaced by `line`; fails without the markers. */
export function withReadmeLine(text, line) {
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start === -1 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END}`);
  return `${text.slice(0, start + README_START.length)}\n${line}\n${text.slice(end)}`;
}

/** The app's own sources, as monocart names them relative to the repository: what the app lane keeps. */
export function isAppSource(sourcePath) {
  return /^app\/src\/.+\.tsx?$/.test(sourcePath) && !sourcePath.endsWith('.d.ts');
}

/**
 * A source's path in the repository, from the name a source map gives it: the browser's maps name
 * them `[project]/app/src/…` (Turbopack's root), the server's relative to the chunk.
 */
export function appSourcePath(sourcePath) {
  return sourcePath.replace(/^\[project\]\//, '');
}

/**
 * The Next server's scripts whose source maps lead into app/src: its chunks. The route entries
 * beside them (server/app/…/page.js, middleware.js) only load chunks and map to nothing.
 */
export function isAppServerChunk(url, distDir) {
  return /\/server\/(edge\/)?chunks\//.test(url) && url.includes(`/app/${distDir}/server/`);
}

/** The files of an Istanbul coverage map whose path passes `keep`. */
export function onlyFiles(coverageMap, keep) {
  return Object.fromEntries(Object.entries(coverageMap).filter(([path]) => keep(path)));
}

/** Keys and paths of an Istanbul coverage map made absolute, as c8 writes them, so both lanes' files merge. */
export function absolutePaths(coverageMap, root) {
  return Object.fromEntries(
    Object.values(coverageMap).map((file) => {
      const path = isAbsolute(file.path) ? file.path : resolve(root, file.path);
      return [path, { ...file, path }];
    }),
  );
}

/** Runs a command with the output shown; exits with its status when it fails. */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The unit tier and the in-process API lane under c8 (.c8rc.json): Istanbul JSON in <dir>/lanes/node. */
function nodeLane(dir) {
  const c8 = (part) => {
    const output = join(dir, 'lanes', part);
    return ['c8', '--config', '.c8rc.json', '--reports-dir', output, '--temp-directory', join(output, '.v8')];
  };
  run('npx', [...c8('node'), 'playwright', 'test', ...projectArgs('node')]);
  // The Node host (edge/src/node/: the server, its scheduler, metrics) runs in processes of its own,
  // which the security tier's observability tests start and stop gracefully: V8 writes their coverage
  // as they exit. A report of its own, merged below: c8 cannot merge V8 data of one file loaded by
  // two different transforms (Playwright's and the host's tsx) into one report.
  run('npx', [...c8(NODE_HOST_PART), 'playwright', 'test', '--project=security', ...NODE_HOST_SPECS]);
}

/** The part of the node lane that measures the Node host, and the specs that start it. */
const NODE_HOST_PART = 'node-host';
export const NODE_HOST_SPECS = ['tests/security/observability.spec.ts'];

/** The reports a lane leaves: the node lane's own and its Node host part. */
const partsOf = (lane) => (lane === 'node' ? ['node', NODE_HOST_PART] : [lane]);

const projectArgs = (lane) => LANES[lane].projects.map((project) => `--project=${project}`);

/**
 * An app/src file no test loaded, as JavaScript with a source map back to it, so that it counts
 * as uncovered (monocart's `all`) rather than not at all. TypeScript only removes the types and
 * the JSX: its lines are the file's own.
 */
async function transpileUntested(entry) {
  const { default: ts } = await import('typescript');
  const output = ts.transpileModule(entry.source, {
    fileName: fileURLToPath(entry.url),
    compilerOptions: {
      jsx: ts.JsxEmit.ReactJSX,
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      sourceMap: true,
      inlineSources: true,
    },
  });
  entry.source = output.outputText;
  // The map names the file by its URL: monocart resolves no relative name in a map handed to it.
  entry.sourceMap = { ...JSON.parse(output.sourceMapText ?? '{}'), sources: [entry.url] };
  // The JavaScript under a name of its own, which the app's filter leaves out: under the file's
  // own name it would take the place of the TypeScript it maps back to.
  entry.sourcePath = `${entry.sourcePath}.untested.js`;
}

/**
 * The browser tiers with coverage on, then one Istanbul map of app/src in <dir>/lanes/app. The build
 * goes to a folder of its own (NEXT_DIST_DIR, `.next-coverage` unless set): it carries the
 * browser's source maps and is not minified (app/next.config.ts). Each app server is started afresh
 * (playwright.config.ts reuses none under coverage), since one started elsewhere writes no coverage.
 */
async function appLane(dir) {
  const output = resolve(dir, 'lanes', 'app');
  const serverCoverage = resolve(dir, 'lanes', 'app-server-v8');
  rmSync(output, { recursive: true, force: true });
  rmSync(serverCoverage, { recursive: true, force: true });
  const distDir = process.env.NEXT_DIST_DIR || '.next-coverage';
  const { PW_APP_PREBUILT: _prebuilt, ...env } = process.env;
  run('npx', ['playwright', 'test', ...projectArgs('app')], {
    ...env,
    NEXT_DIST_DIR: distDir,
    APP_COVERAGE_DIR: output,
    APP_SERVER_COVERAGE_DIR: serverCoverage,
  });
  await appReport(output, serverCoverage, distDir);
}

/** The pages' coverage (in monocart's cache in `output`, added test by test) and the server's, as one Istanbul map. */
export async function appReport(output, serverCoverage, distDir) {
  const { CoverageReport } = await import('monocart-coverage-reports');
  const report = new CoverageReport({
    name: 'Web app (app/)',
    outputDir: output,
    logging: 'error',
    entryFilter: (entry) => isAppServerChunk(entry.url, distDir),
    sourceFilter: (sourcePath) => isAppSource(appSourcePath(sourcePath)),
    sourcePath: appSourcePath,
    all: {
      dir: ['app/src'],
      filter: (file) => isAppSource(relative(process.cwd(), file)),
      transformer: transpileUntested,
    },
    reports: [['json', { file: 'coverage-final.json' }]],
  });
  await report.addFromDir(serverCoverage);
  await report.generate();
  // Server chunks whose maps lead nowhere in app/src stay under their own names: only app/src counts.
  const file = join(output, 'coverage-final.json');
  writeFileSync(file, JSON.stringify(onlyFiles(JSON.parse(readFileSync(file, 'utf8')), isAppSource)));
}

/** Both lanes' Istanbul maps as one report in <dir>: HTML, lcov.info, coverage-summary.json. */
export async function merge(dir, lanes) {
  const { CoverageReport } = await import('monocart-coverage-reports');
  const report = new CoverageReport({
    name: 'Billing platform coverage',
    outputDir: dir,
    // monocart would empty <dir> first, the lanes' results (this report's inputs) with it. Pages
    // of files an earlier report had and this one has not stay behind; index.html lists this one's.
    clean: false,
    logging: 'error',
    reports: [
      ['html'],
      ['lcovonly', { file: 'lcov.info' }],
      ['json-summary', { file: 'coverage-summary.json' }],
      ['text-summary'],
    ],
  });
  for (const part of lanes.flatMap(partsOf)) {
    const file = join(dir, 'lanes', part, 'coverage-final.json');
    if (!existsSync(file)) throw new Error(`the ${part} lane left no ${file}`);
    await report.add(absolutePaths(JSON.parse(readFileSync(file, 'utf8')), process.cwd()));
  }
  await report.generate();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values: options } = parseArgs({
    options: {
      lane: { type: 'string', default: 'all' },
      'summary-only': { type: 'boolean', default: false },
      readme: { type: 'boolean', default: false },
      dir: { type: 'string', default: 'coverage' },
    },
  });
  const lanes = lanesOf(options.lane);
  if (!options['summary-only']) {
    const started = Date.now();
    if (lanes.includes('node')) nodeLane(options.dir);
    if (lanes.includes('app')) await appLane(options.dir);
    await merge(options.dir, lanes);
    console.log(
      `coverage lanes (${lanes.join(', ')}) in ${((Date.now() - started) / 60_000).toFixed(1)} min`,
    );
  }
  const summaryFile = join(options.dir, 'coverage-summary.json');
  if (!existsSync(summaryFile)) {
    console.error(
      `no coverage summary in ${summaryFile}: --summary-only reads the one \`npm run coverage\` writes; run that first`,
    );
    process.exit(1);
  }
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  // Paths in the summary are absolute; the workspace is the first folder below the repository.
  const figures = linesByWorkspace(summary, process.cwd());
  const rows = judge(
    figures,
    lanes.flatMap((lane) => LANES[lane].workspaces),
  );
  const projects = lanes.flatMap((lane) => LANES[lane].projects);
  const markdown = `## Coverage (${projects.join(', ')})\n\n${table(rows)}\n\nHTML in \`coverage/index.html\`, lcov in \`coverage/lcov.info\`.`;
  console.log(markdown);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
  if (options.readme) {
    // The README quotes a whole run, dated by its summary, so the figures are never one lane's, and
    // only a run that measured every workspace and passed its gates: a partial summary says nothing.
    if (lanes.length !== Object.keys(LANES).length) throw new Error('--readme quotes a run of every lane');
    if (rows.some(({ ok }) => !ok)) throw new Error('--readme quotes only a run that passed every gate');
    const day = statSync(summaryFile).mtime.toISOString().slice(0, 10);
    writeFileSync('README.md', withReadmeLine(readFileSync('README.md', 'utf8'), readmeLine(rows, day)));
  }
  const failed = rows.filter(({ ok }) => !ok);
  if (failed.length > 0) {
    console.error(`coverage under its gate: ${failed.map(({ workspace }) => workspace).join(', ')}`);
    process.exit(1);
  }
}
