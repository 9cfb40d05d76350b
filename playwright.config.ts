import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  chromium,
  defineConfig,
  devices,
  type PlaywrightTestOptions,
  type PlaywrightWorkerOptions,
  type Project,
  type ReporterDescription,
} from '@playwright/test';
import { lastRunFigures } from './scripts/coverage.mjs';
import { IN_PROCESS } from './tests/support/api/in-process';
import {
  APP_DIST_DIR,
  APP_MOCKED_EDGE_TIMEOUT_MS,
  APP_MOCKED_PORT,
  APP_MOCKED_URL,
  APP_PORT,
  APP_SESSION_SECRET,
  APP_URL,
} from './tests/support/app-server';
import { ADMIN_API_KEY, EDGE_PORT, EDGE_URL, TEST_WEBHOOK_SETTINGS } from './tests/support/edge-server';
import type { EdgeWorkerOptions } from './tests/support/fixtures/edge';
import type { MockedAppOptions } from './tests/support/fixtures/mocked-app';
import { MOCK_PORT, MOCK_URL } from './tests/support/mock-server';

const isCI = Boolean(process.env.CI);
/**
 * Servers someone else runs (docker-compose.yml), reached through EDGE_URL, MOCK_URL, APP_URL and
 * APP_MOCKED_URL: Playwright starts none.
 */
const usesExternalServers = process.env.PW_EXTERNAL_SERVERS === '1';
/**
 * app/<APP_DIST_DIR> already holds a build of this checkout (`NEXT_DIST_DIR=.next-test npx next build
 * app`): serve it, skip the build.
 */
const appPrebuilt = process.env.PW_APP_PREBUILT === '1';

/**
 * Debian's headless shell: the same lean headless build Playwright itself launches for headless
 * runs. On 2 cores it runs the browser tiers in less than half the time of the full `chromium`
 * binary in its new headless mode, which starts a whole browser for every page.
 */
const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * One Chromium for every browser project: an explicit override, else Playwright's own download when
 * present, else Debian's packages, the headless shell first (`npx playwright install` cannot
 * download on these machines). A headed run needs the full browser:
 * `PLAYWRIGHT_CHROMIUM_EXECUTABLE=/usr/bin/chromium`.
 */
function resolveChromium(): string | undefined {
  const override = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (override) return override;
  if (existsSync(chromium.executablePath())) return undefined;
  return existsSync(DEBIAN_HEADLESS_SHELL) ? DEBIAN_HEADLESS_SHELL : '/usr/bin/chromium';
}

export const chromiumExecutable = resolveChromium();

/**
 * The quick lane's projects (`npm run test:quick`): the integration and contract specs with the
 * edge's `createApp` inside each worker on node:sqlite, called through `app.fetch`, no server.
 */
/** A phone's profile for the e2e-phone project, on the run's Chromium (the browser type stays the config's). */
const { defaultBrowserType: _phoneBrowser, ...PHONE_DEVICE } = devices['Pixel 7'];

const IN_PROCESS_PROJECT_NAMES = new Set(['integration-inprocess', 'contract-inprocess']);
/** The e2e tier on Firefox and WebKit: opt-in, like `perf` and the quick lane (OTHER_BROWSER_PROJECTS below). */
const OTHER_BROWSER_PROJECT_NAMES = new Set(['e2e-firefox', 'e2e-webkit']);
/** Projects that never call the real edge: a run of only these does not start it. */
const EDGELESS_PROJECTS = new Set(['unit', 'e2e-mocked', ...IN_PROCESS_PROJECT_NAMES]);

/** The projects named on the command line (`--project=a --project b`), or none for "all". */
function requestedProjects(argv: readonly string[]): string[] {
  return argv.flatMap((arg, index) => {
    if (arg.startsWith('--project=')) return [arg.slice('--project='.length)];
    if (arg === '--project') return [argv[index + 1] ?? ''];
    return [];
  });
}

const projectsAsked = requestedProjects(process.argv);

/** How the Allure report sorts failures, in billing terms first. */
const ALLURE_CATEGORIES = [
  { name: 'Money does not add up', messageRegex: '[\\s\\S]*toEqualMoney[\\s\\S]*' },
  { name: 'Response breaks the API contract', messageRegex: '[\\s\\S]*toMatchContract[\\s\\S]*' },
  { name: 'Engine disagrees with the oracle', messageRegex: '[\\s\\S]*oracle[\\s\\S]*' },
  { name: 'Server error (5xx)', messageRegex: '[\\s\\S]*\\b5\\d\\d\\b[\\s\\S]*' },
  { name: 'Timed out', messageRegex: '[\\s\\S]*[Tt]imeout[\\s\\S]*' },
  { name: 'Product defects', matchedStatuses: ['failed'] },
  { name: 'Test defects', matchedStatuses: ['broken'] },
];
const runs = (projects: ReadonlySet<string>) =>
  projectsAsked.length === 0 || projectsAsked.some((name) => projects.has(name));
const needsEdge = projectsAsked.length === 0 || projectsAsked.some((name) => !EDGELESS_PROJECTS.has(name));
/** The web app over the real edge: only a run including an e2e project on it builds and starts it. */
const needsApp = runs(new Set(['e2e', 'e2e-phone', ...OTHER_BROWSER_PROJECT_NAMES]));
/** The web app over the standalone mock: only a run including `e2e-mocked` starts it. */
const needsMockedApp = runs(new Set(['e2e-mocked']));
/** The standalone billing mock: the parity suite compares the edge with it; the mocked app calls it. */
const needsMock = runs(new Set(['contract', 'e2e-mocked']));
/**
 * `next build` writes app/<APP_DIST_DIR>, which both app servers serve. Web servers start one after another
 * in this order, so when the real app's server builds, the mocked one only starts the same build.
 */
const buildApp = 'npx next build app';
/**
 * Set by the app lane of `npm run coverage` (scripts/coverage.mjs): the Next server's own V8
 * coverage goes there. Given to `next start` alone, not to the build: the build prerenders pages,
 * and code run then is no test's doing.
 */
const appServerCoverageDir = process.env.APP_SERVER_COVERAGE_DIR;
const startApp = (port: number) =>
  `${appServerCoverageDir ? `NODE_V8_COVERAGE='${appServerCoverageDir}' ` : ''}npx next start app --hostname 127.0.0.1 --port ${port}`;

/** Shared by the run's edge and app: the app names the visitor it calls the edge for. */
const RUN_CLIENT_ADDRESS_TOKEN = 'playwright-run-client-address-token';

/** A `next start` of the web app on `port`, building it first when `build` is set. */
function appServer(options: { port: number; url: string; build: boolean; env: Record<string, string> }) {
  return {
    command: options.build ? `${buildApp} && ${startApp(options.port)}` : startApp(options.port),
    url: `${options.url}/sign-in`,
    // Under coverage the server must be this run's: one started elsewhere writes no coverage.
    reuseExistingServer: !isCI && !appServerCoverageDir,
    timeout: 240_000,
    env: {
      ...options.env,
      SESSION_SECRET: APP_SESSION_SECRET,
      CLIENT_ADDRESS_TOKEN: RUN_CLIENT_ADDRESS_TOKEN,
      NEXT_DIST_DIR: APP_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    // Under coverage, Node writes the server's V8 coverage as it exits, which takes longer.
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: appServerCoverageDir ? 60_000 : 5_000 },
  };
}

/**
 * `playwright merge-reports` (`npm run report:merge`) hands reporters a config without projects,
 * which allure-playwright cannot take. Allure needs no merge: every shard writes its own
 * allure-results/ files, named by unique ids, and copying the shards' folders together is the merge.
 */
const mergingReports = process.argv.includes('merge-reports');

/**
 * Each shard's blob report under a name of its own, `blob-report/report-<i>-of-<n>.zip`, and the
 * folder is not emptied first (the blob reporter's `outputDir` would be): shards run one after the
 * other in one checkout keep each other's reports. `npm run report:merge` (scripts/merge-reports.mjs)
 * refuses a set that misses a shard or mixes runs of different shard counts.
 */
function blobReportFile(argv: readonly string[]): string {
  const index = argv.findIndex((arg) => arg === '--shard' || arg.startsWith('--shard='));
  const flag = argv[index];
  const shard = flag === undefined ? undefined : (flag.split('=')[1] ?? argv[index + 1]);
  const [current, total] = (shard ?? '').split('/');
  return `blob-report/${current && total ? `report-${current}-of-${total}` : 'report'}.zip`;
}
const coverageFigures = lastRunFigures();
/** Empties allure-results/ as a run begins, then writes each test's Allure result as it ends. */
const allureReporters: ReporterDescription[] = [
  ['./tests/support/reporters/clean-allure-results.ts', { resultsDir: 'allure-results' }],
  [
    'allure-playwright',
    {
      resultsDir: 'allure-results',
      environmentInfo: {
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        edge: EDGE_URL,
        chromium: chromiumExecutable ?? 'playwright',
        ci: String(isCI),
        // The last `npm run coverage` in this checkout (`.ci/run` measures it before the tests).
        ...(coverageFigures ? { 'coverage (lines)': coverageFigures } : {}),
      },
      categories: ALLURE_CATEGORIES,
    },
  ],
];

/**
 * Browsers at once, whatever `--workers` says: each browser test drives a Chromium and a server
 * render, and more of them than cores only starve each other (4 on 2 cores rendered pages so late
 * that loading states were missed). The API tiers take the rest of the workers.
 * `PW_BROWSER_WORKERS=n` overrides it, to measure another count.
 */
const BROWSER_WORKERS = Number(process.env.PW_BROWSER_WORKERS ?? availableParallelism());

/**
 * Visual regression (tests/e2e/visual.spec.ts, and the API's failures in tests/e2e-mocked/visual.spec.ts):
 * the baselines are committed beside the specs, one folder per project and spec file, named by the
 * test (`dashboard-phone-ko.png`). They are drawn by
 * the Chromium this config resolves (Debian's headless shell 156 here) with the app's bundled
 * webfonts; another Chromium build draws text a pixel apart, so retake them with
 * `--update-snapshots` when the browser changes.
 */
const VISUAL_BASELINES = '{testDir}/__screenshots__/{projectName}/{testFilePath}/{arg}{ext}';
const VISUAL_COMPARISON = {
  animations: 'disabled',
  caret: 'hide',
  scale: 'css',
  // The same browser on the same fonts draws the same pixels: no tolerance beyond anti-aliasing.
  maxDiffPixels: 0,
} as const;

/** The options of the project's own fixtures: which backend the tests call, and whether it is the mock. */
type ProjectOptions = MockedAppOptions & EdgeWorkerOptions;
type BillingProject = Project<
  PlaywrightTestOptions & ProjectOptions,
  PlaywrightWorkerOptions & EdgeWorkerOptions
>;

const PROJECTS: BillingProject[] = [
  { name: 'unit', testDir: './tests/unit' },
  { name: 'integration', testDir: './tests/integration' },
  { name: 'contract', testDir: './tests/contract' },
  { name: 'regression', testDir: './tests/regression' },
  {
    name: 'e2e',
    testDir: './tests/e2e',
    use: { baseURL: APP_URL },
    workers: BROWSER_WORKERS,
    snapshotPathTemplate: VISUAL_BASELINES,
    expect: { toHaveScreenshot: VISUAL_COMPARISON },
  },
  // The e2e tier's @smoke tests on a phone (Chromium with Pixel 7's viewport, touch, user agent and
  // pixel ratio): what a finance reader on a phone does first, every run.
  {
    name: 'e2e-phone',
    testDir: './tests/e2e',
    grep: /@smoke/,
    use: { ...PHONE_DEVICE, baseURL: APP_URL },
    workers: BROWSER_WORKERS,
  },
  // The same page fixtures as e2e, on the app served over the standalone mock: the tests' own data
  // goes through the mock too, and its fault scenarios apply to the worker's tenant.
  {
    name: 'e2e-mocked',
    testDir: './tests/e2e-mocked',
    use: { baseURL: APP_MOCKED_URL, backendURL: MOCK_URL, isMockedBackend: true },
    workers: BROWSER_WORKERS,
    snapshotPathTemplate: VISUAL_BASELINES,
    expect: { toHaveScreenshot: VISUAL_COMPARISON },
  },
  { name: 'security', testDir: './tests/security' },
  // Thousands of API calls per test: a trace of them all costs more than it tells; a failure
  // attaches its shrunk command sequence and replay seed instead (tests/model/README.md).
  { name: 'model', testDir: './tests/model', use: { trace: 'off' } },
];

/**
 * The performance budgets (tests/perf): the benchmarks' acceptance lines as tests, on the run's
 * edge. Opt-in: a run includes them only when it names them (`--project=perf`), and they run one
 * at a time, since they measure; run them with nothing else busy on the machine.
 */
const PERF_PROJECT: BillingProject = { name: 'perf', testDir: './tests/perf', workers: 1, timeout: 120_000 };
// Workers load this config without the command line, and must see the same projects: the choice
// reaches them through the environment they inherit.
if (projectsAsked.includes('perf')) process.env.PW_RUN_PERF = '1';

/**
 * The quick lane (`npm run test:quick`, the PR lane): the same specs as `integration` and
 * `contract`, each worker with an edge of its own in process (tests/support/in-process-edge.ts) and,
 * for the parity suite, a mock of its own in process. Defined only when a run names one of them
 * (or `PW_LANE=quick`), so `npm test` and CI run exactly the workerd projects. Every spec of the two
 * tiers runs here: none needs a socket, wrangler or a private edge (those are the security tier's).
 */
const IN_PROCESS_PROJECTS: BillingProject[] = [
  { name: 'integration-inprocess', testDir: './tests/integration', use: { backendURL: IN_PROCESS } },
  { name: 'contract-inprocess', testDir: './tests/contract', use: { backendURL: IN_PROCESS } },
];
if (projectsAsked.some((name) => IN_PROCESS_PROJECT_NAMES.has(name))) process.env.PW_LANE = 'quick';

/**
 * The e2e tier on Firefox and WebKit (Playwright's Desktop Firefox and Desktop Safari profiles).
 * Opt-in: defined only when a run names one of them or sets `PW_BROWSERS=all`, since these machines
 * have Debian's Chromium alone and `npx playwright install` cannot download here; the nightly
 * regression workflow installs both browsers and runs them. The run's Chromium (`launchOptions`
 * above) is not theirs: each launches its own browser. The pixel baselines are Chromium's, so on
 * these two the visual tests run every layout and axe check and leave out only the comparison
 * (tests/support/visual.ts).
 */
const OTHER_BROWSER_PROJECTS: BillingProject[] = [
  { name: 'e2e-firefox', device: devices['Desktop Firefox'] },
  { name: 'e2e-webkit', device: devices['Desktop Safari'] },
].map(({ name, device }) => ({
  name,
  testDir: './tests/e2e',
  use: { ...device, baseURL: APP_URL, launchOptions: {} },
  workers: BROWSER_WORKERS,
}));
if (projectsAsked.some((name) => OTHER_BROWSER_PROJECT_NAMES.has(name))) process.env.PW_BROWSERS = 'all';

const ALL_PROJECTS = [
  ...PROJECTS,
  ...(process.env.PW_RUN_PERF === '1' ? [PERF_PROJECT] : []),
  ...(process.env.PW_LANE === 'quick' ? IN_PROCESS_PROJECTS : []),
  ...(process.env.PW_BROWSERS === 'all' ? OTHER_BROWSER_PROJECTS : []),
];

/**
 * `PW_PROJECT_SEQUENCE=unit,contract,…`: those projects run one after another in that order, each
 * waiting for the one before it, in one run whose servers start once; `npm run bench:suite` times
 * each project this way. Unset, every project runs in parallel with the others.
 */
function inSequence<P extends BillingProject>(projects: P[], sequence: string | undefined): P[] {
  const names = (sequence ?? '').split(',').filter(Boolean);
  return projects.map((project) => {
    const previous = names[names.indexOf(project.name ?? '') - 1];
    return previous ? { ...project, dependencies: [previous] } : project;
  });
}

export default defineConfig<ProjectOptions, EdgeWorkerOptions>({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: isCI,
  // One retry on CI exposes flakes; `failOnFlakyTests` then turns a pass-on-retry into a red run.
  retries: isCI ? 1 : 0,
  failOnFlakyTests: isCI,
  workers: Number(process.env.PW_WORKERS ?? 2),
  outputDir: 'test-results',
  // A passing test's folder goes (its trace and screenshot are only kept on failure anyway), so a
  // green run leaves no empty folders behind in test-results/.
  preserveOutput: 'failures-only',
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['json', { outputFile: 'reports/results.json' }],
    ['./tests/support/reporters/model-summary.ts', { outputFile: 'reports/model-summary.json' }],
    ['./tests/support/reporters/security-summary.ts', { outputFile: 'reports/security-summary.json' }],
    ...(mergingReports ? [] : allureReporters),
    // Sharded CI jobs write blob reports that `npm run report:merge` joins into one.
    ...(process.env.PW_BLOB ? [['blob', { outputFile: blobReportFile(process.argv) }] as const] : []),
  ],
  use: {
    // Every project calls the run's edge, but e2e-mocked (its project sets the mock instead).
    backendURL: EDGE_URL,
    isMockedBackend: false,
    // A failed test keeps its trace: every action with DOM snapshots, network and console. The
    // screencast filmstrip is left out: recording it for every test cost the e2e tier a quarter of
    // its time on 2 cores. `--trace=retain-on-failure` on the command line brings it back.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    // Chromium's projects only: e2e-firefox and e2e-webkit set launchOptions of their own.
    launchOptions: { executablePath: chromiumExecutable },
  },
  // The edge on workerd with a fresh local D1 for every run: the deployable bundle served through
  // Miniflare (`dev.mjs --bundled`), wrangler dev's runtime without its dev proxy (edge/scripts/serve-bundle.mjs).
  // The web app: a production build (`next build`) served by `next start`, talking to that edge.
  webServer: usesExternalServers
    ? []
    : [
        ...(needsEdge
          ? [
              {
                command: `node edge/scripts/dev.mjs --fresh --bundled --port ${EDGE_PORT}`,
                url: `${EDGE_URL}/health`,
                reuseExistingServer: !isCI,
                timeout: 120_000,
                // Every test reaches this edge from the same loopback address, so the per-client
                // throttles are raised here; tests/security/rate-limits.spec.ts checks them on edges of its own.
                env: {
                  ADMIN_API_KEY,
                  EDGE_LOG_LEVEL: 'error',
                  AUTH_FAILURES_PER_MINUTE: '1000000',
                  CLIENT_ADDRESS_TOKEN: RUN_CLIENT_ADDRESS_TOKEN,
                  LEGACY_RATE_LIMIT_PER_MINUTE: '1000000',
                  ...TEST_WEBHOOK_SETTINGS,
                },
                gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
              },
            ]
          : []),
        // The standalone billing mock (mock/src/server.ts) on the same handlers the browser and Node use.
        ...(needsMock
          ? [
              {
                command: `npx tsx mock/src/server.ts --port ${MOCK_PORT}`,
                url: `${MOCK_URL}/health`,
                reuseExistingServer: !isCI,
                timeout: 60_000,
                env: { ADMIN_API_KEY },
                gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
              },
            ]
          : []),
        ...(needsApp
          ? [appServer({ port: APP_PORT, url: APP_URL, build: !appPrebuilt, env: { EDGE_URL } })]
          : []),
        ...(needsMockedApp
          ? [
              appServer({
                port: APP_MOCKED_PORT,
                url: APP_MOCKED_URL,
                build: !needsApp && !appPrebuilt,
                env: { EDGE_URL: MOCK_URL, EDGE_TIMEOUT_MS: String(APP_MOCKED_EDGE_TIMEOUT_MS) },
              }),
            ]
          : []),
      ],
  projects: inSequence(ALL_PROJECTS, process.env.PW_PROJECT_SEQUENCE),
});
