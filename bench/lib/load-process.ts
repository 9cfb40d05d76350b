/**
 * A load run (bench/lib/load.ts) in a process of its own, for callers that cannot load autocannon
 * themselves: a Playwright worker's module hooks trip over a `require()` of an ES module deep in
 * autocannon's dependencies on Node 24.9 ("module is not linked"). The load generator also gets an
 * event loop of its own, away from the test worker's. Scenarios travel as data, so a body that
 * changes on every request (ingestion's new event ids) is named by its recipe, not sent as code.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { IngestionOptions } from './ingestion';
import type { LoadOptions, LoadResult, LoadScenario } from './load';

export type LoadRecipe =
  | { kind: 'fixed'; scenario: Omit<LoadScenario, 'body' | 'acceptedItems'> & { body?: string } }
  | { kind: 'ingestion'; ingestion: IngestionOptions; headers: Record<string, string> };

export interface LoadRequest {
  baseUrl: string;
  recipe: LoadRecipe;
  options: LoadOptions;
}

const CLI = fileURLToPath(new URL('./load-cli.ts', import.meta.url).href);

export async function runLoadInProcess(request: LoadRequest): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', CLI, JSON.stringify(request)],
    { timeout: (request.options.warmUpSeconds + request.options.durationSeconds + 60) * 1000 },
  );
  return JSON.parse(stdout) as LoadResult;
}
