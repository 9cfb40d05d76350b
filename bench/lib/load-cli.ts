/**
 * `node --import tsx bench/lib/load-cli.ts '<LoadRequest as JSON>'`: one load run, its LoadResult
 * as JSON on stdout. See load-process.ts for why it runs apart.
 */
import { ingestionScenario } from './ingestion';
import { runLoad } from './load';
import type { LoadRequest } from './load-process';

const request = JSON.parse(process.argv[2] ?? '') as LoadRequest;
const { recipe } = request;
const scenario =
  recipe.kind === 'fixed'
    ? recipe.scenario
    : { ...ingestionScenario(recipe.ingestion), headers: recipe.headers };
process.stdout.write(JSON.stringify(await runLoad(request.baseUrl, scenario, request.options)));
