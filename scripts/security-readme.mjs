// Rewrites the "Last run" table of tests/security/README.md from reports/security-summary.json (which
// every run of the security tier writes). `npm run test:security` runs the tier and then this, so
// the figures the README quotes are always a whole tier's last green run; `node
// scripts/security-readme.mjs` alone re-quotes the summary already there.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const SUMMARY = 'reports/security-summary.json';
const README = 'tests/security/README.md';
const START = '<!-- security-summary:start -->';
const END = '<!-- security-summary:end -->';

const { updatedAt, testsRecorded, reproduce, areas } = JSON.parse(readFileSync(SUMMARY, 'utf8'));
const area = (name) => areas[name] ?? {};
const operations = Object.values(JSON.parse(readFileSync('edge/openapi.json', 'utf8')).paths).flatMap(
  (methods) => Object.values(methods).filter((operation) => operation?.operationId),
).length;
const { all, authentication, isolation, races, fuzz, crash } = {
  all: area('all'),
  authentication: area('authentication'),
  isolation: area('isolation'),
  races: area('races'),
  fuzz: area('fuzz'),
  crash: area('crash'),
};
const fence = area('close fence');
const count = (value) => (typeof value === 'number' ? value.toLocaleString('en-US') : 'not run');

const rows = [
  ['operations covered by generated bad input', `${count(fuzz.operations)} of ${operations}`],
  [
    'generated cases',
    `${count(fuzz.cases)} (${count(fuzz.accepted)} accepted, ${count(fuzz.defects)} defects)`,
  ],
  [`5xx seen (of the run's ${count(all.requests)} raw requests)`, count(all.serverErrors)],
  ['operations checked for authentication', count(authentication.operations)],
  [
    'id parameters probed from another tenant',
    `${count(isolation.probes)}, plus ${count(isolation.bodyReferenceProbes)} body references`,
  ],
  ['races tried', `${count(races.tried)}, with ${count(races.requests)} concurrent requests`],
  [
    'writes raced against a close (close fence)',
    `${count(fence['usage events raced'])} usage events, ${count(fence['adjustments raced'])} adjustments, ${count(fence['credit grants raced'])} credit grants`,
  ],
  [
    'rate-limit bursts',
    `${count(area('rateLimits').bursts)}, ${count(area('rateLimits').throttled)} answered 429`,
  ],
  ['crash and resume', crash.result ?? 'not run'],
  ['hostile strings stored literally', count(area('storedLiterally').strings)],
  ['tracked files scanned for secrets', count(area('secrets').filesScanned)],
];

const table = [
  START,
  `Last run: ${updatedAt.slice(0, 10)}, ${testsRecorded} tests recorded (\`${reproduce}\`).`,
  '',
  '| count | last run |',
  '| --- | --- |',
  ...rows.map(([name, value]) => `| ${name} | ${value} |`),
  END,
].join('\n');

const readme = readFileSync(README, 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) throw new Error(`${README} has no ${START} … ${END} block to rewrite`);
writeFileSync(README, `${readme.slice(0, start)}${table}${readme.slice(end + END.length)}`);
spawnSync('npx', ['biome', 'format', '--write', README], { stdio: 'ignore' });
console.log(`${README}: figures of ${updatedAt} quoted`);
