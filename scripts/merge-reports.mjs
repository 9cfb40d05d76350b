// `npm run report:merge [-- <dir>]`: merges the shards' blob reports (blob-report/ by default) into
// one HTML and JSON report, but only a complete set: every blob must come from a run of the same
// shard count, and each shard 1…n must be there exactly once. A missing shard would otherwise merge
// silently into a report of half the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const dir = process.argv[2] ?? 'blob-report';
const zips = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.zip')) : [];
if (zips.length === 0) {
  console.error(`no blob reports in ${dir}/: run the shards with PW_BLOB=1 first`);
  process.exit(1);
}

const blobs = zips.map((name) => ({ name, shard: shardOf(join(dir, name)) }));
const problems = completenessProblems(blobs);
if (problems.length > 0) {
  console.error(`refusing to merge ${dir}/: the set of shards is not complete`);
  for (const blob of blobs) console.error(`  ${blob.name}: ${shardLabel(blob.shard)}`);
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error('Run the missing shards (or remove the stale blobs) and merge again.');
  process.exit(1);
}
console.log(
  `merging ${blobs.length} blob report(s) from ${dir}/: ${blobs.map((b) => shardLabel(b.shard)).join(', ')}`,
);
const merge = spawnSync('npx', ['playwright', 'merge-reports', '--config', 'playwright.config.ts', dir], {
  stdio: 'inherit',
});
process.exit(merge.status ?? 1);

function shardLabel(shard) {
  return shard ? `shard ${shard.current}/${shard.total}` : 'not sharded';
}

function completenessProblems(list) {
  const sharded = list.filter((blob) => blob.shard);
  if (sharded.length === 0) {
    return list.length === 1 ? [] : [`${list.length} unsharded runs: merge one run's shards at a time`];
  }
  const problems = [];
  if (sharded.length < list.length) problems.push('sharded and unsharded runs are mixed');
  const totals = new Set(sharded.map((blob) => blob.shard.total));
  if (totals.size > 1) problems.push(`runs of different shard counts are mixed (${[...totals].join(', ')})`);
  const total = Math.max(...totals);
  const seen = sharded.map((blob) => blob.shard.current);
  for (let current = 1; current <= total; current += 1) {
    const count = seen.filter((index) => index === current).length;
    if (count === 0) problems.push(`shard ${current}/${total} is missing`);
    if (count > 1) problems.push(`shard ${current}/${total} is there ${count} times`);
  }
  return problems;
}

/** The `shard` ({current, total}) a blob report was written by: the metadata line its report.jsonl opens with. */
function shardOf(path) {
  const first = readZipEntry(readFileSync(path), 'report.jsonl').toString('utf8').split('\n', 1)[0];
  const message = JSON.parse(first);
  if (message.method !== 'onBlobReportMetadata') throw new Error(`${path} is not a Playwright blob report`);
  return message.params.shard ?? null;
}

/** One file of a zip archive (stored or deflated), found through the central directory. */
function readZipEntry(zip, wanted) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip archive');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let entry = 0; entry < entries; entry += 1) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (name === wanted) {
      const dataStart =
        localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      return method === 0 ? data : inflateRawSync(data);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`no ${wanted} in the archive`);
}
